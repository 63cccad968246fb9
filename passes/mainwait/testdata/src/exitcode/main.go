// Command exitcode has the os.Exit(run()) shape: run is the function that
// must wait.
package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

const exitFailure = 3

func work(ctx context.Context, wg *sync.WaitGroup) { // want work:"waits"
	defer wg.Done()
	<-ctx.Done()
}

func run() int { // want run:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go work(ctx, &wg)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	cancel()
	if len(os.Args) > 1 {
		return 2 // quiet: a failure exit code
	}
	if len(os.Args) > 2 {
		return exitFailure // quiet: a named failure exit code (promtool's failureExitCode)
	}
	return 0 // want `run \(whose return ends the process\) returns after cancel\(\) without waiting for the goroutine started at line 24, which observes ctx`
}

// notRun is not the function main hands to os.Exit.
func notRun() int {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	cancel()
	return 0 // quiet: main goes on after it
}

func main() { // want main:"waits"
	n := notRun()
	go func() {}()
	os.Exit(run() + n)
}
