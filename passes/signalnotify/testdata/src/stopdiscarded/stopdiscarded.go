package stopdiscarded // want package:`registers signals \{SIGINT, SIGTERM\}`

import (
	"context"
	"errors"
	"log"
	"os"
	"os/signal"
	"syscall"
)

// Positives.

func blank(parent context.Context) {
	ctx, _ := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM) // want `the stop function returned by signal.NotifyContext is discarded: after the first signal SIGINT and SIGTERM stay caught, and a second one cannot force the exit`
	<-ctx.Done()
}

func statement(parent context.Context) {
	signal.NotifyContext(parent, syscall.SIGTERM) // want `the stop function returned by signal.NotifyContext is discarded: after the first signal SIGTERM stays caught`
}

func assignedBlank(parent context.Context) {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM) // want `the stop function returned by signal.NotifyContext is discarded: after the first signal SIGTERM stays caught`
	_ = stop
	<-ctx.Done()
}

func somePaths(parent context.Context, fail bool) error {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM) // want `the stop function returned by signal.NotifyContext is not called on every path`
	if fail {
		return errors.New("failed")
	}
	defer stop()
	<-ctx.Done()
	return nil
}

type service struct{}

func (service) run(ctx context.Context) error { return ctx.Err() }

func neverStopped(parent context.Context, s service) error {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM) // want `not called on every path`
	if err := s.run(ctx); err != nil {
		return err
	}
	stop()
	return nil
}

// Negatives.

func deferred(parent context.Context) {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
}

func returned(parent context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(parent, syscall.SIGTERM)
}

func returnedVars(parent context.Context) (context.Context, func()) {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM)
	return ctx, stop
}

type holder struct{ stop context.CancelFunc }

func (h *holder) stored(parent context.Context) context.Context {
	var ctx context.Context
	ctx, h.stop = signal.NotifyContext(parent, syscall.SIGTERM)
	return ctx
}

func afterFunc(parent context.Context) context.Context {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)
	return ctx
}

func exitPath(parent context.Context, bad bool) {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM)
	if bad {
		os.Exit(1)
	}
	if ctx.Err() != nil {
		log.Fatal("cancelled")
	}
	if bad {
		panic("bad")
	}
	defer stop()
	<-ctx.Done()
}

func closure(parent context.Context) {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
}

func loop(parent context.Context) {
	for {
		ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM)
		<-ctx.Done()
		stop()
	}
}
