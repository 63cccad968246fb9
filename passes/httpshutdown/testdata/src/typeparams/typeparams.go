package typeparams

import (
	"context"
	"errors"
	"log"
	"net/http"
)

// Runner is generic; its methods see the server through an instantiated
// receiver.
type Runner[T any] struct {
	srv   *http.Server
	state T
}

func (r *Runner[T]) Start() {
	go func() {
		if err := r.srv.ListenAndServe(); err != nil { // want `r.srv.ListenAndServe returns http.ErrServerClosed once r.srv.Shutdown is called, and log.Fatal at line \d+ treats it as a failure`
			log.Fatal(err)
		}
	}()
}

func (r *Runner[T]) Stop(ctx context.Context) { r.srv.Shutdown(ctx) }

func ShutdownAll[S ~[]*http.Server](servers S) {
	for _, s := range servers {
		s.Shutdown(context.Background()) // want `s.Shutdown gets context.Background\(\), which has no deadline`
	}
}

func ShutdownAllBounded[S ~[]*http.Server](ctx context.Context, servers S) {
	for _, s := range servers {
		s.Shutdown(ctx) // quiet: a parameter
	}
}

type Checked[T any] struct {
	srv *http.Server
}

func (c *Checked[T]) Start() {
	go func() {
		if err := c.srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { // quiet: compared
			log.Fatal(err)
		}
	}()
}

func (c *Checked[T]) Stop(ctx context.Context) { c.srv.Shutdown(ctx) }

func Serve[T any](srv *http.Server, _ T) {
	log.Fatal(srv.ListenAndServe()) // quiet: this server is never shut down here
}
