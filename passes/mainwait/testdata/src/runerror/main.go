// Command runerror has the run() error shape: main reports run's error and
// exits, so run's return ends the process.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

func worker(ctx context.Context) { <-ctx.Done() } // want worker:"waits"

func run(fast bool) error { // want run:"waits"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		worker(ctx)
	}()
	<-ctx.Done()
	if fast {
		return nil // want `run \(whose return ends the process\) returns after ctx is done without waiting for the goroutine started at line 22, which observes ctx`
	}
	wg.Wait()
	return nil // quiet: waited
}

// check is called before run: main goes on and blocks in run after it, so
// check's return does not end the process.
func check() error {
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	cancel()
	return nil // quiet: not the outcome of main
}

func main() { // want main:"waits"
	if err := check(); err != nil {
		log.Fatal(err)
	}
	if err := run(len(os.Args) > 1); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	report() // waits for nothing: run's return still ends the process
}

func report() { fmt.Println("bye") }
