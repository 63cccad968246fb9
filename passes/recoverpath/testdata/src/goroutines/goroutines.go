// Package goroutines holds the goroutine-escapes-recover cases, and the
// goroutine-without-recover cases that the strict test expects.
package goroutines

import (
	"log"
	"net"
	"sync"

	"golang.org/x/sync/errgroup"
	"lib"
)

func work() {}

func handlePanic() { // want handlePanic:"recovers"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

// serve defers a recover: a goroutine running it is protected.
func serve(c net.Conn) { // want serve:"defers recover"
	defer handlePanic()
	work()
}

func audit(c net.Conn) { work() }

// ---- goroutine-escapes-recover: positives ----

func Handle(c net.Conn) { // want Handle:"defers recover"
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	go audit(c) // want `goroutine running audit escapes the deferred recover of Handle: a panic in it crashes the process and skips every deferred cleanup`
	go func() { // want `goroutine running a function literal escapes the deferred recover of Handle`
		audit(c)
	}()
	work()
}

type Server struct{ wg sync.WaitGroup }

func (s *Server) audit() {}

func (s *Server) Handle(g *errgroup.Group) { // want Handle:"defers recover"
	defer handlePanic()
	g.Go(func() error { // want `goroutine running a function literal escapes the deferred recover of Handle`
		s.audit()
		return nil
	})
	s.wg.Go(s.audit) // want `goroutine running s.audit escapes the deferred recover of Handle`
	go s.audit()     // want `goroutine running s.audit escapes`
}

func (s *Server) TryHandle(g *errgroup.Group) { // want TryHandle:"defers recover"
	defer handlePanic()
	g.TryGo(func() error { // want `goroutine running a function literal escapes the deferred recover of TryHandle`
		s.audit()
		return nil
	})
	g.Go(func() error { s.guarded(); return s.check() }) // want `goroutine running a function literal escapes the deferred recover of TryHandle`
}

func (s *Server) check() error { return nil }

// A wrapper that does not recover is a goroutine start like go.
func ThroughPlainWrapper() { // want ThroughPlainWrapper:"defers recover"
	defer handlePanic()
	lib.Go(work) // want `goroutine running work started by lib.Go escapes the deferred recover of ThroughPlainWrapper`
	done := make(chan struct{})
	lib.GoWait(done, func() { // want `goroutine running a function literal started by lib.GoWait escapes`
		work()
	})
}

// The deferred recover of a variable holding a recovering literal.
func VarRecover() { // want VarRecover:"defers recover"
	h := func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}
	defer h()
	go work() // want `goroutine running work escapes the deferred recover of VarRecover`
}

// A literal with a deferred recover starting an unprotected goroutine.
func InLiteral() {
	go func() {
		defer handlePanic()
		go work() // want `goroutine running work escapes the deferred recover of the function literal`
	}()
}

// ---- goroutine-escapes-recover: negatives ----

func ProtectedLiteral() { // want ProtectedLiteral:"defers recover"
	defer handlePanic()
	go func() {
		defer handlePanic() // quiet: the goroutine recovers itself
		work()
	}()
}

// Every launcher, running a function that recovers itself.
func (s *Server) ProtectedLaunchers(g *errgroup.Group) { // want ProtectedLaunchers:"defers recover"
	defer handlePanic()
	g.Go(func() error {
		defer handlePanic() // quiet: the goroutine recovers itself
		return nil
	})
	g.TryGo(func() error {
		defer handlePanic() // quiet: the goroutine recovers itself
		return nil
	})
	s.wg.Go(func() {
		defer handlePanic() // quiet: the goroutine recovers itself
		work()
	})
	g.Go(func() error { s.guarded(); return nil }) // quiet: only calls a method that recovers
	s.wg.Go(s.guarded)                             // quiet: the method defers a recover
	go s.guarded()                                 // quiet: the method defers a recover
}

func (s *Server) guarded() { // want guarded:"defers recover"
	defer handlePanic()
	s.audit()
}

func ProtectedFunc(c net.Conn) { // want ProtectedFunc:"defers recover"
	defer handlePanic()
	go serve(c) // quiet: serve defers a recover
	go lib.Serve()
	go func() { // quiet: only calls a function that recovers
		defer c.Close()
		serve(c)
	}()
}

func ThroughSafeGo() { // want ThroughSafeGo:"defers recover"
	defer handlePanic()
	lib.SafeGo(work) // quiet: a recovering wrapper
	lib.SafeGo(func() { work() })
	lib.SafeGoNamed("w", work)
}

func FuncValue(fn func()) { // want FuncValue:"defers recover, launches fn"
	defer handlePanic()
	go fn() // quiet: an unknown function value
}

type runner interface{ Run() }

func Interface(r runner) { // want Interface:"defers recover"
	defer handlePanic()
	go r.Run() // quiet: an interface method is not known
}

// No deferred recover here: the default check is quiet (strict reports).
func NoRecover(c net.Conn) {
	go audit(c)
}

// The recover of a wrapped helper does not work, so nothing is installed.
func BrokenRecover(c net.Conn) {
	defer func() {
		handlePanic() // want `recovering helper handlePanic is called by this deferred function literal`
	}()
	go audit(c) // quiet here: Handle's recover does not work anyway (strict reports)
}

// A go statement in a literal called synchronously: the literal has no recover.
func NestedLiteral() { // want NestedLiteral:"defers recover"
	defer handlePanic()
	var once sync.Once
	once.Do(func() {
		go work() // quiet by default: the literal around it defers no recover
	})
}

// A wrapper's own goroutine runs its parameter: its callers are judged.
func MyGo(fn func()) { // want MyGo:"defers recover, launches fn"
	defer handlePanic()
	go func() { // quiet: runs the parameter
		defer log.Print("done")
		fn()
	}()
}

func Suppressed() { // want Suppressed:"defers recover"
	defer handlePanic()
	//shutdownlint:ignore goroutine-escapes-recover work cannot panic
	go work()
}

// A deferred recover that only re-panics protects nothing, and nothing is
// expected of it.
func RepanicHost(tx chan struct{}) {
	defer func() {
		if r := recover(); r != nil {
			close(tx)
			panic(r)
		}
	}()
	go work() // quiet by default: the host's recover re-panics (strict reports)
}

// The goroutine starts before the recover is deferred: the recover was
// written for the work after it, not for this goroutine (std
// testing/run_example.go FP: the stdout copier of runExample). The strict
// check reports it.
func StartedBefore(out chan string) { // want StartedBefore:"defers recover"
	go func() { // quiet: started before the recover is deferred
		out <- "copied"
	}()
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	work()
}

// Started before one recover and after another: it escapes the first.
func BetweenRecovers() { // want BetweenRecovers:"defers recover"
	defer handlePanic()
	go work() // want `goroutine running work escapes the deferred recover of BetweenRecovers`
	defer handlePanic()
}
