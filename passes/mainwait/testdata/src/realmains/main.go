// Command realmains holds run functions reduced from the mains of real
// commands on which the check is rightly quiet, although each starts
// goroutines that observe a cancellation it owns and then triggers it.
package main

import (
	"context"
	"errors"
	"lib"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// alertmanager is alertmanager's cmd/alertmanager/main.go run: a SIGHUP
// forwarder watches the signal context while main blocks in the
// application's Run, which stops its own work before it returns.
func alertmanager() int { // want alertmanager:"waits"
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	reload := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-hup:
				select {
				case reload <- struct{}{}:
				default:
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	if err := lib.RunApp(ctx, reload); err != nil {
		return 1
	}
	return 0 // quiet: lib.RunApp waited after the forwarder started
}

// litestream is litestream's cmd/litestream/replicate.go runUntilStopped:
// the shutdown runs in a goroutine bounded by a grace period and a second
// signal; when the grace period runs out it cancels the run and gives up.
func litestream(ctx context.Context, signals <-chan os.Signal) error { // want litestream:"waits"
	runCtx, cancelRun := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelRun()
	ready := make(chan struct{})
	var startupErr error
	go func() {
		startupErr = replicate(runCtx)
		close(ready)
	}()
	var result error
	select {
	case <-ready:
	case <-signals:
		cancelRun()
	case <-ctx.Done():
		result = ctx.Err()
		cancelRun()
	}
	shutdownCtx, cancelShutdown := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancelShutdown()
	closed := make(chan error, 1)
	go func() {
		<-ready
		closed <- errors.Join(startupErr, closeAll(shutdownCtx))
	}()
	select {
	case err := <-closed:
		if err = errors.Join(result, err); err != nil {
			return err
		}
		return nil // quiet: received the shutdown goroutine's result
	case <-signals:
		result = errors.Join(result, errors.New("shutdown interrupted"))
	case <-shutdownCtx.Done():
		result = errors.Join(result, shutdownCtx.Err())
	}
	cancelRun()
	select {
	case <-ready:
	default:
	}
	return result // quiet: the grace period ran out (and the result reports it)
}

func replicate(ctx context.Context) error { <-ctx.Done(); return nil } // want replicate:"waits"
func closeAll(ctx context.Context) error  { return nil }
func worker(ctx context.Context, id int)  { <-ctx.Done() } // want worker:"waits"
func reportStats(ctx context.Context)     { <-ctx.Done() } // want reportStats:"waits"

// litestreamLoad is litestream's cmd/litestream-test/load.go generateLoad:
// the workers are waited for, the statistics reporter is not.
func litestreamLoad(ctx context.Context) error { // want litestreamLoad:"waits"
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	sigChan := make(chan os.Signal, 1)
	signal.Notify(sigChan, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigChan
		cancel()
	}()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			worker(ctx, id)
		}(i)
	}
	go reportStats(ctx)
	wg.Wait()
	return nil // quiet: the workers were waited for after the reporter started
}

func main() { // want main:"waits"
	var err error
	switch os.Args[1] {
	case "alertmanager":
		os.Exit(alertmanager())
	case "litestream":
		sigs := make(chan os.Signal, 2)
		signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
		err = litestream(context.Background(), sigs)
	case "load":
		err = litestreamLoad(context.Background())
	}
	if err != nil {
		os.Exit(1)
	}
}
