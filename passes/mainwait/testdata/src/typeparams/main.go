// Command typeparams uses generic workers and a generic helper that waits.
package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
)

type Queue[T any] struct{ items chan T }

func (q *Queue[T]) Drain(ctx context.Context) { // want Drain:"waits"
	for {
		select {
		case <-q.items:
		case <-ctx.Done():
			return
		}
	}
}

func WaitAll[T any](wg *sync.WaitGroup, _ T) { // want WaitAll:"waits"
	wg.Wait()
}

func run[T any](q *Queue[T]) error { // want run:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		q.Drain(ctx)
	}()
	cancel()
	WaitAll(&wg, 0)
	return nil // quiet: the generic helper waits
}

func runNoWait() error {
	ctx, cancel := context.WithCancel(context.Background())
	q := &Queue[int]{}
	go q.Drain(ctx)
	cancel()
	return nil // want `runNoWait \(whose return ends the process\) returns after cancel\(\) without waiting for the goroutine started at line 43, which observes ctx`
}

func main() { // want main:"waits"
	if err := run(&Queue[string]{}); err != nil {
		panic(err)
	}
	_ = runNoWait()
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
}
