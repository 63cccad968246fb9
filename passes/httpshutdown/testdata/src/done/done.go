package done

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sync/errgroup"
)

// ---- positives ----

func notifyContext(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which is already done when the shutdown starts \(after <-ctx.Done\(\)\): Shutdown returns at once and cuts in-flight requests`
}

func notifyContextNoReceive(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go func() {
		srv.ListenAndServe()
	}()
	select {}
	srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which is already done when the shutdown starts \(the signal.NotifyContext context\)`
}

func afterDone(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	return srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which is already done when the shutdown starts \(after <-ctx.Done\(\)\)`
}

func derivedAfterDone(ctx context.Context, srv *http.Server) {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(ctx, 5e9)
	defer cancel()
	srv.Shutdown(sctx) // want `srv.Shutdown gets sctx, which is already done when the shutdown starts \(after <-ctx.Done\(\)\)`
}

func selectCase(ctx context.Context, srv *http.Server, errc chan error) error {
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which is already done`
	}
}

func errgroupContext(ctx context.Context, srv *http.Server) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(srv.ListenAndServe)
	g.Go(func() error {
		<-gctx.Done()
		return srv.Shutdown(gctx) // want `srv.Shutdown gets gctx, which is already done`
	})
	return g.Wait()
}

func deferredShutdown(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	defer srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which is already done`
	<-ctx.Done()
}

// Minimised from Prometheus (web/web.go): the select case that sees ctx
// done hands ctx to Shutdown.
func (h *handler) run(ctx context.Context, srv *http.Server, errCh chan error) error {
	select {
	case e := <-errCh:
		return e
	case <-ctx.Done():
		srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which is already done when the shutdown starts \(after <-ctx.Done\(\)\)`
		return nil
	}
}

type handler struct{}

// ---- negatives ----

func freshContext(ctx context.Context, srv *http.Server) {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5e9)
	defer cancel()
	srv.Shutdown(sctx) // quiet: a fresh context
}

func withoutCancel(ctx context.Context, srv *http.Server) {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5e9)
	defer cancel()
	srv.Shutdown(sctx) // quiet: WithoutCancel detaches from the done parent
}

func pollOnly(ctx context.Context, srv *http.Server) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	default:
	}
	return srv.Shutdown(ctx) // quiet: reached only while ctx is live
}

func receiveInOtherGoroutine(ctx context.Context, srv *http.Server) {
	go func() {
		<-ctx.Done()
	}()
	srv.Shutdown(ctx) // quiet: nothing here waited for ctx
}

func otherBranch(ctx context.Context, srv *http.Server, wait bool) {
	if wait {
		<-ctx.Done()
	} else {
		srv.Shutdown(ctx) // quiet: the receive is in the other branch
	}
}

func beforeReceive(ctx context.Context, srv *http.Server) {
	srv.Shutdown(ctx) // quiet: ctx is not done yet
	<-ctx.Done()
}

func otherContextDone(ctx, shutdownCtx context.Context, srv *http.Server) {
	<-ctx.Done()
	srv.Shutdown(shutdownCtx) // quiet: a different context
}

func notifyNotUsed(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5e9)
	defer cancel()
	srv.Shutdown(sctx) // quiet: a fresh context
}

func otherCase(ctx context.Context, srv *http.Server, sig chan os.Signal) {
	select {
	case <-ctx.Done():
	case <-sig:
		srv.Shutdown(ctx) // quiet: this case runs when ctx is live
	}
}

func reassignedAfterDone(ctx context.Context, srv *http.Server) {
	<-ctx.Done()
	ctx, cancel := context.WithTimeout(context.Background(), 5e9)
	defer cancel()
	srv.Shutdown(ctx) // quiet: ctx now holds a fresh context
}

func loopSelect(ctx context.Context, srv *http.Server, tick <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			srv.Shutdown(ctx) // quiet: the Done case leaves the loop, so ctx is live here
		}
	}
}

// ---- derived and NotifyContext contexts, both ways ----

func derivedFromNotify(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(ctx, 5e9)
	defer cancel()
	srv.Shutdown(sctx) // want `srv.Shutdown gets sctx, which is already done when the shutdown starts`
}

func derivedLive(ctx context.Context, srv *http.Server) {
	sctx, cancel := context.WithTimeout(ctx, 5e9)
	defer cancel()
	srv.Shutdown(sctx) // quiet: nothing waited for ctx
}

func derivedBeforeDone(ctx context.Context, srv *http.Server, errc chan error) {
	sctx, cancel := context.WithTimeout(ctx, 5e9)
	defer cancel()
	select {
	case <-ctx.Done():
	case <-errc:
		srv.Shutdown(sctx) // quiet: this case runs when ctx is live
	}
}

// The case that does not wait for the signal runs while ctx is live: not
// done, but NotifyContext of Background has no deadline.
func notifyOtherCase(srv *http.Server, errc chan error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	select {
	case <-ctx.Done():
		return
	case <-errc:
		srv.Shutdown(ctx) // want `srv.Shutdown gets ctx, which has no deadline \(context.Background\(\)\)`
	}
}
