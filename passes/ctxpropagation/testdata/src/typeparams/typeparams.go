package typeparams

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
)

type Pool[T any] struct {
	jobs chan T
}

func process[T any](ctx context.Context, v T) error { return nil }

// --- positives ---

func (p *Pool[T]) Run(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	for range 4 {
		g.Go(func() error {
			for { // want `goroutine loop has no exit`
				v := <-p.jobs
				_ = process(ctx, v) // want `goroutine uses ctx, not gctx`
			}
		})
	}
	_ = gctx
	return g.Wait()
}

func Spawn[T any](ctx context.Context, v T) {
	go process(context.Background(), v) // want `goroutine is given context.Background\(\)`
}

func Stale[T any](ctx context.Context, v T) {
	go func() {
		_ = process(ctx, v) // want `goroutine reads ctx when it runs, but ctx is reassigned`
	}()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = process(ctx, v)
}

func (p *Pool[T]) worker(ctx context.Context) {
	for v := range time.Tick(time.Second) { // want `goroutine loop ranges over time.Tick's channel`
		_ = v
	}
}

func (p *Pool[T]) Start(ctx context.Context) {
	go p.worker(ctx)
}

// --- negatives ---

func (p *Pool[T]) Drain(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		for {
			select {
			case <-ctx.Done(): // quiet: returns on ctx.Done(), the derived context
				return ctx.Err()
			case v, ok := <-p.jobs:
				if !ok {
					return nil
				}
				_ = process(ctx, v)
			}
		}
	})
	return g.Wait()
}

func Fine[T any](ctx context.Context, v T) {
	go func() {
		_ = process(ctx, v) // quiet: ctx is never reassigned
	}()
}
