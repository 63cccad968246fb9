// Command gracectx bounds the wait for its shutdown goroutine with a
// timeout context instead of a timer: the context's Done is the end of the
// grace period, not a new trigger.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

var sigs = make(chan os.Signal, 1)

func worker(ctx context.Context) { <-ctx.Done() } // want worker:"waits"

// ---- negatives ----

// graceContext is the idiom of litestream's cmd/litestream/replicate.go
// runUntilStopped with a success return after the grace period.
func graceContext(srv *http.Server) error { // want graceContext:"waits"
	<-sigs
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		srv.Shutdown(sctx)
	}()
	select {
	case <-done:
	case <-sctx.Done():
	}
	return nil // quiet: a wait bounded by the timeout context
}

// graceContextThenCancel gives up when the grace period runs out and
// cancels the run before it returns, as runUntilStopped does.
func graceContextThenCancel() error { // want graceContextThenCancel:"waits"
	runCtx, cancelRun := context.WithCancel(context.Background())
	defer cancelRun()
	ready := make(chan struct{})
	go func() {
		defer close(ready)
		worker(runCtx)
	}()
	<-sigs
	cancelRun()
	sctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	closed := make(chan error, 1)
	go func() {
		<-ready
		closed <- shutdownWith(sctx)
	}()
	select {
	case err := <-closed:
		return err
	case <-sigs:
	case <-sctx.Done():
	}
	cancelRun()
	return nil // quiet: the grace period ran out
}

func shutdownWith(ctx context.Context) error { return nil }

// cancelAgainAfterGrace cancels again after the grace period, as
// runUntilStopped does on its signal path: a no-op, no new trigger.
func cancelAgainAfterGrace() error { // want cancelAgainAfterGrace:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		worker(ctx)
	}()
	<-sigs
	cancel()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
	cancel()
	return nil // quiet: ctx was cancelled before the grace period
}

// ---- positives ----

// signalBoundsSelect: the select waits for the worker or for the signal;
// on the signal it returns while the worker is stopping.
func signalBoundsSelect() error { // want signalBoundsSelect:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	done := make(chan struct{})
	go func() {
		defer close(done)
		worker(ctx)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
	return nil // want `returns after ctx is done without waiting`
}

// derivedFromSignal: a timeout context derived from the signal context is
// done at the signal too.
func derivedFromSignal() error { // want derivedFromSignal:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	tctx, cancel := context.WithTimeout(ctx, time.Hour)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		worker(tctx)
	}()
	select {
	case <-done:
	case <-tctx.Done():
	}
	return nil // want `returns after tctx is done without waiting`
}

// cancelledBySignalHandler: the timeout context's cancel is the signal
// handler's, so its Done is the signal.
func cancelledBySignalHandler() error { // want cancelledBySignalHandler:"waits"
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	go func() {
		<-sigs
		cancel()
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		worker(ctx)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
	return nil // want `returns after ctx is done without waiting`
}

// cancelParentAfterGrace cancels another context after the grace period:
// the goroutine observing it gets no wait.
func cancelParentAfterGrace() error { // want cancelParentAfterGrace:"waits"
	root, cancelRoot := context.WithCancel(context.Background())
	ctx, cancel := context.WithCancel(root)
	done := make(chan struct{})
	go func() {
		defer close(done)
		worker(ctx)
	}()
	go worker(root)
	<-sigs
	cancel()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
	cancel()
	cancelRoot()
	return nil // want `returns after cancelRoot\(\) without waiting for the goroutine started at line \d+, which observes ctx`
}

// firstCancelAfterGrace cancels for the first time once the grace period
// of another goroutine ran out (runUntilStopped's path where the startup
// had finished).
func firstCancelAfterGrace() error { // want firstCancelAfterGrace:"waits"
	runCtx, cancelRun := context.WithCancel(context.Background())
	go worker(runCtx)
	<-sigs
	closed := make(chan error, 1)
	go func() { closed <- shutdownWith(context.Background()) }()
	select {
	case <-closed:
	case <-time.After(time.Second):
	}
	cancelRun()
	return nil // want `returns after cancelRun\(\) without waiting for the goroutine started at line \d+, which observes runCtx`
}

func main() { // want main:"waits"
	signal.Notify(sigs, syscall.SIGTERM)
	var err error
	switch os.Args[1] {
	case "graceContext":
		err = graceContext(&http.Server{})
	case "graceContextThenCancel":
		err = graceContextThenCancel()
	case "signalBoundsSelect":
		err = signalBoundsSelect()
	case "derivedFromSignal":
		err = derivedFromSignal()
	case "cancelAgainAfterGrace":
		err = cancelAgainAfterGrace()
	case "cancelParentAfterGrace":
		err = cancelParentAfterGrace()
	case "firstCancelAfterGrace":
		err = firstCancelAfterGrace()
	case "cancelledBySignalHandler":
		err = cancelledBySignalHandler()
	}
	if err != nil {
		os.Exit(1)
	}
}
