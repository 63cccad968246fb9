// Package recoverpath defines an Analyzer that reports panics that escape the recover their author relied on.
//
// # Analyzer recoverpath
//
// recoverpath: report panics that escape the recover their author relied on
//
// A recover stops a panic only under one exact rule: recover must be called
// directly by a deferred function, and only in the goroutine that panics.
// Anywhere else it returns nil, the panic goes on, the process crashes, and
// every deferred cleanup of every goroutine is skipped: connections are not
// drained, files not flushed, locks not released. The analyzer reports
// recovers that cannot work, goroutines that run outside the recover meant
// to protect them, and recovered panics that are thrown away unseen.
//
// A recover whose value only decides a re-panic (if r := recover(); r != nil
// { rollback(); panic(r) }) stops nothing, so it counts as no recover
// anywhere below: it neither protects goroutines nor makes a helper
// recovering, and a misplaced one is not reported (the panic goes on
// either way).
//
// What a function does about panics crosses package boundaries as a fact:
// that it calls recover itself (a recovering helper such as
// util.HandlePanic, correct only as defer util.HandlePanic()), that it
// defers such a call (a goroutine running it is protected), and that it
// starts one of its function parameters in a goroutine, with or without a
// deferred recover around it (a launcher wrapper such as SafeGo(fn)). The
// facts are computed from the syntax of each function, so they are cheap
// for every dependency.
//
// # Check recover-not-in-defer
//
// recover-not-in-defer: a recover that can never stop a panic because the function calling it is not the deferred function
//
// recover stops a panic only when the deferred function itself calls it.
// A recover in straight-line code (main's body, a function literal called
// in place), in a function literal nested inside the deferred function, in
// a goroutine's own function, or in defer recover() always returns nil. So
// does the recover of a helper that is called instead of deferred: in
// defer func() { handlePanic() }() the deferred function is the literal,
// and handlePanic, called by it, recovers nothing. The panic the author
// meant to contain goes on and crashes the process, skipping every
// deferred cleanup.
//
// The finding points at the recover call when it sits in the wrong place
// itself, and at the call of the recovering helper when the helper is
// called instead of deferred; helpers are recognised across packages.
//
// Wrong:
//
//	defer func() {
//		util.HandlePanic() // its recover returns nil
//	}()
//
//	defer func() {
//		func() {
//			if r := recover(); r != nil { // nil: not called by the deferred function
//				log.Print(r)
//			}
//		}()
//	}()
//
// Right:
//
//	defer util.HandlePanic()
//
//	defer func() {
//		if r := recover(); r != nil {
//			log.Print(r)
//		}
//	}()
//
// Fix: defer the function that calls recover. The suggested fix rewrites
// defer func() { helper(args) }() into defer helper(args) when that changes
// nothing else: the literal takes no parameters, returns nothing and holds
// only that call, and the call's function and arguments evaluate the same
// at the defer as at the return (constants, functions, package-qualified
// functions, and local variables the function never assigns again nor
// takes the address of; a method's receiver must be such a variable of
// pointer or interface type). Arguments that may change between the defer
// and the return get no fix, since deferring evaluates them early.
//
// The check is silent for defer handlePanic(), defer obj.recoverMethod()
// and defer func() { if r := recover(); r != nil { ... } }(); for a
// function literal held in a variable that is deferred somewhere
// (h := func() { recover() }; defer h()); for function literals passed on,
// stored or returned, whose use it cannot see; for recover in a named
// function other than main and init (its callers are judged instead);
// and for a recovering helper called by a function that calls recover
// itself, where the panic is already stopped.
//
// Suppress a finding with a comment on its line or the line above it:
// //shutdownlint:ignore recover-not-in-defer <reason>.
//
// # Check goroutine-escapes-recover
//
// goroutine-escapes-recover: a function with a deferred recover starts a goroutine that has none, so a panic in it crashes the process
//
// A deferred recover protects only the goroutine that defers it. When a
// function that installs one starts a goroutine (a go statement,
// errgroup's Go or TryGo, sync.WaitGroup.Go, or a launcher wrapper) whose
// function defers no recover, the author expects the recover to protect
// the work, but a panic in the goroutine crashes the whole process and
// skips every defer of every goroutine. The finding points at the go
// keyword or the launcher call.
//
// Wrong:
//
//	func (s *Server) handle(conn net.Conn) {
//		defer func() {
//			if r := recover(); r != nil {
//				log.Printf("handler panic: %v", r)
//			}
//		}()
//		go s.audit(conn) // not covered by the recover above
//		s.serve(conn)
//	}
//
// Right:
//
//	func (s *Server) handle(conn net.Conn) {
//		defer s.recoverPanic()
//		go func() {
//			defer s.recoverPanic()
//			s.audit(conn)
//		}()
//		s.serve(conn)
//	}
//
// Fix: defer a recover in the goroutine's function too, or start the
// goroutine through a wrapper that does (a SafeGo(fn) helper).
//
// The check is silent in _test.go files (a panic fails the test run
// visibly, and a test's recover usually asserts an expected panic); when
// the goroutine starts before the function defers its recover (the
// recover was written for the work that follows it; -recoverpath.strict
// still reports such a goroutine); when the goroutine's function defers a
// recover
// itself, or only calls a function that does (go func() { defer
// wg.Done(); s.serve(c) }() where serve defers a recover, or
// g.Go(func() error { s.serve(c); return nil })); when the
// goroutine is started through a wrapper that installs a recover around
// its argument (recognised by fact, in any package); and when the
// goroutine's function is not known: a function value, an interface
// method, or the goroutine inside a launcher wrapper that runs its
// function parameter (its callers are judged instead).
//
// Suppress a finding with a comment on its line or the line above it:
// //shutdownlint:ignore goroutine-escapes-recover <reason>.
//
// # Check recovered-value-discarded
//
// recovered-value-discarded: a recover whose result is thrown away swallows the panic with no trace
//
// A recover() whose result is discarded stops the panic and forgets it: no
// log, no metric, no error. The request or job fails silently, the state
// it left behind may be broken, and nothing shows where or why. The
// finding points at the recover call.
//
// Wrong:
//
//	defer func() {
//		recover()
//	}()
//
//	defer func() { _ = recover() }()
//
// Right:
//
//	defer func() {
//		if r := recover(); r != nil {
//			log.Printf("worker panic: %v\n%s", r, debug.Stack())
//		}
//	}()
//
// Fix: log the value (with the stack), turn it into an error the caller
// sees, count it in a metric, or re-panic.
//
// The check is silent when the value is used in any way: logged, returned,
// stored, compared (if recover() != nil), sent or re-panicked; for a
// recover that recover-not-in-defer already reports; in _test.go files,
// where tests swallow the panics they provoke; and when the recover guards
// code that calls no function, only operators and builtins, whose panic it
// deliberately turns into a result (func interfaceEqual(a, b any) bool {
// defer func() { recover() }(); return a == b }, closing or sending on a
// channel that may be closed).
//
// Suppress a finding with a comment on its line or the line above it:
// //shutdownlint:ignore recovered-value-discarded <reason>.
//
// # Check goroutine-without-recover
//
// goroutine-without-recover: a goroutine whose function has no deferred recover
//
// A stricter house rule for services that must never crash on a panic in
// background work: every goroutine defers a recover, or is started
// through a wrapper that does. A panic in any other goroutine crashes the
// process and skips every deferred cleanup. Enable it with
// -recoverpath.strict. Goroutines that goroutine-escapes-recover reports
// are not reported again.
//
// Wrong:
//
//	go worker(jobs)
//
// Right:
//
//	go func() {
//		defer handlePanic()
//		worker(jobs)
//	}()
//
//	safego.Go(func() { worker(jobs) }) // a wrapper that defers a recover
//
// Fix: defer a recover in the goroutine's function, or start it through a
// recovering wrapper.
//
// The check is silent where goroutine-escapes-recover is: in _test.go
// files, for goroutines whose function defers a recover or only calls a
// function that does, goroutines started through a recovering wrapper, and
// goroutines whose function is not known.
//
// Suppress a finding with a comment on its line or the line above it:
// //shutdownlint:ignore goroutine-without-recover <reason>.
package recoverpath
