package deadline

import (
	"context"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// ---- positives ----

func background(srv *http.Server) {
	srv.Shutdown(context.Background()) // want `srv.Shutdown gets context.Background\(\), which has no deadline \(context.Background\(\)\): Shutdown waits for every connection to go idle`
}

func todo(srv *http.Server) error {
	return srv.Shutdown(context.TODO()) // want `srv.Shutdown gets context.TODO\(\), which has no deadline`
}

func throughVariable(srv *http.Server) {
	ctx := context.Background()
	if err := srv.Shutdown(ctx); err != nil { // want `srv.Shutdown gets ctx, which has no deadline \(context.Background\(\)\)`
		panic(err)
	}
}

func withCancel(srv *http.Server) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which has no deadline \(context.WithCancel of context.Background\(\)\)`
}

func withoutCancel(ctx context.Context, srv *http.Server) {
	srv.Shutdown(context.WithoutCancel(ctx)) // want `which has no deadline \(context.WithoutCancel drops the deadline\)`
}

type app struct{ srv *http.Server }

func (a *app) stop() {
	a.srv.Shutdown(context.Background()) // want `a.srv.Shutdown gets context.Background\(\), which has no deadline`
}

func zeroWriteTimeout() {
	srv := &http.Server{WriteTimeout: 0}
	defer srv.Shutdown(context.Background()) // want `srv.Shutdown gets context.Background\(\), which has no deadline`
}

func nameTaken(srv *http.Server) {
	shutdownCtx := context.Background()
	srv.Shutdown(shutdownCtx) // want `srv.Shutdown gets shutdownCtx, which has no deadline`
}

// Minimised from oauth2-proxy (pkg/proxyhttp/server.go): the errgroup
// goroutine shuts down with context.Background().
func errgroupShutdown(ctx context.Context, srv *http.Server) error {
	g, groupCtx := errgroup.WithContext(ctx)
	g.Go(func() error {
		<-groupCtx.Done()
		if err := srv.Shutdown(context.Background()); err != nil { // want `srv.Shutdown gets context.Background\(\), which has no deadline`
			return err
		}
		return nil
	})
	return g.Wait()
}

// Minimised from the Prometheus Pushgateway (main.go).
func shutdownServerOnQuit(server *http.Server, quitCh <-chan struct{}, notifier chan os.Signal) error {
	select {
	case <-notifier:
	case <-quitCh:
	}
	return server.Shutdown(context.Background()) // want `server.Shutdown gets context.Background\(\), which has no deadline`
}

// A timer that only logs is no watchdog.
func loggingTimer(srv *http.Server) {
	t := time.AfterFunc(time.Minute, func() { log.Print("shutdown is slow") })
	defer t.Stop()
	srv.Shutdown(context.Background()) // want `srv.Shutdown gets context.Background\(\), which has no deadline`
}

// A watchdog armed after the Shutdown call protects nothing.
func watchdogAfter(srv *http.Server) {
	srv.Shutdown(context.Background()) // want `srv.Shutdown gets context.Background\(\), which has no deadline`
	time.AfterFunc(time.Minute, func() { os.Exit(1) })
}

// ---- negatives ----

func withTimeout(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // quiet: bounded
}

func withDeadline(srv *http.Server) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	srv.Shutdown(ctx) // quiet: bounded
}

func parameter(ctx context.Context, srv *http.Server) error {
	return srv.Shutdown(ctx) // quiet: the caller may have set a deadline
}

func cancelOfTimeout(srv *http.Server) {
	tctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ctx, cancel2 := context.WithCancel(tctx)
	defer cancel2()
	srv.Shutdown(ctx) // quiet: the parent has a deadline
}

func writeTimeoutLiteral() {
	srv := &http.Server{Addr: ":8080", WriteTimeout: 10 * time.Second}
	srv.Shutdown(context.Background()) // quiet: WriteTimeout bounds the handlers
}

type svc struct{ http *http.Server }

func newSvc() *svc {
	return &svc{http: &http.Server{WriteTimeout: time.Minute}}
}

func (s *svc) stop() {
	s.http.Shutdown(context.Background()) // quiet: the field's server sets WriteTimeout
}

func writeTimeoutAssigned(srv *http.Server) {
	srv.WriteTimeout = 30 * time.Second
	srv.Shutdown(context.TODO()) // quiet: WriteTimeout bounds the handlers
}

type holder struct{ ctx context.Context }

func field(h *holder, srv *http.Server) {
	srv.Shutdown(h.ctx) // quiet: unknown context
}

func requestContext(r *http.Request, srv *http.Server) {
	srv.Shutdown(r.Context()) // quiet: unknown context
}

func reassigned(srv *http.Server) {
	ctx := context.Background()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	srv.Shutdown(ctx) // quiet: the last assignment bounds it
}

func closeIsNotShutdown(srv *http.Server) {
	srv.Close() // quiet: Close takes no context
}

// Minimised from centrifugo (internal/app/run.go, "We have a separate
// timeout goroutine"): a watchdog armed before the Shutdown ends the process
// when the shutdown timeout is reached, so the exit cannot hang.
func watchdogAfterFunc(servers []*http.Server) {
	go time.AfterFunc(30*time.Second, func() {
		log.Fatal("shutdown timeout reached")
	})
	var wg sync.WaitGroup
	for _, srv := range servers {
		wg.Add(1)
		go func(srv *http.Server) {
			defer wg.Done()
			_ = srv.Shutdown(context.Background()) // quiet: the watchdog bounds the exit
		}(srv)
	}
	wg.Wait()
}

func watchdogGoroutine(srv *http.Server) {
	go func() {
		time.Sleep(30 * time.Second)
		os.Exit(1)
	}()
	srv.Shutdown(context.Background()) // quiet: the watchdog bounds the exit
}
