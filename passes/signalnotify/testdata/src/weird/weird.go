package weird // want package:`registers signals \{SIGINT, SIGTERM\}`

import (
	"context"
	"os"
	sig "os/signal"
	"syscall"
)

func channel() chan os.Signal { return make(chan os.Signal, 1) }

// Unusual spellings: a renamed import, parentheses, a go statement of
// Notify itself, a defer of it, a channel from a call, a function value.
func spellings(ctx context.Context) {
	c := make(chan os.Signal, 1)
	(sig.Notify)(c, os.Interrupt, syscall.SIGTERM) // want `the function can return without signal.Stop\(c\)`
	<-c

	d := make(chan os.Signal, 1)
	go sig.Notify(d, syscall.SIGTERM) // want `signal.Notify is called in a goroutine started at line 20: SIGTERM arriving`
	defer sig.Stop(d)
	defer sig.Notify(d, syscall.SIGTERM) // deferred registration: not followed
	<-d

	sig.Notify(channel(), syscall.SIGTERM) // from a call: unknown
	notify := sig.Notify
	notify(c, os.Interrupt) // a function value: not followed
	ctx, stop := (sig.NotifyContext)(ctx, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
}

func caller() {
	spellings(context.Background())
	shutdown()
}

func shutdown() {}
