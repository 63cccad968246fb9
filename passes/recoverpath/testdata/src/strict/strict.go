// Package strict holds the goroutine-without-recover cases, run with
// -recoverpath.strict.
package strict

import (
	"log"
	"sync"

	"golang.org/x/sync/errgroup"
	"lib"
)

func work() {}

func check() error { return nil }

func handlePanic() { // want handlePanic:"recovers"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func guarded() { // want guarded:"defers recover"
	defer handlePanic()
	work()
}

// ---- positives ----

func Plain(g *errgroup.Group, wg *sync.WaitGroup) {
	go work()   // want `goroutine running work has no deferred recover: a panic in it crashes the process and skips every deferred cleanup`
	go func() { // want `goroutine running a function literal has no deferred recover`
		work()
	}()
	g.Go(func() error { // want `goroutine running a function literal has no deferred recover`
		return nil
	})
	g.TryGo(func() error { return nil }) // want `goroutine running a function literal has no deferred recover`
	wg.Go(work)                          // want `goroutine running work has no deferred recover`
	lib.Go(work)                         // want `goroutine running work started by lib.Go has no deferred recover`
	// More than a call of a recovering function and a plain return.
	g.TryGo(func() error { guarded(); return check() })  // want `goroutine running a function literal has no deferred recover`
	g.Go(func() error { guarded(); work(); return nil }) // want `goroutine running a function literal has no deferred recover`
	wg.Go(func() { guarded(); work() })                  // want `goroutine running a function literal has no deferred recover`
}

// Reported once, by goroutine-escapes-recover.
func Escapes() { // want Escapes:"defers recover"
	defer handlePanic()
	go work() // want `goroutine running work escapes the deferred recover of Escapes`
}

// Started before the deferred recover: not goroutine-escapes-recover, but
// still a goroutine without recover.
func StartedBefore() { // want StartedBefore:"defers recover"
	go work() // want `goroutine running work has no deferred recover`
	defer handlePanic()
	work()
}

// ---- negatives ----

var errNone error

func ProtectedWaitGroup(wg *sync.WaitGroup) {
	wg.Go(guarded) // quiet: defers a recover
	wg.Go(func() {
		defer handlePanic() // quiet
		work()
	})
}

func Protected(g *errgroup.Group) {
	go guarded() // quiet: defers a recover
	go func() {
		defer handlePanic() // quiet
		work()
	}()
	g.Go(func() error {
		defer handlePanic() // quiet
		return nil
	})
	g.TryGo(func() error {
		defer handlePanic() // quiet
		return nil
	})
	g.TryGo(func() error { guarded(); return nil })  // quiet: only calls a function that recovers
	g.Go(func() error { guarded(); return errNone }) // quiet: only calls a function that recovers
	lib.SafeGo(work)                                 // quiet: a recovering wrapper
	lib.SafeGo(func() { work() })
	lib.SafeGoNamed("x", work)
	go lib.Serve() // quiet: lib.Serve defers a recover
}

func Unknown(fn func()) { // want Unknown:"launches fn"
	go fn() // quiet: a function value is not known
}
