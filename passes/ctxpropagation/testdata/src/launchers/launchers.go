// Package launchers holds the goroutine launchers other than the go
// statement, errgroup's TryGo and (*sync.WaitGroup).Go, for the checks the
// other packages test mostly with go and errgroup's Go; and a Go method of
// another type, which is not a launcher.
package launchers

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

func handle(v int) {}

func use(ctx context.Context) {}

// pool's Go runs f; whether in a goroutine is not known.
type pool struct{}

func (pool) Go(f func()) { f() }

// --- positives ---

func loopTryGo(ctx context.Context, ch chan int) error {
	var g errgroup.Group
	g.TryGo(func() error {
		for { // want `goroutine loop has no exit`
			handle(<-ch)
		}
	})
	return g.Wait()
}

func loopWaitGroupGo(ctx context.Context, ch chan int) {
	var wg sync.WaitGroup
	wg.Go(func() {
		for { // want `goroutine loop has no exit`
			select {
			case v := <-ch:
				handle(v)
			}
		}
	})
	wg.Wait()
}

func staleTryGo(parent context.Context, shards []string) error {
	var g errgroup.Group
	ctx := parent
	for range shards {
		g.TryGo(func() error {
			use(ctx) // want `goroutine reads ctx when it runs, but ctx is reassigned on line 57`
			return nil
		})
		ctx, _ = context.WithTimeout(parent, time.Second)
	}
	return g.Wait()
}

// --- negatives ---

func loopTryGoReturns(ctx context.Context, ch chan int) error {
	var g errgroup.Group
	g.TryGo(func() error {
		for { // quiet: returns on ctx.Done()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case v := <-ch:
				handle(v)
			}
		}
	})
	return g.Wait()
}

func loopWaitGroupGoRange(ctx context.Context, ch chan int) {
	var wg sync.WaitGroup
	wg.Go(func() {
		for v := range ch { // quiet: ends when ch is closed
			handle(v)
		}
	})
	wg.Wait()
}

func loopPool(ctx context.Context, p pool, ch chan int) {
	p.Go(func() {
		for { // quiet: pool.Go is not a goroutine launcher
			handle(<-ch)
		}
	})
}

func detachedPool(ctx context.Context, p pool) {
	p.Go(func() {
		use(context.Background()) // quiet: pool.Go is not a goroutine launcher
	})
}

func parentPool(ctx context.Context, p pool) {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p.Go(func() {
		use(ctx) // quiet: pool.Go is not a goroutine launcher
	})
	use(cctx)
}

func stalePool(ctx context.Context, p pool) {
	p.Go(func() {
		use(ctx) // quiet: pool.Go may run f at once
	})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
}
