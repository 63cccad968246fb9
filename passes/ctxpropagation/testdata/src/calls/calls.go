// Package calls is analysed with -ctxpropagation.calls.
package calls

import (
	"context"
	"net/http"
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
