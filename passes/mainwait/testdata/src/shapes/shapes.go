// Command shapes holds the run-function shapes: main runs one per
// invocation and hands its result to the exit code, so each ends the
// process.
package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

var sigs = make(chan os.Signal, 1)

func worker(ctx context.Context)         { <-ctx.Done() } // want worker:"waits"
func cleanup()                           {}
func flush(done <-chan struct{})         { <-done } // want flush:"waits"
func serve(srv *http.Server) error       { return srv.ListenAndServe() }
func ping(ctx context.Context) error     { return nil }
func process(ctx context.Context, n int) {}

// ---- positives ----

func cancelThenReturn() error { // want cancelThenReturn:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	<-sigs
	cancel()
	return nil // want `cancelThenReturn \(whose return ends the process\) returns after cancel\(\) without waiting for the goroutine started at line \d+, which observes ctx: the process exits while it may still be cleaning up, and its deferred calls never run`
}

func deferredCancel() error { // want deferredCancel:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go worker(ctx)
	<-sigs
	return nil // want `returns after the deferred cancel\(\) without waiting`
}

func closeDone() error { // want closeDone:"waits"
	done := make(chan struct{})
	go func() {
		<-done
		cleanup()
	}()
	<-sigs
	close(done)
	return nil // want `returns after close\(done\) without waiting for the goroutine started at line \d+, which observes done`
}

func notifyContextServe() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err // quiet: a failure, not a shutdown
	}
	return nil // want `returns after srv.ListenAndServe returned without waiting`
}

func notifyContextDone() error { // want notifyContextDone:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go worker(ctx)
	<-ctx.Done()
	return nil // want `returns after ctx is done without waiting`
}

func cancelInSignalGoroutine() error { // want cancelInSignalGoroutine:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-sigs
		cancel()
	}()
	go worker(ctx)
	<-ctx.Done()
	return nil // want `returns after ctx is done without waiting for the goroutine started at line \d+`
}

func parentCancelled() error { // want parentCancelled:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	wctx, wcancel := context.WithTimeout(ctx, time.Hour)
	defer wcancel()
	go worker(wctx)
	<-sigs
	cancel()
	return nil // want `returns after cancel\(\) without waiting for the goroutine started at line \d+, which observes wctx`
}

func selectLoop() error { // want selectLoop:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	tick := time.NewTicker(time.Second)
	for {
		select {
		case <-sigs:
			cancel()
			return nil // want `returns after cancel\(\)`
		case <-tick.C:
		}
	}
}

func waitsOnOnePathOnly(fast bool) error { // want waitsOnOnePathOnly:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		worker(ctx)
	}()
	<-sigs
	cancel()
	if fast {
		return nil // want `returns after cancel\(\) without waiting`
	}
	wg.Wait()
	return nil
}

// ---- negatives ----

func waitGroupWait() error { // want waitGroupWait:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process(ctx, i)
		}()
	}
	<-sigs
	cancel()
	wg.Wait()
	return nil // quiet: waited
}

func completionChannel() error { // want completionChannel:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		worker(ctx)
	}()
	<-sigs
	cancel()
	<-finished
	return nil // quiet: receives from the goroutine's completion channel
}

func blockingShutdown() error { // want blockingShutdown:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			panic(err)
		}
	}()
	go worker(ctx)
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx) // quiet: Shutdown blocks until the server drained
}

func shutdownGoroutineWaited() error { // want shutdownGoroutineWaited:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	idle := make(chan struct{})
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
		close(idle)
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	<-idle
	return nil // quiet: waits for the Shutdown goroutine
}

func localHelperWaits() error { // want localHelperWaits:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); worker(ctx) }()
	<-sigs
	cancel()
	waitFor(&wg)
	return nil // quiet: the helper waits
}

func waitFor(wg *sync.WaitGroup) { wg.Wait() } // want waitFor:"waits"

func gracePeriod() error { // want gracePeriod:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); worker(ctx) }()
	<-sigs
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
	return nil // quiet: a wait bounded by a timeout
}

func sleepGrace() error { // want sleepGrace:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	<-sigs
	cancel()
	time.Sleep(time.Second)
	return nil // quiet: a grace period
}

func fireAndForget() error { // want fireAndForget:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go http.ListenAndServe(":9090", nil) // observes nothing main owns
	go cleanup()
	<-sigs
	return ping(ctx) // quiet: no goroutine observes ctx
}

func signalHandlerOnly() error { // want signalHandlerOnly:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-sigs:
			cancel()
		case <-ctx.Done():
		}
	}()
	<-ctx.Done()
	return nil // quiet: the only goroutine is the one that cancels
}

func noTrigger() error { // want noTrigger:"waits"
	ctx, _ := context.WithCancel(context.Background())
	go worker(ctx)
	<-sigs
	return nil // quiet: nothing cancels ctx; the goroutine is not shutting down
}

func exitsInstead() error { // want exitsInstead:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	<-sigs
	cancel()
	os.Exit(1) // quiet: not a return (the exit itself is osexit's business)
	return nil
}

func failureReturn() error { // want failureReturn:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	err := ping(ctx)
	if err != nil {
		cancel()
		return err // quiet: a failure path
	}
	cancel()
	wg := sync.WaitGroup{}
	wg.Wait()
	return nil
}

func deferredWaitBeforeCancel() error { // want deferredWaitBeforeCancel:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel() // runs first, then the Wait
	wg.Add(1)
	go func() { defer wg.Done(); worker(ctx) }()
	<-sigs
	return nil // quiet: the deferred Wait runs after the deferred cancel
}

func deferredCancelAndWait() error { // want deferredCancelAndWait:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	wg.Add(1)
	go func() { defer wg.Done(); worker(ctx) }()
	<-sigs
	return nil // quiet: the deferred function waits after cancelling
}

func waitBeforeCancel() error { // want waitBeforeCancel:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	go worker(ctx)
	wg.Wait()
	cancel()
	return nil // quiet: something was waited for after the start
}

type stopper interface{ Stop() }

func interfaceStop(s stopper) error { // want interfaceStop:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	<-sigs
	cancel()
	s.Stop()
	return nil // quiet: an unknown Stop may wait
}

func rangeCompletion() error { // want rangeCompletion:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error)
	go func() {
		defer close(errs)
		errs <- ping(ctx)
	}()
	<-sigs
	cancel()
	for range errs {
	}
	return nil // quiet: ranging until the goroutine closes errs
}

func unrelatedCancel() error { // want unrelatedCancel:"waits"
	ctx, stopWorkers := context.WithCancel(context.Background())
	defer stopWorkers()
	go worker(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	dbCtx, dbCancel := context.WithTimeout(context.Background(), time.Second)
	ping(dbCtx)
	dbCancel()
	return nil // quiet: dbCancel cancels nothing a goroutine observes, and the deferred Wait covers stopWorkers
}

func parameterContext(ctx context.Context) error { // want parameterContext:"waits"
	go worker(ctx)
	<-ctx.Done()
	return nil // quiet: ctx is not owned here
}

func main() { // want main:"waits"
	signal.Notify(sigs, syscall.SIGTERM)
	// One run function per invocation: the process ends when it returns.
	var err error
	switch os.Args[1] {
	case "cancelThenReturn":
		err = cancelThenReturn()
	case "deferredCancel":
		err = deferredCancel()
	case "closeDone":
		err = closeDone()
	case "notifyContextServe":
		err = notifyContextServe()
	case "notifyContextDone":
		err = notifyContextDone()
	case "cancelInSignalGoroutine":
		err = cancelInSignalGoroutine()
	case "parentCancelled":
		err = parentCancelled()
	case "selectLoop":
		err = selectLoop()
	case "waitsOnOnePathOnly":
		err = waitsOnOnePathOnly(false)
	case "waitGroupWait":
		err = waitGroupWait()
	case "completionChannel":
		err = completionChannel()
	case "blockingShutdown":
		err = blockingShutdown()
	case "shutdownGoroutineWaited":
		err = shutdownGoroutineWaited()
	case "localHelperWaits":
		err = localHelperWaits()
	case "gracePeriod":
		err = gracePeriod()
	case "sleepGrace":
		err = sleepGrace()
	case "fireAndForget":
		err = fireAndForget()
	case "signalHandlerOnly":
		err = signalHandlerOnly()
	case "noTrigger":
		err = noTrigger()
	case "exitsInstead":
		err = exitsInstead()
	case "failureReturn":
		err = failureReturn()
	case "deferredWaitBeforeCancel":
		err = deferredWaitBeforeCancel()
	case "deferredCancelAndWait":
		err = deferredCancelAndWait()
	case "waitBeforeCancel":
		err = waitBeforeCancel()
	case "interfaceStop":
		err = interfaceStop(nil)
	case "rangeCompletion":
		err = rangeCompletion()
	case "unrelatedCancel":
		err = unrelatedCancel()
	case "parameterContext":
		err = parameterContext(context.Background())
	case "shutdownWithDoneContext":
		err = shutdownWithDoneContext()
	case "errgroupNoWait":
		err = errgroupNoWait()
	case "errgroupContextNoWait":
		err = errgroupContextNoWait()
	case "errgroupWait":
		err = errgroupWait()
	case "shutdownStatement":
		err = shutdownStatement()
	case "closeDoneWaited":
		err = closeDoneWaited()
	case "notifyContextDoneWaited":
		err = notifyContextDoneWaited()
	case "cancelInSignalGoroutineWaited":
		err = cancelInSignalGoroutineWaited()
	case "parentCancelledWaited":
		err = parentCancelledWaited()
	case "serveThenWait":
		err = serveThenWait()
	}
	if err != nil {
		os.Exit(1)
	}
}

// Minimised from the example service shopd: Shutdown is handed the done
// context, returns at once, and waits for nothing.
func shutdownWithDoneContext() error { // want shutdownWithDoneContext:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go worker(ctx)
	<-ctx.Done()
	if err := srv.Shutdown(ctx); err != nil {
		return err
	}
	return nil // want `shutdownWithDoneContext \(whose return ends the process\) returns after ctx is done without waiting`
}

// ---- errgroup ----

func errgroupNoWait() error { // want errgroupNoWait:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var g errgroup.Group
	g.Go(func() error { worker(ctx); return nil })
	<-sigs
	cancel()
	return nil // want `errgroupNoWait \(whose return ends the process\) returns after cancel\(\) without waiting for the goroutine started at line \d+, which observes ctx`
}

func errgroupContextNoWait() error { // want errgroupContextNoWait:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	g, gctx := errgroup.WithContext(ctx)
	go worker(gctx)
	_ = g
	<-sigs
	cancel()
	return nil // want `returns after cancel\(\) without waiting for the goroutine started at line \d+, which observes gctx`
}

func errgroupWait() error { // want errgroupWait:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { worker(gctx); return nil })
	g.Go(func() error { worker(ctx); return nil })
	<-sigs
	cancel()
	if err := g.Wait(); err != nil {
		return err
	}
	return nil // quiet: errgroup.Group.Wait waited
}

func shutdownStatement() error { // want shutdownStatement:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-ctx.Done()
		cleanup()
	}()
	go srv.ListenAndServe()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	return nil // quiet: Shutdown blocks until the server drained
}

// ---- each trigger, then a wait ----

func closeDoneWaited() error { // want closeDoneWaited:"waits"
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-done
		cleanup()
	}()
	<-sigs
	close(done)
	wg.Wait()
	return nil // quiet: waited after close(done)
}

func notifyContextDoneWaited() error { // want notifyContextDoneWaited:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		worker(ctx)
	}()
	<-ctx.Done()
	<-finished
	return nil // quiet: receives from the goroutine's completion channel after the signal
}

func cancelInSignalGoroutineWaited() error { // want cancelInSignalGoroutineWaited:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-sigs
		cancel()
	}()
	var g errgroup.Group
	g.Go(func() error {
		worker(ctx)
		return nil
	})
	<-ctx.Done()
	return g.Wait() // quiet: errgroup.Group.Wait waits
}

func parentCancelledWaited() error { // want parentCancelledWaited:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	wctx, wcancel := context.WithTimeout(ctx, time.Hour)
	defer wcancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		worker(wctx)
	}()
	<-sigs
	cancel()
	wg.Wait()
	return nil // quiet: waited
}

func serveThenWait() error { // want serveThenWait:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	wg.Wait()
	return nil // quiet: waits for the Shutdown goroutine after the serve call returned
}
