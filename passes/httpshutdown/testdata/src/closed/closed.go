package closed

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"

	kitlog "github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/oklog/run"
	"github.com/sirupsen/logrus"
	"golang.org/x/sync/errgroup"
)

// stop is closed when the program should stop.
var stop chan struct{}

// ---- positives ----

func fatalInGoroutine(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want `srv.ListenAndServe returns http.ErrServerClosed once srv.Shutdown is called, and log.Fatal at line \d+ treats it as a failure and exits before the shutdown completes`
			log.Fatal(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func fatalDirect(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	log.Fatal(srv.ListenAndServe()) // want `srv.ListenAndServe returns http.ErrServerClosed once srv.Shutdown is called, and log.Fatal treats it as a failure`
}

func exitThroughVariable(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		err := srv.ListenAndServe() // want `log.Fatalf at line \d+ treats it as a failure`
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		log.Fatalf("serve: %v", err)
	}()
	<-stop
	srv.Shutdown(ctx)
}

func exitInGuard(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	err := srv.ListenAndServe() // want `os.Exit at line \d+ treats it as a failure`
	if err != nil {
		fmt.Println("server stopped")
		os.Exit(1)
	}
}

func panics(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want `panic at line \d+ treats it as a failure and crashes the shutdown`
			panic(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func run1(ctx context.Context, srv *http.Server) error {
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	return srv.ListenAndServe() // want `srv.ListenAndServe returns http.ErrServerClosed once srv.Shutdown is called, and log.Fatal at line \d+ treats it as a failure`
}

func callsRun1(ctx context.Context) {
	if err := run1(ctx, &http.Server{}); err != nil {
		log.Fatal(err)
	}
}

// App is a library type whose Start returns the serve error to callers in
// other packages.
type App struct {
	srv *http.Server
}

func (a *App) Start() error {
	return a.srv.ListenAndServe() // want `a.srv.ListenAndServe returns http.ErrServerClosed once a.srv.Shutdown is called, and Start returns it to its callers as a failure on every clean stop`
}

func (a *App) Stop(ctx context.Context) error {
	return a.srv.Shutdown(ctx)
}

func laterFatalReceive(ctx context.Context, sigs chan os.Signal) {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() {
		errCh <- srv.ListenAndServe() // want `log.Fatal at line \d+ treats it as a failure`
	}()
	<-sigs
	srv.Shutdown(ctx)
	if err := <-errCh; err != nil {
		log.Fatal(err)
	}
}

func errgroupWait(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return srv.ListenAndServe() // want `log.Fatal at line \d+ treats it as a failure`
	})
	g.Go(func() error {
		<-gctx.Done()
		return srv.Shutdown(ctx)
	})
	if err := g.Wait(); err != nil {
		log.Fatal(err)
	}
}

func errgroupMethodValue(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	var g errgroup.Group
	g.Go(srv.ListenAndServe) // want `srv.ListenAndServe returns http.ErrServerClosed once srv.Close is called, and log.Fatal at line \d+ treats it as a failure`
	g.Go(func() error {
		<-stop
		return srv.Close()
	})
	log.Fatal(g.Wait())
	return nil
}

func slogError(ctx context.Context, logger *slog.Logger) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want `logger.Error at line \d+ logs it as an error on every clean stop`
			logger.Error("server failed", "err", err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func slogPackage(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		slog.Error("serve", "err", srv.ListenAndServe()) // want `slog.Error logs it as an error`
	}()
	<-stop
	srv.Shutdown(ctx)
}

func logrusError(ctx context.Context, l *logrus.Logger) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want `l.Errorf at line \d+ logs it as an error`
			l.Errorf("serve: %v", err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func goKitLevel(ctx context.Context, logger kitlog.Logger) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want `level.Error at line \d+ logs it as an error`
			level.Error(logger).Log("msg", "serve", "err", err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

// server holds its http.Server in a field; Start and Stop are called from
// elsewhere.
type server struct {
	http *http.Server
	log  *logrus.Logger
}

func (s *server) Start() {
	go func() {
		if err := s.http.ListenAndServeTLS("cert.pem", "key.pem"); err != nil { // want `s.http.ListenAndServeTLS returns http.ErrServerClosed once s.http.Shutdown is called`
			s.log.Fatalf("serve: %v", err)
		}
	}()
}

func (s *server) Stop(ctx context.Context) { s.http.Shutdown(ctx) }

type embedded struct {
	*http.Server
}

func (e *embedded) run(ctx context.Context) {
	go func() {
		<-stop
		e.Shutdown(ctx)
	}()
	log.Fatal(e.ListenAndServe()) // want `e.ListenAndServe returns http.ErrServerClosed once e.Shutdown is called`
}

func selectLoopWithoutReturn(ctx context.Context, sigs chan os.Signal) {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error)
	go func() { errCh <- srv.ListenAndServe() }() // want `log.Fatal at line \d+ treats it as a failure`
	for {
		select {
		case err := <-errCh:
			log.Fatal(err)
		case <-sigs:
			srv.Shutdown(ctx) // the loop goes on: the next iteration receives ErrServerClosed
		}
	}
}

func serveHelper(srv *http.Server) {
	log.Fatal(srv.ListenAndServe()) // want `log.Fatal treats it as a failure`
}

func helperServer(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go serveHelper(srv)
	<-stop
	srv.Shutdown(ctx)
}

func wrappedReturn(ctx context.Context, l net.Listener) {
	srv := &http.Server{}
	time.AfterFunc(time.Minute, func() { srv.Close() })
	if err := serveWrapped(srv, l); err != nil {
		log.Fatal(err)
	}
}

func serveWrapped(srv *http.Server, l net.Listener) error {
	return fmt.Errorf("serve: %w", srv.Serve(l)) // want `srv.Serve returns http.ErrServerClosed once srv.Close is called`
}

// ---- negatives ----

func comparesErrServerClosed(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed { // quiet: compared
			log.Fatal(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func errorsIs(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { // quiet: errors.Is
			log.Fatal(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func switchOnErr(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		switch err := srv.ListenAndServe(); err { // quiet: switch with a case for it
		case nil, http.ErrServerClosed:
		default:
			log.Fatal(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func tagLessSwitch(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		err := srv.ListenAndServe() // quiet: switch with errors.Is
		switch {
		case errors.Is(err, http.ErrServerClosed):
		case err != nil:
			log.Fatal(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func neverShutDown() {
	srv := &http.Server{Addr: ":8080"}
	log.Fatal(srv.ListenAndServe()) // quiet: nothing shuts srv down, any return is a failure
}

func deferredClose() {
	srv := &http.Server{Addr: ":8080"}
	defer srv.Close()
	log.Fatal(srv.ListenAndServe()) // quiet: Close runs only after the serve call returned
}

func closeAfterServe() error {
	srv := &http.Server{Addr: ":8080"}
	err := srv.ListenAndServe() // quiet: Close comes after, in the same goroutine
	srv.Close()
	return err
}

func expectsNetErrClosed(ctx context.Context, l net.Listener) {
	srv := &http.Server{}
	go func() {
		<-stop
		l.Close()
		srv.Close()
	}()
	if err := srv.Serve(l); err != nil && !errors.Is(err, net.ErrClosed) { // quiet: another error is the expected one
		log.Fatal(err)
	}
}

func isClosedErr(err error) bool { return err != nil && strings.Contains(err.Error(), "closed") }

func helperCheck(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	if err := srv.ListenAndServe(); err != nil && !isClosedErr(err) { // quiet: a helper tells errors apart
		log.Fatal(err)
	}
}

func stringInspection(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	err := srv.ListenAndServe() // quiet: the error text is inspected
	if strings.Contains(err.Error(), "Server closed") {
		return
	}
	log.Fatal(err)
}

var shuttingDown atomic.Bool

func stateGuard(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // quiet: a shutting-down flag guards the failure
			if !shuttingDown.Load() {
				log.Fatal(err)
			}
		}
	}()
	<-stop
	shuttingDown.Store(true)
	srv.Shutdown(ctx)
}

func infoLog(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // quiet: an info-level log is not a failure
			log.Printf("server stopped: %v", err)
			logrus.Info(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func discarded(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // quiet: the error is dropped
	go func() {
		_ = srv.ListenAndServe() // quiet: the error is dropped
	}()
	<-stop
	srv.Shutdown(ctx)
}

func selectExclusive(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() { errCh <- srv.ListenAndServe() }() // quiet: the fatal receive happens only before Shutdown
	select {
	case err := <-errCh:
		log.Fatal(err)
	case <-stop:
		srv.Shutdown(ctx)
	}
}

func selectLoopReturns(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() { errCh <- srv.ListenAndServe() }() // quiet: the loop ends with the Shutdown
	for {
		select {
		case err := <-errCh:
			return err
		case <-stop:
			return srv.Shutdown(ctx)
		}
	}
}

func oklogActor(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	var g run.Group
	g.Add(func() error {
		return srv.ListenAndServe() // quiet: run.Group returns only the first actor's error
	}, func(error) {
		srv.Close()
	})
	return g.Run()
}

func errgroupHandled(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return srv.ListenAndServe() // quiet: Wait's error is compared
	})
	g.Go(func() error {
		<-gctx.Done()
		return srv.Shutdown(ctx)
	})
	if err := g.Wait(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

type handled struct{ srv *http.Server }

func (h *handled) serve() error {
	return h.srv.ListenAndServe() // quiet: the only caller compares
}

func (h *handled) stop(ctx context.Context) { h.srv.Shutdown(ctx) }

func (h *handled) run() {
	if err := h.serve(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
}

func receiverHandles(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() { errCh <- srv.ListenAndServe() }() // quiet: the receiver compares
	<-stop
	srv.Shutdown(ctx)
	if err := <-errCh; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

func otherServer(ctx context.Context) {
	api := &http.Server{Addr: ":8080"}
	metrics := &http.Server{Addr: ":9090"}
	go func() { log.Fatal(metrics.ListenAndServe()) }() // quiet: metrics is never shut down
	go func() {
		if err := api.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-stop
	api.Shutdown(ctx)
}

func literalServer(ctx context.Context) {
	log.Fatal((&http.Server{Addr: ":8080"}).ListenAndServe()) // quiet: no variable holds this server
}

func stopHelper(srv *http.Server) { srv.Close() }

func closedByHelperAfterwards() {
	srv := &http.Server{Addr: ":8080"}
	err := srv.ListenAndServe() // quiet: the helper runs only after the serve call
	stopHelper(srv)
	if err != nil {
		log.Fatal(err)
	}
}

func goroutineReturn(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() error {
		return srv.ListenAndServe() // quiet: a go statement drops the result
	}()
	<-stop
	srv.Shutdown(ctx)
}

func printedReceive(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() { errCh <- srv.ListenAndServe() }() // quiet: the receiver only prints
	<-stop
	srv.Shutdown(ctx)
	fmt.Println("stopped:", <-errCh)
}

func errorOutsideGuard(ctx context.Context, logger *slog.Logger) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	if err := srv.ListenAndServe(); err == http.ErrServerClosed { // quiet: compared
		return
	}
	logger.Error("server stopped")
}

// Wrapper mirrors the http.Server API: its callers expect ErrServerClosed.
type Wrapper struct{ srv *http.Server }

func (w *Wrapper) ListenAndServe() error {
	return w.srv.ListenAndServe() // quiet: a wrapper named like the serve method keeps its contract
}

func (w *Wrapper) Serve(l net.Listener) error {
	return w.srv.Serve(l) // quiet: a wrapper named like the serve method keeps its contract
}

func (w *Wrapper) Shutdown(ctx context.Context) error { return w.srv.Shutdown(ctx) }

func callsRunOther(ctx context.Context) {
	if err := runOther(ctx, &http.Server{}); err != nil {
		log.Fatal(err)
	}
}

// ---- negatives: each sink, behind a comparison ----

func laterReceiveCompared(ctx context.Context, sigs chan os.Signal) {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() {
		errCh <- srv.ListenAndServe() // quiet: the receive compares
	}()
	<-sigs
	srv.Shutdown(ctx)
	if err := <-errCh; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

func laterReceiveSwitch(ctx context.Context, sigs chan os.Signal) {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() {
		errCh <- srv.ListenAndServe() // quiet: the receive switches on it
	}()
	<-sigs
	srv.Shutdown(ctx)
	switch err := <-errCh; err {
	case nil, http.ErrServerClosed:
	default:
		log.Fatal(err)
	}
}

func exitThroughVariableCompared(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	err := srv.ListenAndServe() // quiet: compared before os.Exit
	if err != nil && err != http.ErrServerClosed {
		fmt.Println("server stopped")
		os.Exit(1)
	}
}

func panicsCompared(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { // quiet: errors.Is
			panic(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func runCompared(ctx context.Context, srv *http.Server) error {
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed { // quiet: compared before the return
		return err
	}
	return nil
}

func callsRunCompared(ctx context.Context) {
	if err := runCompared(ctx, &http.Server{}); err != nil {
		log.Fatal(err)
	}
}

// Never shut down: ErrServerClosed cannot come back, whatever the sink.
func neverShutDownSinks(sigs chan os.Signal) error {
	srv := &http.Server{Addr: ":8080"}
	errCh := make(chan error, 1)
	go func() { errCh <- srv.ListenAndServe() }() // quiet: srv is never shut down
	if err := <-errCh; err != nil {
		log.Fatal(err)
	}
	other := &http.Server{Addr: ":8081"}
	return other.ListenAndServe() // quiet: other is never shut down
}
