// Command chain hands run's result to os.Exit, and run returns right after
// serve: serve's return ends the process too.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func serve() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: "localhost:0"}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err // quiet: a failure, which main reports
	}
	return nil // want `serve \(whose return ends the process\) returns after srv.ListenAndServe returned without waiting for the goroutine started at line 20`
}

// prepare is called before run's own wait: its return does not end the
// process.
func prepare() error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	cancel()
	return nil // quiet: run goes on and waits after it
}

// level3 is three calls below main: too far to assume its return ends the
// process.
func level3() error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	cancel()
	return nil // quiet: beyond the depth followed
}

func level2() error { return level3() }

func run() int { // want run:"waits"
	if err := prepare(); err != nil {
		return 1
	}
	done := make(chan struct{})
	go func() { defer close(done) }()
	<-done
	if err := level2(); err != nil {
		return 1
	}
	if err := serve(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Printf("serve: %v", err)
		return 1
	}
	return 0
}

func main() { // want main:"waits"
	os.Exit(run())
}
