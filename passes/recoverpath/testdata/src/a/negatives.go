package a

import "log"

// More places where recover, or a recovering helper, works.

func DeferredInGoroutine() {
	go func() {
		defer func() {
			if r := recover(); r != nil { // quiet: called by the goroutine's deferred function
				log.Print(r)
			}
		}()
		work()
	}()
}

func (s *server) DeferMethodInLiteral() {
	run := func() {
		defer s.recoverPanic() // quiet: deferred itself
		work()
	}
	run()
}

func DeferVarDecl() { // want DeferVarDecl:"defers recover"
	var h = func() {
		if r := recover(); r != nil { // quiet: h is deferred
			log.Print(r)
		}
	}
	defer h()
	work()
}

func HelperInRecoveringLiteral() { // want HelperInRecoveringLiteral:"defers recover"
	defer func() {
		if r := recover(); r != nil {
			handlePanic() // quiet: this literal has stopped the panic already
			log.Print(r)
		}
	}()
	work()
}

type hooks struct{ onPanic func() }

func StoredInField(h *hooks) {
	h.onPanic = func() {
		if r := recover(); r != nil { // quiet: stored; its use is not known
			log.Print(r)
		}
	}
}

func protect(f func()) { defer f() }

func PassedToDeferredWrapper() {
	defer protect(func() {
		if r := recover(); r != nil { // quiet: passed on; its use is not known
			log.Print(r)
		}
	})
	work()
}

func MethodExpression(s *server) { // want MethodExpression:"defers recover"
	defer (*server).recoverPanic(s) // quiet: deferred itself
	work()
}

func HelperAsValue() {
	f := handlePanic
	defer f() // quiet: a function value, whose target is not followed
	work()
}

func DeferInLoopBody(jobs []func()) { // want DeferInLoopBody:"defers recover"
	for _, job := range jobs {
		defer func() {
			if r := recover(); r != nil { // quiet: called by the deferred function
				log.Print(r)
			}
		}()
		job()
	}
}

// A recover deferred by a deferred function stops a panic raised by that
// deferred function's own work (cleanup that may panic), though not the
// panic it runs for: the check cannot tell which one the author meant, so
// it stays quiet.
func NestedDeferredRecover(cleanup func()) {
	defer func() {
		defer func() {
			if r := recover(); r != nil { // quiet: stops a panic of cleanup()
				log.Print(r)
			}
		}()
		cleanup()
	}()
}
