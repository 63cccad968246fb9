package closenotified // want package:`registers signals \{SIGHUP, SIGTERM\}`

import (
	"os"
	"os/signal"
	"syscall"
)

// Positives.

func closeAfter() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
	close(c) // want `close\(c\) closes a channel registered with signal.Notify before signal.Stop\(c\): the next signal panics the process with "send on closed channel"`
}

func deferredClose() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	defer close(c) // want `close\(c\) closes a channel registered with signal.Notify`
	<-c
}

func wrongDeferOrder() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	defer signal.Stop(c)
	defer close(c) // want `close\(c\) closes a channel registered with signal.Notify`
	<-c
}

func inGoroutine(done chan struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	go func() {
		<-done
		close(c) // want `close\(c\) closes a channel registered with signal.Notify`
	}()
	for range c {
	}
}

func onOnePath(b bool) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	<-c
	if b {
		signal.Stop(c)
	}
	close(c) // want `close\(c\) closes a channel registered with signal.Notify`
}

// Negatives.

func stopFirst() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	<-c
	signal.Stop(c)
	close(c)
}

func deferOrder() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	defer close(c)
	defer signal.Stop(c) // runs first
	<-c
}

func resetFirst() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	<-c
	signal.Reset()
	close(c)
}

func stopInGoroutine(done chan struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	go func() {
		<-done
		signal.Stop(c)
		close(c)
	}()
	for range c {
	}
}

// stoppedElsewhere: the goroutine that stops and the one that closes run
// in an order this check cannot know.
func stoppedElsewhere(done chan struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	go func() {
		<-done
		close(c)
	}()
	<-c
	signal.Stop(c)
}

type holder struct{ c chan os.Signal }

// escaped: stored in a field, stopped who knows where.
func (h *holder) escaped() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	h.c = c
	close(c)
}

// reassigned: the closed channel is a new one.
func reassigned() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	<-c
	signal.Stop(c)
	c = make(chan os.Signal, 1)
	close(c)
}

func otherChannel(done chan struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	defer signal.Stop(c)
	<-c
	close(done)
}
