// Package signalnotify defines an Analyzer that reports termination signals that are lost, ignored or handled too late.
//
// # Analyzer signalnotify
//
// signalnotify: report termination signals that are lost, ignored or handled too late
//
// A service shuts down gracefully only if the signal that asks it to stop
// reaches code that cleans up: Ctrl+C sends SIGINT (os.Interrupt), and
// Kubernetes, Docker and systemd send SIGTERM. The analyzer follows the
// signals given to signal.Notify, signal.NotifyContext and signal.Ignore
// through the type checker (os.Interrupt, syscall.SIGTERM, unix.SIGTERM,
// constants and variables holding them, and slices spread into the call),
// and follows the channels given to signal.Notify through the SSA form of
// the package. Signals registered by imported packages count, through the
// fact "registers signals {...}" each package carries; an exported signal
// variable carries the fact "holds signals {...}".
//
// Unbuffered signal channels are reported by the sigchanyzer analyzer of
// golang.org/x/tools, which shutdownlint bundles.
//
// The analyzer is silent when information is missing: a signal it cannot
// resolve may be any signal, and a channel that escapes (stored in a
// field, passed to another package, returned, sent) may be received from
// or stopped anywhere.
//
// # Check notify-in-goroutine
//
// notify-in-goroutine: signal.Notify or signal.NotifyContext called inside a goroutine
//
// Until the registration runs, signals get their default action: a SIGINT
// or SIGTERM that arrives while the goroutine is being scheduled kills the
// process without any cleanup. The check covers the function a go
// statement, errgroup's Go or sync.WaitGroup's Go starts, and the
// functions of the package that only ever run in such goroutines (go
// named(), or called only from goroutines).
//
// Wrong:
//
//	go func() {
//		c := make(chan os.Signal, 1)
//		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//		<-c
//		cancel()
//	}()
//
// Right:
//
//	c := make(chan os.Signal, 1)
//	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//	go func() {
//		<-c
//		cancel()
//	}()
//
// Register before starting the goroutine. The check is silent when the
// goroutine reports that the registration is done right after it (it
// closes or sends on a channel, or calls WaitGroup.Done, before it starts
// waiting), when main, the function main delegates to or an init function
// already registers the same signals, for exported functions outside
// package main and methods an interface may call (their callers cannot
// all be seen), in _test.go files, and for signals whose default action
// does not kill the process (SIGCHLD, SIGWINCH, SIGURG, SIGCONT, job
// control).
//
// Suppress a finding with //shutdownlint:ignore notify-in-goroutine <reason>.
//
// # Check missing-sigterm
//
// missing-sigterm: SIGINT is handled but SIGTERM is registered nowhere in the program
//
// Kubernetes, Docker, systemd and most supervisors stop a process with
// SIGTERM. A program that only handles os.Interrupt cleans up on Ctrl+C
// but dies without cleanup when it is stopped in production. The check
// reports a Notify or NotifyContext call that registers SIGINT when no
// registration in the package, or in any package it imports, registers
// SIGTERM, so a shared SetupSignalHandler in another package satisfies it.
//
// Wrong:
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
//	defer stop()
//
// Right:
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//	defer stop()
//
// The suggested fix adds syscall.SIGTERM to the call (and imports
// syscall). The check is silent for Notify(c) with no signals (every
// signal), for signals it cannot resolve, for signal.Notify(make(chan
// os.Signal, 1), os.Interrupt), which ignores Ctrl+C on purpose rather than
// handling it, for scoped registrations (in a
// function other than main and the function main delegates its body to,
// which also unregisters with signal.Stop, signal.Reset or NotifyContext's
// stop: an interactive prompt letting Ctrl+C cancel one wait), in _test.go
// files, and in files built only for Windows, Plan 9, js or wasip1, where
// SIGINT is what a console sends.
//
// Suppress a finding with //shutdownlint:ignore missing-sigterm <reason>.
//
// # Check untrappable-signal
//
// untrappable-signal: os.Kill, SIGKILL or SIGSTOP given to signal.Notify
//
// SIGKILL and SIGSTOP cannot be caught, blocked or ignored: signal.Notify
// never delivers them. Registering them gives a false sense that a kill is
// handled, while the process still dies without cleanup.
//
// Wrong:
//
//	signal.Notify(c, os.Interrupt, os.Kill)
//
// Right:
//
//	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//
// The suggested fix removes the argument, or the whole statement when no
// signal would be left (Notify with no signals would register every
// signal) and nothing else needs it. There is no fix for a signal that
// comes from a variable, nor for an element of a keyed slice literal
// ([]os.Signal{0: os.Kill, ...}: removing it would leave a nil signal at
// its index).
//
// Suppress a finding with //shutdownlint:ignore untrappable-signal <reason>.
//
// # Check signal-never-received
//
// signal-never-received: the channel given to signal.Notify is never received from
//
// Notify disables the default action of the signals it registers: they are
// sent to the channel instead. If nothing receives from it (<-c, range c,
// a select case), Ctrl+C and SIGTERM are caught and dropped, and the
// process can no longer be stopped gracefully.
//
// Wrong:
//
//	c := make(chan os.Signal, 1)
//	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//	return srv.ListenAndServe()
//
// Right:
//
//	c := make(chan os.Signal, 1)
//	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//	go func() { <-c; srv.Shutdown(context.Background()) }()
//	return srv.ListenAndServe()
//
// The check follows the channel through variables, closures and the
// functions of the package it is passed to. It is silent for a channel
// made in the call itself, signal.Notify(make(chan os.Signal, 1), sig):
// nothing can ever read it, so the code means to ignore sig in this
// process only (signal.Ignore would also apply to the processes it
// starts). It is silent when the channel escapes (stored in a field or global, passed to another package,
// returned, sent, converted to an interface), when it does not come from a
// make call it can see, when the signals include neither SIGINT nor
// SIGTERM (catching SIGHUP or SIGPIPE to ignore it is deliberate), and in
// _test.go files.
//
// Suppress a finding with //shutdownlint:ignore signal-never-received <reason>.
//
// # Check notifycontext-stop-discarded
//
// notifycontext-stop-discarded: the stop function of signal.NotifyContext is discarded or not called on every path
//
// After the first signal cancels the context, NotifyContext keeps catching
// the signals until stop is called: a second Ctrl+C cannot force the exit
// of a shutdown that hangs, and the registration leaks.
//
// Wrong:
//
//	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//
// Right:
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//	defer stop()
//
// Any use of stop counts (a call, defer, passing it on, storing it). Paths
// that end in os.Exit, log.Fatal, panic or a function of the package that
// never returns do not need stop. The finding's related information shows
// a return reached without it.
//
// Suppress a finding with //shutdownlint:ignore notifycontext-stop-discarded <reason>.
//
// # Check close-in-signal-loop
//
// close-in-signal-loop: a loop over received signals closes a channel on every iteration
//
// A loop that receives signals and closes a channel each time panics with
// "close of closed channel" on the second signal: a user pressing Ctrl+C
// twice crashes the shutdown half way.
//
// Wrong:
//
//	for range sigs {
//		close(done)
//	}
//
// Right:
//
//	var once sync.Once
//	for range sigs {
//		once.Do(func() { close(done) })
//	}
//
// The check covers close calls and calls of functions of the package that
// close a channel unconditionally, after a receive from a chan os.Signal in
// the same iteration (range, select case, or a receive statement). It is
// silent when the close is guarded: inside sync.Once.Do, under a condition
// that reads state kept across iterations (a boolean "closed" flag, an
// atomic, a field), in a select that also receives from the closed channel,
// or when the channel is made anew in the loop; and when the loop always
// ends after the close (return, break, os.Exit).
//
// Suppress a finding with //shutdownlint:ignore close-in-signal-loop <reason>.
//
// # Check close-notified-channel
//
// close-notified-channel: a channel registered with signal.Notify is closed before signal.Stop
//
// The runtime keeps sending signals to a registered channel until
// signal.Stop unregisters it. Once it is closed, the next signal panics the
// process with "send on closed channel", typically in the middle of
// shutdown when a second Ctrl+C arrives.
//
// Wrong:
//
//	signal.Notify(c, os.Interrupt)
//	<-c
//	close(c)
//
// Right:
//
//	signal.Notify(c, os.Interrupt)
//	<-c
//	signal.Stop(c)
//	close(c)
//
// The suggested fix calls signal.Stop(c) right before the close (or defers
// it after a deferred close, so that it runs first). Channels usually need
// no close at all. The check is silent when the channel escapes, when a
// variable holding it also holds other channels, and when it is stopped in
// another goroutine or function whose order with the close is unknown.
//
// Suppress a finding with //shutdownlint:ignore close-notified-channel <reason>.
//
// # Check notify-without-stop
//
// notify-without-stop: a function registers its own signal channel and returns without signal.Stop
//
// A function other than main that makes a channel, registers it with
// Notify and returns without signal.Stop leaves the signals diverted to a
// channel nobody reads any more: for the rest of the program Ctrl+C and
// SIGTERM do nothing, and a shutdown that hangs cannot be interrupted.
//
// Wrong:
//
//	func waitForSignal() {
//		c := make(chan os.Signal, 1)
//		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//		<-c
//	}
//
//	func serve() {
//		waitForSignal()
//		srv.Shutdown(ctx) // a second Ctrl+C cannot interrupt it
//	}
//
// Right:
//
//	func waitForSignal() {
//		c := make(chan os.Signal, 1)
//		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//		defer signal.Stop(c)
//		<-c
//	}
//
// The suggested fix adds defer signal.Stop(c) after the Notify call. The
// check reports only when the program visibly goes on after the function
// returns: the function is a goroutine, or a caller in the package (up to
// three callers up) does more than print, log or exit after the call, in
// the statements that follow or in calls it deferred before. So it is
// silent in main and the function main delegates to, in subcommand
// handlers reached through function values or callbacks, and in exported
// functions nothing in the package calls. It is also silent when the
// function never returns (for range c over a channel nothing closes, a
// loop that ends in os.Exit), when a goroutine or callback keeps receiving
// from the channel, when the channel escapes or was made elsewhere, when
// the signals include neither SIGINT nor SIGTERM, when nothing receives
// from the channel (signal-never-received reports it), and in _test.go
// files.
//
// Suppress a finding with //shutdownlint:ignore notify-without-stop <reason>.
//
// # Check ignored-termination-signal
//
// ignored-termination-signal: signal.Ignore of SIGINT or SIGTERM, or of every signal
//
// An ignored termination signal cannot stop the process any more, not even
// through a later Notify in another package: supervisors wait out their
// grace period and then SIGKILL it, without cleanup. A library that does
// it makes every program using it unstoppable. signal.Ignore with no
// arguments ignores every signal.
//
// Wrong:
//
//	signal.Ignore(syscall.SIGTERM)
//
// Right:
//
//	c := make(chan os.Signal, 1)
//	signal.Notify(c, syscall.SIGTERM)
//
// The check is silent when the same function re-enables the signals
// (signal.Reset, or a Notify of the same signals), which makes the ignoring
// temporary, and in _test.go files.
//
// Suppress a finding with //shutdownlint:ignore ignored-termination-signal <reason>.
package signalnotify
