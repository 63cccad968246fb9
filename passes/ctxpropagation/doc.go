// Package ctxpropagation defines an Analyzer that reports cancellation that never reaches the goroutines doing the work.
//
// # Analyzer ctxpropagation
//
// ctxpropagation: report cancellation that never reaches the goroutines doing the work
//
// Graceful shutdown in Go is cancellation: main cancels a root context when
// SIGTERM arrives, and every goroutine started under it is expected to
// notice and return. The checks of this analyzer find the goroutines that
// cannot notice — they were given a fresh context, a parent that the
// cancellation does not reach, or a variable that holds another context by
// the time they read it — and the goroutine loops that never look.
//
// The analyzer speaks of goroutines for every goroutine launcher: the go
// statement, (*errgroup.Group).Go and TryGo (golang.org/x/sync/errgroup) and
// (*sync.WaitGroup).Go (Go 1.25). The x/tools lostcancel analyzer, bundled
// with shutdownlint, reports the cancel functions that are never called.
//
// # Check detached-context
//
// detached-context: a goroutine gets context.Background() or context.TODO() although a context is in scope
//
// In a function that receives a context (a context.Context parameter, or an
// *http.Request whose Context() is available, also as a parameter of an
// enclosing function), a goroutine is handed context.Background() or
// context.TODO(), or its function literal creates one. Neither the caller
// cancelling its context nor shutdown cancelling the root context can stop
// that goroutine, and nothing waits for it: at shutdown it is killed in the
// middle of its work.
//
// Wrong:
//
//	func (s *Server) handle(ctx context.Context, job Job) {
//		go s.index(context.Background(), job)
//	}
//
// Right:
//
//	func (s *Server) handle(ctx context.Context, job Job) {
//		go s.index(ctx, job)
//	}
//
// Derive the goroutine's context from the one in scope, or from a context
// that lives as long as the work should (the server's lifetime context
// rather than the request's). When the work must outlive the request on
// purpose, context.WithoutCancel(ctx) (Go 1.21) says so and keeps the
// request's values; the check accepts it.
//
// With -ctxpropagation.calls the check also reports context.Background() and
// context.TODO() passed to any call that takes a context (as contextcheck
// does). That mode is off by default: most such calls in real code are
// deliberate detaches.
//
// The check is silent when no context is in scope (main, init, functions
// that receive none, and when the innermost function given a context
// ignores it: a blank or unnamed parameter), in _test.go files, for
// context.WithoutCancel, for a fresh context given to a function of the
// package that ignores the parameter receiving it, for goroutines tracked
// by a sync.WaitGroup stored in a struct field (s.wg.Add(1) before the
// launch, or s.wg.Done() in the goroutine: their owner stops and waits for
// them, so the context of the function that starts them, often a
// constructor's, is not their lifetime),
// and for fresh contexts built for shutdown or cleanup work, which the done
// context would cut short: after <-ctx.Done() or inside a select case or if
// statement that waits for it or tests ctx.Err(), inside context.AfterFunc
// and deferred calls, in functions and methods whose name says they clean
// up, and when the fresh context (directly, or through
// context.WithTimeout and a variable) is given to such a function —
// Shutdown, Close, Stop, GracefulStop, Cleanup, Drain, Flush, Abort, Exit,
// Quit, and the like:
//
//	go func() {
//		<-ctx.Done()
//		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
//		defer cancel()
//		srv.Shutdown(sctx)
//	}()
//
// Suppress a deliberate detach with
//
//	//shutdownlint:ignore detached-context <reason>
//
// # Check stale-context-capture
//
// stale-context-capture: a closure that runs later reads a context variable that is reassigned after the closure is created
//
// A closure captures variables, not values. When a goroutine, an errgroup
// function, a deferred function or a callback that is stored or given to
// time.AfterFunc captures a context variable, and the variable is assigned
// again after the closure is created (ctx, cancel = context.WithTimeout(ctx,
// d) further down, or a variable declared outside a loop and assigned in
// it), the closure reads whatever context the variable holds when it runs:
// a goroutine may get a context that is cancelled for unrelated reasons (or
// never), a deferred cleanup one that its own defer cancel() already
// cancelled. The check follows the SSA form of the function, so it sees
// loops and branches: a variable declared inside the loop body is a new
// variable each iteration and is not reported, and a reassignment that only
// happens after the goroutines were waited for (sync.WaitGroup.Wait,
// errgroup.Group.Wait, or a receive from a channel the goroutine's function
// captures: its done channel or its result) is not either.
//
// Wrong:
//
//	var ctx context.Context
//	for _, shard := range shards {
//		ctx, cancel = context.WithTimeout(parent, d)
//		go func() { sync(ctx, shard) }()
//	}
//
// Right:
//
//	var ctx context.Context
//	for _, shard := range shards {
//		ctx, cancel = context.WithTimeout(parent, d)
//		go func(ctx context.Context) { sync(ctx, shard) }(ctx)
//	}
//
// The suggested fix passes the context as a parameter of the go or defer
// statement's function literal, so it is evaluated when the statement runs.
// For errgroup functions and callbacks, copy the context into a variable
// that is never reassigned before creating the closure.
//
// The check is silent for captured contexts that are never reassigned after
// the closure is created (capturing is not the bug); for reassignments that
// only add values to the variable's own context (ctx =
// context.WithValue(ctx, k, v), ctx, span := tracer.Start(ctx, "op")),
// which leave its cancellation as it was; for closures that are called at
// once or passed to a function that may call them synchronously
// (sort.Slice, t.Run, retry helpers); for reassignments inside the closure
// itself; and for deferred functions that only inspect the context (its
// Err, Done, Deadline or Value, context.Cause, or a function of the package
// that does only that): like a deferred check of a named error result, they
// read the final state on purpose.
//
// Suppress with //shutdownlint:ignore stale-context-capture <reason>.
//
// # Check parent-context-used
//
// parent-context-used: a goroutine uses the parent context after a derived context was made from it
//
// After a function derives a context — errgroup.WithContext,
// context.WithCancel, WithTimeout, WithDeadline, WithCancelCause and their
// Cause variants, signal.NotifyContext — a goroutine or errgroup function
// started afterwards uses the parent context and never the derived one. The
// derived context's cancellation (the first error of the group, cancel(),
// the timeout, the signal) does not reach that goroutine: the group's other
// functions keep running after one failed, and SIGTERM does not stop it.
//
// Wrong:
//
//	g, gctx := errgroup.WithContext(ctx)
//	for _, u := range urls {
//		g.Go(func() error { return fetch(ctx, u) })
//	}
//
// Right:
//
//	g, gctx := errgroup.WithContext(ctx)
//	for _, u := range urls {
//		g.Go(func() error { return fetch(gctx, u) })
//	}
//
// The suggested fix replaces the parent by the derived context inside the
// goroutine (and in a go statement's arguments: go s.worker(ctx) becomes
// go s.worker(gctx)).
//
// The check is silent when the goroutine uses the derived context (or one
// derived from it) anywhere, when the derivation reuses the parent's name
// (g, ctx := errgroup.WithContext(ctx), ctx, cancel =
// context.WithCancel(ctx): the name now denotes the derived context), for
// the argument of context.WithoutCancel (Go 1.21), for derivations out of
// scope at the launch (made in a block that has ended), and when the
// derived context is discarded (g, _ := errgroup.WithContext(ctx)). It is
// also silent for a go statement whose goroutine outlives a context made
// for the function's own calls: a WithTimeout, WithDeadline or WithCancel
// context whose cancel the function defers, which it passes to calls but to
// no goroutine and never waits on, in a function that waits for no
// goroutine. Given that context, the goroutine would be cancelled as soon
// as the function returns:
//
//	initCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
//	defer cancel()
//	if err := s.connect(initCtx); err != nil {
//		return err
//	}
//	go s.loop(ctx) // right: loop lives on after connect's deadline
//
// Suppress with //shutdownlint:ignore parent-context-used <reason>.
//
// # Check uncancellable-loop
//
// uncancellable-loop: a goroutine that has a context runs a loop nothing can leave
//
// A goroutine that has a context available (a parameter, a context variable
// of an enclosing function, r.Context()) runs an unbounded loop — for {},
// a select loop, for range over a ticker's C or time.Tick's channel, or for
// range over a channel registered with signal.Notify (the runtime never
// closes those) — and nothing in the loop leaves it: no return, no break
// or goto out of the loop, no call of panic, runtime.Goexit, os.Exit or a
// fatal log (log.Fatal, and those of logrus, zap, klog and glog). A
// break inside a select or switch only leaves that statement. At shutdown
// the goroutine can never stop; the process is killed with it in the middle
// of an iteration, or shutdown waits for it forever.
//
// Wrong:
//
//	go func() {
//		for {
//			select {
//			case <-ctx.Done():
//				break // leaves the select only
//			case j := <-jobs:
//				run(j)
//			}
//		}
//	}()
//
// Right:
//
//	go func() {
//		for {
//			select {
//			case <-ctx.Done():
//				return
//			case j := <-jobs:
//				run(j)
//			}
//		}
//	}()
//
// Return when ctx.Done() is ready (or break out of the loop with a label).
//
// The check is silent for loops with a condition, for range over other
// channels (the loop ends when the channel is closed), for loops that
// return or break out (on ctx.Done(), on a closed channel: v, ok := <-ch;
// if !ok { return }, or on anything else), and for goroutines with no
// context available. It looks at function literals started as goroutines,
// at the package's functions started by name (go s.worker(ctx)) and at the
// package's functions taking a context that a launched function literal
// calls.
//
// Suppress with //shutdownlint:ignore uncancellable-loop <reason>.
package ctxpropagation
