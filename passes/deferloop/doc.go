// Package deferloop defines an Analyzer that reports defers that run too late or see the wrong values.
//
// # Analyzer deferloop
//
// deferloop: report defers that run too late or see the wrong values
//
// A deferred call runs when the surrounding function returns, not at the
// end of the loop iteration that deferred it. Inside a loop the calls pile
// up: every iteration keeps its file, lock or connection until the function
// returns, which for a server's accept loop or a range over a channel is
// at shutdown or never. And a deferred closure reads variables when it
// finally runs, so one that reads a variable all iterations share sees
// only its last value.
//
// The analyzer looks only at defers inside a for or range loop of their own
// function (all loop forms: three-clause, range over slices, maps, channels,
// integers and functions, labelled and nested loops, inside select and
// switch). It follows the control flow: a defer after which the iteration
// always leaves the loop (return, break, panic, os.Exit) runs at most once
// and is not reported by either check. Go statements that capture loop
// variables are reported by the bundled x/tools loopclosure analyzer.
//
// # Check defer-in-loop
//
// defer-in-loop: a defer in a loop piles up one deferred call per iteration until the function returns
//
// The deferred calls of a loop run only when the function returns: until
// then every iteration's file, lock, response body or context stays open or
// held. A loop that opens files runs out of descriptors, a lock deferred in
// a loop deadlocks on the second iteration, and in an endless loop or a
// range over a channel (a worker, an accept loop) the calls run at shutdown
// or never. The message says what piles up and until when, for example
// "defer in loop: one open file (f) per iteration piles up until ExtractAll
// returns".
//
// Wrong:
//
//	func ExtractAll(names []string) error {
//		for _, name := range names {
//			f, err := os.Open(name)
//			if err != nil {
//				return err
//			}
//			defer f.Close() // closed only when ExtractAll returns
//			if err := extract(f); err != nil {
//				return err
//			}
//		}
//		return nil
//	}
//
// Right:
//
//	func ExtractAll(names []string) error {
//		for _, name := range names {
//			if err := extractFile(name); err != nil {
//				return err
//			}
//		}
//		return nil
//	}
//
//	func extractFile(name string) error {
//		f, err := os.Open(name)
//		if err != nil {
//			return err
//		}
//		defer f.Close() // closed at the end of every file
//		return extract(f)
//	}
//
// Fix: move the body of the loop into a function (a named one, or a
// function literal called per iteration) so that its defers run at the end
// of each iteration. The suggested fix wraps the loop body in
// func() { ... }() when that keeps the code compiling and its meaning: the
// body has no return, no goto, and no break or continue that leaves the
// body.
//
// The check is silent in _test.go files (a pile-up lasts until the test
// returns: harmless, and often the point of a test holding connections);
// when the defer sits in a function literal called per iteration; when the
// iteration always leaves the loop after the defer (an unconditional
// return, break, panic or os.Exit follows it, so at most one call is
// pending), every loop around it has constant bounds allowing one
// iteration (for i := 0; i < 1; i++), or it sits in the select case of a
// *time.Timer declared outside the loop that the loop neither resets nor
// reassigns (the timer fires once, so the case runs once).
//
// It is silent when the iteration acquires nothing that the deferred call
// releases. What a call releases is reached through its receiver (f in
// f.Close()), the function value it calls (cancel, with the ctx assigned
// together with it), or a closable argument (c in closeConn(c), a value
// with a Close method); other arguments, such as a path or a
// configuration, are what the call works with (defer os.Chmod(dir, 0o777),
// defer cfg.apply(tc)). Nothing is acquired when the call closes, stops or
// unlocks the values the loop ranges over (for _, c := range closers {
// defer c.Close() }, locking every shard or each ancestor in a chain until
// return), or repeats a call on a variable the loop neither assigns nor
// calls another method on; a value received from a channel or yielded by
// an iterator counts as acquired, and a call that reaches nothing at all
// (defer func() { recover() }()) is still reported in a loop without a
// bound of its own (for {} or a range over a channel or a function), where
// such calls grow without limit.
//
// It is silent when the iteration hands what it acquired on beyond the
// iteration, so that it is meant to live until the function returns: it
// stores or appends it (or a channel it provides, which later iterations
// receive from) to a variable declared outside the loop, sends it on a
// channel, passes it to another deferred call, or, in a loop with a bound
// of its own, to a goroutine (files = append(files, f), timeout = t.C,
// updates = s.Updates(), defer profile.WriteTo(f, 0), go read(c)). In an endless
// loop a resource handed to a goroutine still piles up and is reported:
// for { conn := accept(); defer conn.Close(); go handle(conn) } keeps every
// connection until the server returns. A deferred call that only works
// with a resource another defer of the iteration releases is not reported
// either.
//
// And it is silent when the deferred call is a fallback for a resource
// every iteration also releases explicitly before the next one (defer
// f.Close() with an explicit f.Close(), defer cancel() with an explicit
// cancel(), a sync.OnceFunc closer called explicitly, defer tx.Rollback()
// with an explicit tx.Commit()), and when the deferred closure is
// failure-only or flag-guarded cleanup: every statement is an if without
// else on an error or bool variable that the function sets later or
// returns, as in defer func() { if err != nil { f.Close() } }() and
// defer func() { if !closed { f.Close() } }(). Nor is a defer that runs
// once per call: a resource opened lazily under if fd == nil { fd, err =
// open(...); defer fd.Close() }, where fd is declared outside the loop and
// not reset in it.
//
// Suppress a finding with a comment on the line of the defer or the line
// above it: //shutdownlint:ignore defer-in-loop <reason>.
//
// # Check defer-captures-loop-var
//
// defer-captures-loop-var: a deferred closure in a loop reads a variable all iterations share, so every deferred call sees its last value
//
// A deferred closure reads its variables when it runs, at function return,
// not when it is deferred. If a loop defers a closure that reads a
// variable shared by all iterations, every deferred call sees the value of
// the last iteration: the last file is closed n times and the others never,
// the last transaction is rolled back n times. A variable is shared when it
// is the loop variable of a for or range loop in a file whose Go version
// is before 1.22 (since Go 1.22 each iteration has its own loop variables;
// the version is the file's, from the go.mod go line or a //go:build
// go1.N constraint), or when it is declared outside the loop and assigned
// inside it, in every Go version.
//
// Wrong:
//
//	//go:build go1.21
//
//	for _, f := range files {
//		defer func() {
//			if err := f.Close(); err != nil { // every call closes the last file
//				log.Print(err)
//			}
//		}()
//	}
//
//	var conn net.Conn
//	for _, addr := range addrs {
//		conn = dial(addr)
//		defer func() { conn.Close() }() // in every Go version
//	}
//
// Right:
//
//	for _, f := range files {
//		defer func(f *os.File) {
//			if err := f.Close(); err != nil {
//				log.Print(err)
//			}
//		}(f)
//	}
//
// Fix: pass the value to the deferred closure as an argument, which is
// evaluated at the defer: defer func(f *os.File) { ... }(f). The suggested
// fix does this when the type can be written at the closure and the closure
// does not assign the variable. Often the loop also holds resources too
// long, which defer-in-loop reports.
//
// The check is silent in files at Go 1.22 or later for the loop variables
// of for and range loops, and when the Go version of the file is unknown;
// for the named result parameters of the function and for error variables
// the closure only compares with nil (reading their final value is the
// purpose of error-path defers such as defer func() { if err != nil {
// f.Close() } }()); for variables passed as arguments
// (defer func(v T) { ... }(v)); for package-level variables; and when only
// one closure can be pending: the iteration always leaves the loop after
// the defer, or the defer runs once per call under the lazy-open guard
// that defer-in-loop also accepts (if fd == nil { fd, err = open(...);
// defer func() { fd.Close() }() }).
//
// Suppress a finding with a comment on the line of the variable's first
// use in the closure or the line above it:
// //shutdownlint:ignore defer-captures-loop-var <reason>.
package deferloop
