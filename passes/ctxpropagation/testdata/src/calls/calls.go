// Package calls is analysed with -ctxpropagation.calls.
package calls

import (
	"context"
	"net/http"
	"sync"
	"time"
)

func fetch(ctx context.Context, u string) error { return nil }

func fetchAll(ctx context.Context, us ...string) {}

type Client struct{}

func (c *Client) Do(ctx context.Context) {}

func (c *Client) Close(ctx context.Context) {}

// --- positives ---

func handle(ctx context.Context, c *Client) {
	_ = fetch(context.Background(), "x")                                   // want `context.Background\(\) passed to calls.fetch cannot be cancelled through ctx or at shutdown; pass ctx or a context derived from it`
	c.Do(context.TODO())                                                   // want `context.TODO\(\) passed to Client.Do cannot be cancelled`
	tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) passed to context.WithTimeout`
	defer cancel()
	_ = fetch(tctx, "y")
}

func handler(w http.ResponseWriter, r *http.Request) {
	_ = fetch(context.Background(), "x") // want `cannot be cancelled through r.Context\(\) or at shutdown; pass r.Context\(\)`
}

// The goroutine finding is reported once, by the goroutine rule.
func goroutine(ctx context.Context) {
	go fetch(context.Background(), "x") // want `goroutine is given context.Background\(\)`
}

// --- negatives ---

func noContext() {
	_ = fetch(context.Background(), "x") // quiet: no context in scope
}

func cleanup(ctx context.Context, c *Client) {
	c.Close(context.Background()) // quiet: cleanup call
	<-ctx.Done()
	_ = fetch(context.Background(), "x") // quiet: ctx is done
}

func notAContextParam(ctx context.Context) {
	store(context.Background()) // quiet: the parameter is not a context
}

func store(v any) {}

func variadic(ctx context.Context) {
	fetchAll(ctx, "a", "b") // quiet: no fresh context
}

// Cleanup methods use fresh contexts on purpose (from rclone backend/s3).
type chunkWriter struct{ c *Client }

func (w *chunkWriter) Abort(ctx context.Context) error {
	w.c.Do(context.Background()) // quiet: the abort must not be cut short by ctx
	return nil
}

// The goroutine rule decides for a go statement's call (from rclone
// lib/batcher).
type Batcher struct{ wg sync.WaitGroup }

func (b *Batcher) loop(ctx context.Context) { defer b.wg.Done() }

func NewBatcher(ctx context.Context) *Batcher {
	b := &Batcher{}
	b.wg.Add(1)
	go b.loop(context.Background()) // quiet: owned by b
	return b
}

// An abort call.
func abortUpload(ctx context.Context, c *Uploader) {
	c.AbortMultipartUpload(context.Background()) // quiet: cleanup call
}

type Uploader struct{}

func (u *Uploader) AbortMultipartUpload(ctx context.Context) {}

// A callback that ignores the context it is given (from rclone
// backend/azureblob/auth).
func credentials(ctx context.Context, c *Client) func(context.Context) (string, error) {
	return func(context.Context) (string, error) {
		c.Do(context.Background()) // quiet: the callback ignores its own context
		return "", nil
	}
}

// A process exit runs the graceful shutdown; the request that asked for it
// must not cut it short (from caddy admin.go handleStop).
func exitProcess(ctx context.Context) {}

func handleStop(w http.ResponseWriter, r *http.Request) {
	exitProcess(context.Background()) // quiet: exiting is shutdown work
}

// Quitting is shutdown work too.
func (c *Client) Quit(ctx context.Context) {}

func quit(ctx context.Context, c *Client) {
	c.Quit(context.Background()) // quiet: quitting is shutdown work
}

// A function of the package that ignores its context parameter: nothing is
// cancelled through it (from prometheus discovery/kubernetes).
type Informer struct{}

func (c *Client) newInformer(_ context.Context) *Informer { return &Informer{} }

func unnamedParam(context.Context, string) {}

func ignoresRest(ctx context.Context, _ ...context.Context) {}

func informers(ctx context.Context, c *Client) {
	_ = c.newInformer(context.Background())                      // quiet: the callee ignores its context
	unnamedParam(context.TODO(), "x")                            // quiet: the callee ignores its context
	ignoresRest(ctx, context.Background(), context.Background()) // quiet: the callee ignores them
	ignoresRest(context.Background())                            // want `context.Background\(\) passed to calls.ignoresRest`
}
