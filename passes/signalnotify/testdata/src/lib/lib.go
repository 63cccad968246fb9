package lib // want package:`registers signals \{SIGINT, SIGTERM\}`

// Package lib is a shared signal handler, like controller-runtime's
// SetupSignalHandler: programs that use it handle SIGTERM.

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

var shutdownSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// ShutdownSignals are the signals that stop a program.
var ShutdownSignals = []os.Signal{os.Interrupt, syscall.SIGTERM} // want ShutdownSignals:`holds signals \{SIGINT, SIGTERM\}`

// SetupSignalHandler returns a context cancelled on the first signal; the
// second one exits. The goroutine keeps receiving after the function
// returns: no notify-without-stop.
func SetupSignalHandler() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	c := make(chan os.Signal, 2)
	signal.Notify(c, shutdownSignals...)
	go func() {
		<-c
		cancel()
		<-c
		os.Exit(1)
	}()
	return ctx
}
