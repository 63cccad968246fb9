package main

import (
	"context"
	"os"
	"os/signal"
	sc "syscall"
)

// ask cancels one wait on Ctrl+C through NotifyContext's stop: scoped, not
// reported.
func ask(parent context.Context) error {
	ctx, cancel := signal.NotifyContext(parent, sc.SIGINT)
	defer cancel()
	<-ctx.Done()
	return ctx.Err()
}

// handle registers under another import name of syscall.
func handle() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sc.SIGINT) // want `signal.Notify handles SIGINT but not SIGTERM`
	<-c
}

// prompt unregisters with signal.Reset: scoped, not reported.
func prompt() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	<-c
	signal.Reset(os.Interrupt)
}

// mixed unregisters a different channel: still the program's handler.
func mixed() {
	c := make(chan os.Signal, 1)
	other := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	signal.Notify(other, sc.SIGHUP)
	defer signal.Stop(other)
	<-c
}

var _ = []any{ask, handle, prompt, mixed}
