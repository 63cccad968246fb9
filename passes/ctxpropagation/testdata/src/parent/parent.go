package parent

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, u string) error { return nil }

type Server struct{}

func (s *Server) worker(ctx context.Context) {}

// --- positives ---

func groupParent(ctx context.Context, urls []string) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, u := range urls {
		g.Go(func() error {
			return fetch(ctx, u) // want `goroutine uses ctx, not gctx derived from it on line 22 by errgroup.WithContext, so the first error of the group does not stop it`
		})
	}
	g.Go(func() error { return fetch(gctx, "x") })
	return g.Wait()
}

func tryGoParent(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.TryGo(func() error {
		return fetch(ctx, "x") // want `goroutine uses ctx, not gctx`
	})
	_ = gctx
	return g.Wait()
}

func methodValue(ctx context.Context, s *Server) {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.worker(ctx) // want `goroutine uses ctx, not wctx derived from it on line 42 by context.WithCancel, so calling cancel\(\) does not stop it`
	go s.worker(wctx)
}

// namedFunc's tctx bounds its own call; the goroutine outlives namedFunc,
// and would be cancelled by the deferred cancel if it had tctx.
func namedFunc(ctx context.Context) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	go fetch(ctx, "x") // quiet: outlives namedFunc, whose tctx is only for its own calls
	_ = fetch(tctx, "y")
}

func notify(parent context.Context) {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt)
	defer stop()
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = fetch(parent, "x") // want `goroutine uses parent, not ctx derived from it on line 58 by signal.NotifyContext, so the signal does not stop it`
	})
	wg.Go(func() {
		_ = fetch(ctx, "y")
	})
	wg.Wait()
}

func goLitArg(ctx context.Context) {
	cctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go func(c context.Context) {
		_ = fetch(c, "x")
	}(ctx) // want `goroutine uses ctx, not cctx`
	_ = cctx
}

// A chain: the goroutine uses the middle context, not the last one.
func chain(ctx context.Context) error {
	c1, cancel := context.WithCancel(ctx)
	defer cancel()
	g, c2 := errgroup.WithContext(c1)
	g.Go(func() error { return fetch(c1, "x") }) // want `goroutine uses c1, not c2`
	g.Go(func() error { return fetch(c2, "y") })
	return g.Wait()
}

// Shadowing in an inner block: the outer ctx is no longer reachable by
// name, but a parameter of the closure's own enclosing function is.
func deadline(ctx context.Context, d time.Time) {
	dctx, cancel := context.WithDeadline(ctx, d)
	defer cancel()
	go func() {
		for {
			_ = fetch(ctx, "x") // want `so the deadline does not stop it`
			return
		}
	}()
	_ = dctx
}

// --- negatives ---

// The shadowing style: ctx now denotes the group's context.
func shadow(ctx context.Context, urls []string) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, u := range urls {
		g.Go(func() error { return fetch(ctx, u) }) // quiet: ctx is the derived context
	}
	return g.Wait()
}

// Shadowing in an inner scope: a new variable named ctx.
func shadowInner(ctx context.Context) error {
	if true {
		g, ctx := errgroup.WithContext(ctx)
		g.Go(func() error { return fetch(ctx, "x") }) // quiet: the inner ctx is the derived one
		return g.Wait()
	}
	return nil
}

// The same variable reassigned.
func reassigned(ctx context.Context, s *Server) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.worker(ctx) // quiet: ctx holds the derived context
}

// Uses the group context.
func useDerived(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(gctx, "x") }) // quiet
	return g.Wait()
}

// Uses both: the derived context governs it.
func useBoth(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		<-gctx.Done()
		return fetch(ctx, "cleanup") // quiet: the goroutine watches gctx
	})
	return g.Wait()
}

// A context derived from the derived one counts as the derived one.
func derivedOfDerived(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		tctx, cancel := context.WithTimeout(gctx, time.Second)
		defer cancel()
		return fetch(tctx, "x") // quiet
	})
	return g.Wait()
}

// Deliberate detach.
func detach(ctx context.Context, s *Server) {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.worker(context.WithoutCancel(ctx)) // quiet: deliberate detach
	go s.worker(wctx)
}

// The derivation is out of scope at the launch.
func outOfScope(ctx context.Context, s *Server) {
	if true {
		tctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_ = fetch(tctx, "x")
	}
	go s.worker(ctx) // quiet: tctx is out of scope
}

// The launch comes before the derivation.
func before(ctx context.Context, s *Server) {
	go s.worker(ctx) // quiet: no derived context yet
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = fetch(tctx, "x")
}

// The derived context is discarded.
func discarded(ctx context.Context) error {
	g, _ := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(ctx, "x") }) // quiet: no derived context to use
	return g.Wait()
}

// Not a goroutine.
func syncUse(ctx context.Context) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = fetch(ctx, "x") // quiet: not a goroutine
	_ = fetch(tctx, "y")
}

// A parent from another function is unrelated.
func unrelated(ctx, other context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(other, "x") }) // quiet: other has no derived context
	g.Go(func() error { return fetch(gctx, "y") })
	return g.Wait()
}

// The goroutine's own parameter shadows the parent's name.
func ownParam(ctx context.Context, s *Server) {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func(ctx context.Context) {
		s.worker(ctx) // quiet: this ctx is the parameter, given wctx
	}(wctx)
}

// The goroutine relays the parent's cancellation to the derived context
// (from context's own tests).
func relay(parent context.Context) {
	child, cancelChild := context.WithCancel(parent)
	go func() {
		<-parent.Done() // quiet: the goroutine manages the derived context
		cancelChild()
	}()
	<-child.Done()
}

// After Wait the group's context is cancelled: later goroutines must use
// the parent (from prometheus discovery/aws/ecs.go).
func afterWait(ctx context.Context, items []string) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(gctx, "list") })
	if err := g.Wait(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = fetch(ctx, it) // quiet: gctx ended with g.Wait()
		}()
	}
	wg.Wait()
	return nil
}

// After cancel() the derived context is done.
func afterCancel(ctx context.Context, s *Server) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	_ = fetch(tctx, "x")
	cancel()
	go s.worker(ctx) // quiet: tctx was cancelled before the launch
}

// A derivation in a grouped var declaration (from thanos pkg/*/proxy.go).
func grouped(ctx context.Context, urls []string) error {
	var (
		g, gctx = errgroup.WithContext(ctx)
		results = make(chan error, len(urls))
	)
	for _, u := range urls {
		g.Go(func() error {
			results <- fetch(gctx, u) // quiet: the group context
			return nil
		})
		g.Go(func() error {
			return fetch(ctx, u) // want `goroutine uses ctx, not gctx derived from it on line 259`
		})
	}
	return g.Wait()
}

type pacer struct{}

func (p *pacer) Call(f func() (bool, error)) error { _, err := f(); return err }

// The parent used in a callback inside the group function (from rclone
// backend/azureblob multipart copy).
func nestedCallback(ctx context.Context, p *pacer, parts int) error {
	var (
		g, gCtx = errgroup.WithContext(ctx)
	)
	for part := range parts {
		if gCtx.Err() != nil {
			break
		}
		g.Go(func() error {
			return p.Call(func() (bool, error) {
				return false, fetch(ctx, "part"+string(rune(part))) // want `goroutine uses ctx, not gCtx`
			})
		})
	}
	return g.Wait()
}

// namedFuncWaits waits for its goroutine: the timeout was meant for it too.
func namedFuncWaits(ctx context.Context) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = fetch(ctx, "x") // want `goroutine uses ctx, not tctx derived from it on line \d+ by context.WithTimeout, so the timeout does not stop it`
	}()
	_ = fetch(tctx, "y")
	wg.Wait()
}

// namedFuncSelects waits on tctx itself: its goroutine is meant to stop with it.
func namedFuncSelects(ctx context.Context) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	go fetch(ctx, "x") // want `goroutine uses ctx, not tctx`
	_ = fetch(tctx, "y")
	<-tctx.Done()
}

// connect's short context is for the handshake only; the loop it starts
// lives on (prometheus, caddy: init contexts next to long-lived loops).
func connect(ctx context.Context, s *Server) error {
	initCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := fetch(initCtx, "handshake"); err != nil {
		return err
	}
	go s.worker(ctx) // quiet: outlives connect
	return nil
}

// connectCancel is the same with WithCancel.
func connectCancel(ctx context.Context, s *Server) {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_ = fetch(cctx, "once")
	go s.worker(ctx) // quiet: outlives connectCancel
}
