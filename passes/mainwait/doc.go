// Package mainwait defines an Analyzer that reports main returning while its goroutines are still cleaning up.
//
// # Analyzer mainwait
//
// mainwait: report main returning while its goroutines are still cleaning up
//
// When main returns, the process ends at once: every other goroutine
// stops wherever it is and its deferred calls never run. A program that
// cancels its workers and then returns without waiting for them cuts
// their cleanup short — buffers not flushed, transactions not committed,
// HTTP Shutdown not finished. The analyzer looks at main, and at the run
// function or method main hands its exit code or error to
// (os.Exit(run()), `if err := m.Run(args); err != nil`) — and, one level
// further, at the function whose outcome run returns or checks last
// (run → serve) — and follows every path from the trigger of the shutdown
// to the return. A function main calls is not one whose return ends the
// process when main starts a goroutine or waits after it (a setup step
// followed by the run that blocks).
//
// Whether a function waits is exported as a fact ("waits"): a function
// that receives from a channel, selects, sleeps, or calls sync.WaitGroup.Wait,
// errgroup.Group.Wait, (*http.Server).Shutdown or another function that
// waits. A call of such a helper after the trigger, in any package, counts
// as waiting.
//
// # Check main-returns-without-wait
//
// main-returns-without-wait: main returns right after cancelling the goroutines it started, without waiting for them
//
// main (or its run function) starts goroutines that observe a
// cancellation it owns — a context it derived with context.WithCancel,
// WithTimeout or signal.NotifyContext, or a channel it creates and closes
// — then triggers that cancellation and returns with no wait on the way.
// The trigger is a call of the cancel function (also the deferred cancel
// that runs as main returns), close(done), or a received signal: a
// receive from the context's Done or the closed channel, or a serve call
// (ListenAndServe, Serve) that returned because the signal stopped the
// server while main was blocked in it. The goroutines then run their
// shutdown code while the process exits under them.
//
// Wrong:
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//	defer stop()
//	go func() {
//		<-ctx.Done()
//		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//		defer cancel()
//		srv.Shutdown(shutdownCtx)
//	}()
//	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
//		log.Fatal(err)
//	}
//
// Right:
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//	defer stop()
//	done := make(chan struct{})
//	go func() {
//		defer close(done)
//		<-ctx.Done()
//		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//		defer cancel()
//		srv.Shutdown(shutdownCtx)
//	}()
//	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
//		log.Fatal(err)
//	}
//	<-done
//
// Wait after the trigger: sync.WaitGroup.Wait, errgroup.Group.Wait, a
// receive from a channel the goroutines close or send on when they are
// finished (bounded by a timeout if need be: a grace period is a wait,
// whether a timer or the Done of a context.WithTimeout ends it, and so is
// a select whose other case is a second signal forcing the exit), a
// blocking Shutdown, or a helper that does one of these.
//
// The check is silent in programs whose main package registers no
// termination signal (os.Interrupt, SIGINT, SIGTERM, SIGQUIT) with
// signal.Notify or NotifyContext: they have no graceful shutdown, and a
// command-line tool that gives its goroutines a timeout and returns cuts
// them by design. It is silent when a blocking wait (WaitGroup.Wait,
// errgroup.Group.Wait, Shutdown, a waiting helper) happens anywhere on the
// path after the goroutine is started, when a receive or a sleep follows
// the trigger, when a wait is deferred, for a cancel of a context already
// cancelled on the path (it does nothing, so a grace period before it still
// counts), for goroutines that observe nothing main owns (fire-and-forget
// goroutines, and goroutines that receive the context through a structure),
// for the
// goroutine that itself triggers the cancellation (a signal handler that
// calls cancel), for paths that end in os.Exit, log.Fatal or panic, for
// returns of the run function that report a failure (a non-nil error or
// a non-zero code, named constants included), for a Shutdown given the
// very context that was cancelled (it returns at once, so it is no wait),
// and for goroutines started by helper functions. A
// call of an interface method or function value named Wait, Shutdown,
// Stop, GracefulStop, Close or Join counts as a wait.
//
// Suppress a finding with //shutdownlint:ignore main-returns-without-wait <reason>.
package mainwait
