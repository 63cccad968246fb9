// Package httpshutdown defines an Analyzer that reports HTTP servers that cannot shut down gracefully.
//
// # Analyzer httpshutdown
//
// httpshutdown: report HTTP servers that cannot shut down gracefully
//
// A graceful stop of an HTTP service has three parts: the serve call
// returns http.ErrServerClosed, which is not an error; Shutdown gets a
// context that is live and bounded by a timeout, so it drains the
// in-flight requests but cannot hang the exit; and every server that a
// signal-handling program runs is an *http.Server that something shuts
// down. The checks below report each part that is missing. They follow a
// server through the variables, fields, slices and parameters of one
// package, and through the results of a function it calls once, so "the
// same server" means the same variable or field, or one assigned from it;
// they stay silent when a server or an error is handed to code they cannot
// see.
//
// # Check server-closed-as-failure
//
// server-closed-as-failure: the error of ListenAndServe or Serve is treated as a failure although the server is shut down
//
// Once Shutdown or Close is called, ListenAndServe, ListenAndServeTLS,
// Serve and ServeTLS return http.ErrServerClosed at once, while Shutdown
// is still draining connections. Code that treats that error as a failure
// — log.Fatal, os.Exit, panic, a logger's Fatal or Error method,
// slog.Error, an error returned to a caller that does one of these, an
// error channel or errgroup whose receiver does — exits before the
// requests are drained, or logs a false error on every clean stop.
//
// The check follows the serve error through variables, `if err != nil`
// checks, wrapping (fmt.Errorf), returns to the package's callers,
// channels (`errCh <- srv.ListenAndServe()` and a receive that can happen
// after the shutdown) and errgroup.Group.Wait. It reports only servers the
// package shuts down or closes at a time the serve error can be observed:
// a Close deferred in the function that blocks in Serve runs too late to
// matter.
//
// Wrong:
//
//	go func() {
//		if err := srv.ListenAndServe(); err != nil {
//			log.Fatal(err)
//		}
//	}()
//	<-ctx.Done()
//	srv.Shutdown(shutdownCtx)
//
// Right:
//
//	go func() {
//		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
//			log.Fatal(err)
//		}
//	}()
//	<-ctx.Done()
//	srv.Shutdown(shutdownCtx)
//
// The suggested fix adds `&& !errors.Is(err, http.ErrServerClosed)` to
// the `if err != nil` check, or introduces that check around a returned
// serve call or a sink called with it directly.
//
// The check is silent when the function handling the error mentions
// http.ErrServerClosed or compares the error with anything but nil (for
// example net.ErrClosed after closing the listener, or a helper such as
// isClosedErr), when another condition (a shutting-down flag) guards the
// failure, when the server is never shut down or closed in the package,
// when the error only reaches a non-error log call, and when it is handed
// to code it cannot follow (a callback, an oklog/run actor).
//
// Suppress a finding with //shutdownlint:ignore server-closed-as-failure <reason>.
//
// # Check shutdown-without-deadline
//
// shutdown-without-deadline: Shutdown is given a context without deadline
//
// Shutdown waits until every connection is idle or its context ends. With
// context.Background(), context.TODO(), a context.WithCancel of one, or
// context.WithoutCancel, one slow client or long-poll handler keeps the
// process alive until the supervisor's grace period ends and it is killed
// with SIGKILL, skipping the rest of the shutdown.
//
// Wrong:
//
//	<-ctx.Done()
//	srv.Shutdown(context.Background())
//
// Right:
//
//	<-ctx.Done()
//	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//	defer cancel()
//	srv.Shutdown(shutdownCtx)
//
// The suggested fix wraps the context in context.WithTimeout with ten
// seconds, declared just before the statement holding the call.
//
// The check is silent when the context comes from a parameter, a field or
// a call it does not know (the caller may have set a deadline), when it
// derives from WithTimeout or WithDeadline, when the server visibly
// sets WriteTimeout, which bounds most handlers, and when a watchdog armed
// earlier in the same function ends the process once a timeout expires
// (`time.AfterFunc(d, func() { log.Fatal(...) })`, or a goroutine that
// sleeps and exits): the exit cannot hang then.
//
// Suppress a finding with //shutdownlint:ignore shutdown-without-deadline <reason>.
//
// # Check shutdown-with-done-context
//
// shutdown-with-done-context: Shutdown is given the context whose cancellation triggered the shutdown
//
// The context that signal.NotifyContext returns, and any context after
// `<-ctx.Done()`, is already cancelled when the shutdown starts; so is
// every context derived from it, context.WithTimeout included. Shutdown
// then returns context.Canceled at once and in-flight requests are cut,
// exactly what the graceful shutdown was meant to avoid.
//
// Wrong:
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//	defer stop()
//	go srv.ListenAndServe()
//	<-ctx.Done()
//	srv.Shutdown(ctx)
//
// Right:
//
//	<-ctx.Done()
//	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//	defer cancel()
//	srv.Shutdown(shutdownCtx)
//
// The suggested fix hands Shutdown a fresh
// context.WithTimeout(context.Background(), 10*time.Second);
// context.WithTimeout(context.WithoutCancel(ctx), d) keeps the context's
// values as well.
//
// The check is silent for contexts it cannot see to be done: parameters
// and fields without a preceding `<-ctx.Done()` in the same function, a
// context in a select case other than the one receiving from its Done
// channel (signal.NotifyContext's included: no signal has arrived there),
// and
// context.WithoutCancel of a done context (which
// shutdown-without-deadline judges).
//
// Suppress a finding with //shutdownlint:ignore shutdown-with-done-context <reason>.
//
// # Check unstoppable-server
//
// unstoppable-server: a program that handles termination signals serves HTTP with a server it never shuts down
//
// http.ListenAndServe, http.ListenAndServeTLS, http.Serve and
// http.ServeTLS create a server no code can reach, so nothing can call
// its Shutdown. In a main package that handles SIGTERM or Ctrl+C to stop
// cleanly, that server's in-flight requests are cut when the process
// exits. The same holds for an *http.Server that the package serves but
// never shuts down or closes.
//
// Wrong:
//
//	signal.Notify(sigs, syscall.SIGTERM)
//	go func() { log.Fatal(http.ListenAndServe(":8080", mux)) }()
//	<-sigs
//
// Right:
//
//	signal.Notify(sigs, syscall.SIGTERM)
//	srv := &http.Server{Addr: ":8080", Handler: mux}
//	go func() {
//		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
//			log.Fatal(err)
//		}
//	}()
//	<-sigs
//	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//	defer cancel()
//	srv.Shutdown(shutdownCtx)
//
// Create an *http.Server and call its Shutdown when the signal arrives.
//
// The check is silent outside main packages, in programs that register no
// termination signal (os.Interrupt, SIGINT, SIGTERM, SIGQUIT) themselves,
// for an *http.Server that is shut down or closed anywhere in the package,
// and for one handed to code it cannot see (a function of another
// package, an interface), which may shut it down.
//
// Suppress a finding with //shutdownlint:ignore unstoppable-server <reason>.
package httpshutdown
