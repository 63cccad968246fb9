package loops

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"golang.org/x/sync/errgroup"
)

func handle(v int) {}

type Server struct {
	ticker *time.Ticker
	sigs   chan os.Signal
}

// --- positives ---

// A select loop with no cancellation and no exit.
func selectLoop(ctx context.Context, ch chan int) {
	go func() {
		for { // want `goroutine loop has no exit: nothing returns or breaks out of it, so it keeps running after ctx is cancelled at shutdown; return when <-ctx.Done\(\) is ready`
			select {
			case v := <-ch:
				handle(v)
			}
		}
	}()
}

// break inside select leaves only the select.
func breakInSelect(ctx context.Context, ch chan int) {
	go func() {
		for { // want `goroutine loop has no exit: the break on line 41 leaves only the select, not the loop, so it keeps running after ctx is cancelled`
			select {
			case <-ctx.Done():
				break
			case v := <-ch:
				handle(v)
			}
		}
	}()
}

// break inside switch leaves only the switch.
func breakInSwitch(ctx context.Context, ch chan int) {
	go func() {
		for { // want `the break on line 55 leaves only the switch, not the loop`
			switch v := <-ch; v {
			case 0:
				break
			default:
				handle(v)
			}
		}
	}()
}

// A ticker loop with no exit, with a context available.
func ticker(ctx context.Context) {
	t := time.NewTicker(time.Second)
	go func() {
		for range t.C { // want `goroutine loop ranges over t.C, which is never closed, and nothing returns or breaks out of it`
			handle(1)
		}
	}()
}

func tick(ctx context.Context) {
	go func() {
		for range time.Tick(time.Second) { // want `goroutine loop ranges over time.Tick's channel`
			handle(1)
		}
	}()
}

func tickVar(ctx context.Context) {
	c := time.Tick(time.Second)
	go func() {
		for range c { // want `ranges over c \(time.Tick's channel\)`
			handle(1)
		}
	}()
}

// for range over a signal channel: the runtime never closes it.
func signals(ctx context.Context) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		for s := range sigs { // want `ranges over sigs \(a signal channel\)`
			_ = s
		}
	}()
}

// A named method started with go, taking a context.
func (s *Server) worker(ctx context.Context) {
	for { // want `goroutine loop has no exit`
		time.Sleep(time.Second)
		handle(1)
	}
}

func (s *Server) start(ctx context.Context) {
	go s.worker(ctx)
}

// errgroup and the context of an enclosing function.
func group(ctx context.Context, ch chan int) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		_ = gctx
		for { // want `after gctx is cancelled`
			handle(<-ch)
		}
	})
	return g.Wait()
}

// A handler's goroutine: r.Context() is available.
func handler(w http.ResponseWriter, r *http.Request) {
	go func() {
		for { // want `after r.Context\(\) is cancelled at shutdown; return when <-r.Context\(\).Done\(\) is ready`
			handle(1)
		}
	}()
}

// A function with a context called by a launched literal.
func (s *Server) run(ctx context.Context) {
	for range s.ticker.C { // want `ranges over s.ticker.C`
		handle(1)
	}
}

func (s *Server) startRun(ctx context.Context) {
	go func() {
		s.run(ctx)
	}()
}

// A ctx check that does not leave the loop.
func checksButStays(ctx context.Context) {
	go func() {
		for { // want `goroutine loop has no exit`
			if ctx.Err() != nil {
				handle(0)
			}
		}
	}()
}

// A break of an inner loop does not leave the outer one.
func innerBreak(ctx context.Context, ch chan int) {
	go func() {
		for { // want `goroutine loop has no exit`
			for v := range ch {
				if v == 0 {
					break
				}
			}
		}
	}()
}

// Suppressed.
func suppressed(ctx context.Context) {
	go func() {
		//shutdownlint:ignore uncancellable-loop runs for the life of the process by design
		for {
			handle(1)
		}
	}()
}

// --- negatives ---

func rangeChan(ctx context.Context, ch chan int) {
	go func() {
		for v := range ch { // quiet: ends when ch is closed
			handle(v)
		}
	}()
}

func returnOnDone(ctx context.Context, ch chan int) {
	go func() {
		for { // quiet: returns on ctx.Done()
			select {
			case <-ctx.Done():
				return
			case v := <-ch:
				handle(v)
			}
		}
	}()
}

func closedChannel(ctx context.Context, ch chan int) {
	go func() {
		for { // quiet: returns when ch is closed
			v, ok := <-ch
			if !ok {
				return
			}
			handle(v)
		}
	}()
}

func labeledBreak(ctx context.Context, ch chan int) {
	go func() {
	loop:
		for { // quiet: the labeled break leaves the loop
			select {
			case <-ctx.Done():
				break loop
			case v := <-ch:
				handle(v)
			}
		}
	}()
}

func plainBreak(ctx context.Context, ch chan int) {
	go func() {
		for { // quiet: the break leaves the loop
			v := <-ch
			if v == 0 {
				break
			}
		}
	}()
}

func gotoOut(ctx context.Context) {
	go func() {
		for { // quiet: goto leaves the loop
			if ctx.Err() != nil {
				goto done
			}
		}
	done:
	}()
}

func continueOuter(ctx context.Context, chs []chan int) {
	go func() {
	outer:
		for _, ch := range chs {
			for { // quiet: continue outer leaves it
				if <-ch == 0 {
					continue outer
				}
			}
		}
	}()
}

func panics(ctx context.Context) {
	go func() {
		for { // quiet: panic ends the goroutine
			panic("x")
		}
	}()
	go func() {
		for { // quiet: log.Fatal ends the process
			log.Fatal("x")
		}
	}()
}

func condition(ctx context.Context, running func() bool) {
	go func() {
		for running() { // quiet: a condition
			handle(1)
		}
	}()
}

func tickerWithExit(ctx context.Context) {
	t := time.NewTicker(time.Second)
	go func() {
		defer t.Stop()
		for { // quiet: returns on ctx.Done()
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				handle(1)
			}
		}
	}()
}

// No context available in the goroutine.
func noContext(ch chan int) {
	go func() {
		for { // quiet: no context available
			handle(<-ch)
		}
	}()
}

func (s *Server) noCtxMethod() {
	for { // quiet: no context available
		handle(1)
	}
}

func (s *Server) startNoCtx(ctx context.Context) {
	go s.noCtxMethod()
}

// Not in a goroutine.
func notGoroutine(ctx context.Context) {
	for { // quiet: not in a goroutine
		handle(1)
	}
}

// A loop in a function literal inside the goroutine is another function.
func nestedLit(ctx context.Context) {
	go func() {
		f := func() {
			for { // quiet: not the goroutine's function
				handle(1)
			}
		}
		_ = f
	}()
}

// The loop returns from a nested select.
func nestedReturn(ctx context.Context, ch chan int) {
	go func() {
		for { // quiet: returns on ctx.Done()
			switch {
			case ctx.Err() != nil:
				return
			default:
				handle(<-ch)
			}
		}
	}()
}

// A ticker loop in a goroutine with no context available.
func tickerNoContext(t *time.Ticker) {
	go func() {
		for range t.C { // quiet: no context available
			handle(1)
		}
	}()
}

// A signal channel stored in a field.
func (s *Server) handleSignals(ctx context.Context) {
	signal.Notify(s.sigs, os.Interrupt)
	go func() {
		for range s.sigs { // want `ranges over s.sigs \(a signal channel\)`
			handle(2)
		}
	}()
}

// A return inside a function literal does not leave the loop.
func returnInLiteral(ctx context.Context, ch chan func()) {
	go func() {
		for { // want `goroutine loop has no exit`
			f := func() {
				return
			}
			f()
		}
	}()
}

// A signal handler started by a constructor that receives a context (from
// rclone backend/cache): it can never be stopped.
func NewCache(ctx context.Context) *Server {
	s := &Server{}
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		for { // want `goroutine loop has no exit`
			sig := <-c
			if sig == os.Interrupt {
				handle(3)
			}
		}
	}()
	return s
}
