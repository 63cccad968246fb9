package stale

import (
	"context"
	"errors"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

var sink context.Context

func use(ctx context.Context) { sink = ctx }

type Server struct {
	onStop func()
	hooks  map[string]func()
}

// --- positives ---

// Straight-line code: reassigned after the goroutine starts.
func straight(ctx context.Context) {
	go func() {
		use(ctx) // want `goroutine reads ctx when it runs, but ctx is reassigned on line 28 after the goroutine is created, so it may get a different, possibly cancelled, context; pass ctx to it as a parameter`
	}()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	use(ctx)
}

// A variable shared across loop iterations.
func loop(parent context.Context, shards []string) {
	var ctx context.Context
	var cancel context.CancelFunc
	for range shards {
		ctx, cancel = context.WithTimeout(parent, time.Second)
		go func() {
			use(ctx) // want `goroutine reads ctx when it runs, but ctx is reassigned on line 38`
		}()
	}
	_ = cancel
}

// errgroup: no parameter to add, the advice is to copy.
func group(parent context.Context, shards []string) error {
	g, ctx := errgroup.WithContext(parent)
	for range shards {
		g.Go(func() error {
			use(ctx) // want `goroutine reads ctx when it runs, but ctx is reassigned on line 55 after the goroutine is created, so it may get a different, possibly cancelled, context; copy ctx into a variable that is not reassigned before creating the closure`
			return nil
		})
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
	return g.Wait()
}

// A deferred function sees the context its own defer cancel() cancelled.
func deferred(ctx context.Context) {
	defer func() {
		use(ctx) // want `deferred function reads ctx when it runs, but ctx is reassigned on line 66`
	}()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	use(ctx)
}

// A stored callback runs whenever.
func callback(ctx context.Context, s *Server) {
	s.onStop = func() {
		use(ctx) // want `callback reads ctx when it runs, but ctx is reassigned on line 76`
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
}

func afterFunc(ctx context.Context) {
	time.AfterFunc(time.Second, func() {
		use(ctx) // want `callback reads ctx`
	})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
}

// A goroutine waited for only on one path.
func waitedSometimes(ctx context.Context, wait bool) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		use(ctx) // want `goroutine reads ctx`
	}()
	if wait {
		wg.Wait()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
}

// A goroutine started through a local function value.
func viaVar(ctx context.Context) {
	f := func() { use(ctx) } // want `goroutine reads ctx`
	go f()
	ctx = context.Background()
	use(ctx)
}

// --- negatives ---

// Captured but never reassigned: capturing is not the bug.
func neverReassigned(ctx context.Context) {
	go func() {
		use(ctx) // quiet: ctx is never reassigned
	}()
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	use(tctx)
}

// Reassigned only before the closure is created.
func reassignedBefore(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	go func() {
		use(ctx) // quiet: no reassignment after the goroutine starts
	}()
}

// Declared in the loop body: a new variable each iteration.
func perIteration(parent context.Context, shards []string) {
	for range shards {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		go func() {
			defer cancel()
			use(ctx) // quiet: a new ctx each iteration
		}()
	}
}

// Passed as a parameter: evaluated when the go statement runs.
func asParam(ctx context.Context) {
	go func(ctx context.Context) {
		use(ctx) // quiet: the parameter
	}(ctx)
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	use(ctx)
}

// Waited for before the reassignment.
func waited(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		use(ctx) // quiet: waited for before ctx changes
	}()
	wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
}

func groupWaited(parent context.Context) error {
	ctx := parent
	g := new(errgroup.Group)
	g.Go(func() error { use(ctx); return nil }) // quiet: waited for before ctx changes
	if err := g.Wait(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
	return nil
}

// Called at once, or passed to a function that may call it synchronously.
func synchronous(ctx context.Context, items []string, each func(func())) {
	func() {
		use(ctx) // quiet: runs now
	}()
	each(func() {
		use(ctx) // quiet: may run synchronously
	})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
}

// The closure reassigns the variable itself.
func insideOnly(ctx context.Context) {
	go func() {
		ctx, cancel := context.WithCancel(ctx) // quiet: the closure's own variable
		defer cancel()
		use(ctx)
	}()
}

// A non-context variable.
func notContext(ctx context.Context) {
	n := 1
	go func() { _ = n }() // quiet: not a context
	n = 2
	_ = n
	use(ctx)
}

type span struct{}

func (span) End() {}

func startSpan(ctx context.Context, name string) (context.Context, span) { return ctx, span{} }

// Reassignments that only add values keep the cancellation the closure
// would have seen: tracing spans, WithValue.
func valuesOnly(ctx context.Context) {
	go func() {
		use(ctx) // quiet: ctx only gains values
	}()
	ctx, sp := startSpan(ctx, "op")
	defer sp.End()
	ctx = context.WithValue(ctx, "k", 1)
	use(ctx)
}

var errTooSlow = errors.New("too slow")

type Engine struct{ rejected int }

// observe only inspects its context.
func (e *Engine) observe(ctx context.Context, err error) {
	if err != nil && errors.Is(context.Cause(ctx), errTooSlow) {
		e.rejected++
	}
}

// A deferred function that inspects the final context on purpose (from
// prometheus promql/engine.go): it wants the cause of the execution
// context assigned later.
func (e *Engine) exec(ctx context.Context) (err error) {
	defer func() {
		e.observe(ctx, err) // quiet: only inspects the final context
		if ctx.Err() != nil {
			e.rejected++
		}
	}()
	ctx, cancel := context.WithTimeoutCause(ctx, time.Second, errTooSlow)
	defer cancel()
	use(ctx)
	return nil
}

// A deferred function that does work with the reassigned context.
func (e *Engine) cleanup(ctx context.Context) {
	defer func() {
		e.observe(ctx, nil) // want `deferred function reads ctx when it runs, but ctx is reassigned on line 265`
		use(ctx)
	}()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	use(ctx)
}

// sync.WaitGroup.Go (Go 1.25) starts a goroutine too.
func waitGroupGo(parent context.Context, shards []string) {
	var wg sync.WaitGroup
	ctx := parent
	for range shards {
		wg.Go(func() {
			use(ctx) // want `goroutine reads ctx when it runs, but ctx is reassigned`
		})
		ctx, _ = context.WithTimeout(parent, time.Second)
	}
	wg.Wait()
}

// Joined through a done channel the goroutine closes before the variable
// is reassigned (a per-iteration goroutine with a timeout).
func joinedDone(parent context.Context, shards []string) {
	var ctx context.Context
	var cancel context.CancelFunc
	for range shards {
		ctx, cancel = context.WithTimeout(parent, time.Second)
		done := make(chan struct{})
		go func() {
			defer close(done)
			use(ctx) // quiet: joined by <-done before ctx changes
		}()
		<-done
		cancel()
	}
}

// Joined through the goroutine's result, in a select.
func joinedResult(parent context.Context, shards []string) error {
	ctx := parent
	for range shards {
		errc := make(chan error, 1)
		go func() {
			use(ctx) // quiet: joined by the receive of its result
			errc <- nil
		}()
		select {
		case err := <-errc:
			if err != nil {
				return err
			}
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(parent, time.Second)
		defer cancel()
	}
	return nil
}

// A receive from a channel the goroutine does not capture does not join it.
func notJoined(ctx context.Context, tick <-chan time.Time) {
	go func() {
		use(ctx) // want `goroutine reads ctx when it runs, but ctx is reassigned on line 328`
	}()
	<-tick
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	use(ctx)
}

// The goroutine is joined only after the reassignment.
func joinedLate(ctx context.Context) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		use(ctx) // want `goroutine reads ctx when it runs, but ctx is reassigned on line 340`
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	<-done
	use(ctx)
}
