package detached

import (
	"context"
	ctxpkg "context"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type Job struct{}

type Server struct {
	srv *http.Server
}

func index(ctx context.Context, j Job) error { return nil }

func (s *Server) index(ctx context.Context, j Job) {}

func (s *Server) Shutdown(ctx context.Context) error { return nil }

// --- positives ---

func handle(ctx context.Context, j Job) {
	go index(context.Background(), j) // want `goroutine is given context.Background\(\), so neither cancelling ctx nor shutdown can stop it; derive its context from ctx or from a server-lifetime context`
}

func handleMethod(ctx context.Context, s *Server, j Job) {
	go s.index(context.TODO(), j) // want `goroutine is given context.TODO\(\)`
}

func handleLit(ctx context.Context, j Job) {
	go func() {
		index(context.Background(), j) // want `goroutine creates context.Background\(\)`
	}()
}

func handleTimeout(ctx context.Context, j Job) {
	go func() {
		tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `goroutine creates context.Background\(\)`
		defer cancel()
		index(tctx, j)
	}()
}

func handleRenamed(ctx ctxpkg.Context, j Job) {
	go index(ctxpkg.Background(), j) // want `goroutine is given context.Background\(\)`
}

func handler(w http.ResponseWriter, r *http.Request) {
	go index(context.Background(), Job{}) // want `neither cancelling r.Context\(\) nor shutdown can stop it; derive its context from r.Context\(\)`
}

func group(ctx context.Context, jobs []Job) error {
	g, gctx := errgroup.WithContext(ctx)
	_ = gctx
	for _, j := range jobs {
		g.Go(func() error {
			return index(context.Background(), j) // want `goroutine creates context.Background\(\)`
		})
		g.TryGo(func() error {
			return index(context.TODO(), j) // want `goroutine creates context.TODO\(\)`
		})
	}
	return g.Wait()
}

func waitGroupGo(ctx context.Context, j Job) {
	var wg sync.WaitGroup
	wg.Go(func() {
		index(context.Background(), j) // want `goroutine creates context.Background\(\)`
	})
	wg.Wait()
}

// A closure with a context parameter, inside a function without one.
func register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		go index(context.Background(), Job{}) // want `goroutine is given context.Background\(\)`
	})
}

// A Done receive in another goroutine does not make this one cleanup work.
func doneElsewhere(ctx context.Context, j Job) {
	go func() { <-ctx.Done() }()
	go index(context.Background(), j) // want `goroutine is given context.Background\(\)`
}

// A select that may leave through another case before ctx is done is still
// "after done" on the Done path only.
func suppressed(ctx context.Context, j Job) {
	//shutdownlint:ignore detached-context the index outlives the request on purpose
	go index(context.Background(), j)
}

// --- negatives ---

// main has no context in scope: building the root context is its job.
func main() {
	ctx := context.Background()           // quiet: no context in scope
	go index(context.Background(), Job{}) // quiet: no context in scope
	_ = ctx
}

func init() {
	go index(context.TODO(), Job{}) // quiet: no context in scope
}

// No context in scope.
func noContext(j Job) {
	go index(context.Background(), j) // quiet: the function receives no context
}

// A blank context parameter: the function chose not to use it.
func blank(_ context.Context, j Job) {
	go index(context.Background(), j) // quiet: blank parameter
}

// The deliberate detach.
func withoutCancel(ctx context.Context, j Job) {
	go index(context.WithoutCancel(ctx), j) // quiet: deliberate detach
}

// Not given to a goroutine (calls are opt-in).
func syncCall(ctx context.Context, j Job) {
	index(context.Background(), j) // quiet: not a goroutine without -ctxpropagation.calls
}

// Shutdown after the context is done: the done context would cut it short.
func shutdownAfterDone(ctx context.Context, s *Server) {
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // quiet: after <-ctx.Done()
		defer cancel()
		s.srv.Shutdown(sctx)
	}()
}

func shutdownInSelect(ctx context.Context, s *Server, stop chan struct{}) {
	go func() {
		for {
			select {
			case <-stop:
			case <-ctx.Done():
				index(context.Background(), Job{}) // quiet: in the ctx.Done() case
				return
			}
		}
	}()
}

func shutdownOnErr(ctx context.Context, j Job) {
	go func() {
		if ctx.Err() != nil {
			index(context.Background(), j) // quiet: ctx is done here
		}
	}()
}

// Shutdown with a fresh context, wherever it is started from.
func shutdownSignal(ctx context.Context, s *Server, sig chan struct{}) {
	go func() {
		<-sig
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // quiet: feeds Shutdown
		defer cancel()
		_ = s.Shutdown(sctx)
	}()
	go s.Shutdown(context.Background()) // quiet: cleanup call
	go func() {
		var sctx context.Context = context.TODO() // quiet: feeds srv.Close via a variable
		_ = sctx
		s.srv.Close()
		s.Shutdown(sctx)
	}()
}

// Deferred cleanup inside the goroutine.
func deferredCleanup(ctx context.Context, j Job) {
	go func() {
		defer func() {
			index(context.Background(), j) // quiet: deferred cleanup
		}()
		index(ctx, j)
	}()
}

// context.AfterFunc runs once ctx is done.
func afterFunc(ctx context.Context, j Job) {
	context.AfterFunc(ctx, func() {
		go index(context.Background(), j) // quiet: runs after ctx is done
	})
}

// Background used outside the goroutine.
func outside(ctx context.Context, j Job) {
	bg := context.Background() // quiet: not handed to the goroutine
	go index(ctx, j)
	_ = bg
}

// A goroutine tracked by a WaitGroup field has a lifetime of its own: its
// owner stops and waits for it (from rclone lib/batcher).
type Batcher struct {
	wg     sync.WaitGroup
	closed chan struct{}
}

func NewBatcher(ctx context.Context) *Batcher {
	b := &Batcher{closed: make(chan struct{})}
	b.wg.Add(1)
	go b.commitLoop(context.Background()) // quiet: owned by b, stopped by Close
	go b.flushLoop(context.Background())  // quiet: owned by b (wg.Done in the loop)
	return b
}

func (b *Batcher) commitLoop(ctx context.Context) {
	defer b.wg.Done()
	<-b.closed
	_ = index(ctx, Job{})
}

func (b *Batcher) flushLoop(ctx context.Context) {
	defer b.wg.Done()
	<-b.closed
}

func (b *Batcher) Close() {
	close(b.closed)
	b.wg.Wait()
}

// A local WaitGroup does not give the goroutine a lifetime of its own.
func localWaitGroup(ctx context.Context, j Job) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		index(context.Background(), j) // want `goroutine creates context.Background\(\)`
	}()
	wg.Wait()
}

// A goroutine started by a cleanup method.
func (s *Server) Close(ctx context.Context) {
	go s.index(context.Background(), Job{}) // quiet: cleanup work
}

// A goroutine started by a callback that ignores its own context.
func callbackIgnoring(ctx context.Context) func(context.Context) {
	return func(_ context.Context) {
		go index(context.Background(), Job{}) // quiet: the innermost function ignores its context
	}
}

// A fresh context nested in the arguments.
func nested(ctx context.Context, j Job) {
	go index(context.WithValue(context.Background(), "k", 1), j) // want `goroutine is given context.Background\(\)`
}

// Calls without a static callee (a function value, a conversion).
func dynamic(ctx context.Context, f func(context.Context)) {
	f(ctx)
	_ = context.Context(ctx)
}

// The clauses of a select are alternatives: the one that receives an order
// does not run after the one that waits for ctx.Done().
func dispatch(ctx context.Context, jobs <-chan Job) {
	for {
		select {
		case <-ctx.Done():
			go index(context.Background(), Job{}) // quiet: runs once ctx is done
			return
		case j := <-jobs:
			go index(context.Background(), j) // want `goroutine is given context.Background\(\)`
		}
	}
}

func route(ctx context.Context, kind int, j Job) {
	switch kind {
	case 0:
		<-ctx.Done()
	case 1:
		go index(context.TODO(), j) // want `goroutine is given context.TODO\(\)`
	}
}

// A goroutine whose function ignores the context it is given.
func (s *Server) refresh(_ context.Context, j Job) {}

func startRefresh(ctx context.Context, s *Server, j Job) {
	go s.refresh(context.Background(), j) // quiet: refresh ignores its context
	go func() {
		s.refresh(context.TODO(), j) // quiet: refresh ignores its context
	}()
	go index(context.Background(), j) // want `goroutine is given context.Background\(\)`
}
