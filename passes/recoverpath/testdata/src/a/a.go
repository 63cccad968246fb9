// Package a holds the recover-not-in-defer and recovered-value-discarded
// cases of a single package.
package a

import (
	"errors"
	"fmt"
	"log"
)

func work() {}

// ---- recover-not-in-defer: positives ----

func StraightLine() {
	func() {
		if r := recover(); r != nil { // want `recover in a function literal that is called, not deferred, always returns nil`
			log.Print(r)
		}
	}()
	work()
}

func NestedInDeferred() {
	defer func() {
		func() {
			if r := recover(); r != nil { // want `recover in a function literal that the deferred function calls always returns nil`
				log.Print(r)
			}
		}()
	}()
	work()
}

func NestedGo() {
	go func() {
		if r := recover(); r != nil { // want `recover in the function of a go statement`
			log.Print(r)
		}
	}()
}

func DeferRecover() {
	defer recover() // want `defer recover\(\) does not stop a panic`
	work()
}

func GoRecover() {
	go recover() // want `go recover\(\) never stops a panic`
}

// A variable only ever called, never deferred.
func VarCalled() {
	h := func() {
		if r := recover(); r != nil { // want `recover in a function literal that is called, not deferred`
			log.Print(r)
		}
	}
	work()
	h()
}

// A local recovering helper called from the deferred literal.
func handlePanic() { // want handlePanic:"recovers"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func LocalHelper() {
	defer func() {
		handlePanic() // want `recovering helper handlePanic is called by this deferred function literal`
	}()
	work()
}

type server struct{}

func (s *server) recoverPanic() { // want recoverPanic:"recovers"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func (s *server) Handle() {
	defer func() {
		s.recoverPanic() // want `recovering helper s.recoverPanic is called by this deferred function literal`
	}()
	work()
}

func (s *server) HandleDirect() {
	s.recoverPanic() // want `recovering helper s.recoverPanic is called directly`
	work()
}

// ---- recover-not-in-defer: negatives ----

func DeferHelper() { // want DeferHelper:"defers recover"
	defer handlePanic() // quiet: deferred itself
	work()
}

func (s *server) DeferMethod() { // want DeferMethod:"defers recover"
	defer s.recoverPanic() // quiet: deferred itself
	work()
}

func DeferLiteral() { // want DeferLiteral:"defers recover"
	defer func() {
		if r := recover(); r != nil { // quiet: called by the deferred function
			log.Print(r)
		}
	}()
	work()
}

func DeferVar() { // want DeferVar:"defers recover"
	h := func() {
		if r := recover(); r != nil { // quiet: h is deferred
			log.Print(r)
		}
	}
	defer h()
	work()
}

func DeferParenLiteral() { // want DeferParenLiteral:"defers recover"
	defer (func() {
		if r := recover(); r != nil { // quiet: parenthesised, still deferred
			log.Print(r)
		}
	})()
	work()
}

// Passed to a function that may defer it: not known.
func Passed(protect func(func())) {
	protect(func() {
		if r := recover(); r != nil { // quiet: its use is not known
			log.Print(r)
		}
	})
}

// Returned: not known.
func Returned() func() {
	return func() {
		if r := recover(); r != nil { // quiet: its use is not known
			log.Print(r)
		}
	}
}

// A variable also passed on: not known.
func VarPassed(protect func(func())) {
	h := func() {
		if r := recover(); r != nil { // quiet: h is passed on
			log.Print(r)
		}
	}
	protect(h)
}

// A named function's own recover is judged at its calls.
func Helper() (err error) { // want Helper:"recovers"
	if r := recover(); r != nil { // quiet: Helper may be deferred elsewhere
		err = fmt.Errorf("panic: %v", r)
	}
	return err
}

// recover inside the deferred literal of a function run directly.
func SafeClose(ch chan int) (ok bool) { // want SafeClose:"defers recover"
	defer func() {
		if recover() != nil { // quiet: compared
			ok = false
		}
	}()
	close(ch)
	return true
}

// ---- recovered-value-discarded ----

func Bare() { // want Bare:"defers recover"
	defer func() {
		recover() // want `recovered panic value is discarded: the panic is swallowed with no log, metric or error`
	}()
	work()
}

func Blank() { // want Blank:"defers recover"
	defer func() {
		_ = recover() // want `recovered panic value is discarded`
	}()
	work()
}

func BlankVar() { // want BlankVar:"defers recover"
	defer func() {
		var _ = recover() // want `recovered panic value is discarded`
	}()
	work()
}

func Logged() { // want Logged:"defers recover"
	defer func() {
		if r := recover(); r != nil { // quiet: logged
			log.Printf("panic: %v", r)
		}
	}()
	work()
}

func Returns() (err error) { // want Returns:"defers recover"
	defer func() {
		if r := recover(); r != nil { // quiet: returned as an error
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	work()
	return nil
}

var lastPanic any

func Stored() { // want Stored:"defers recover"
	defer func() {
		lastPanic = recover() // quiet: stored
	}()
	work()
}

func Compared() { // want Compared:"defers recover"
	defer func() {
		if recover() != nil { // quiet: compared
			log.Print("recovered")
		}
	}()
	work()
}

func Sent(ch chan any) { // want Sent:"defers recover"
	defer func() {
		ch <- recover() // quiet: sent
	}()
	work()
}

func Repanicked() { // no fact: the recover only re-panics
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("wrapped: ", r)) // quiet: re-panicked
		}
	}()
	work()
}

func AsError() (err error) { // want AsError:"defers recover"
	defer func() {
		if e, ok := recover().(error); ok { // quiet: asserted and used
			err = errors.Join(err, e)
		}
	}()
	work()
	return nil
}

// A misplaced bare recover is reported once, as misplaced.
func MisplacedBare() {
	func() {
		recover() // want `recover in a function literal that is called, not deferred`
	}()
}

func Suppressed() { // want Suppressed:"defers recover"
	defer func() {
		//shutdownlint:ignore recovered-value-discarded a closed channel is expected here
		recover()
	}()
	work()
}

// ---- re-panicking recovers: the panic goes on anyway ----

// A cleanup helper that looks at a panic and re-panics it: calling it
// directly loses nothing (database/sql's closeDB in its tests).
func closeAll(done chan struct{}) {
	if e := recover(); e != nil {
		log.Printf("panic: %v", e)
		panic(e)
	}
	close(done)
}

func CloseDirectly(done chan struct{}) {
	closeAll(done) // quiet: closeAll does not stop panics, it re-panics
}

func RepanicLiteral() {
	func() {
		if r := recover(); r != nil { // quiet: only re-panics
			panic(r)
		}
	}()
}

func RepanicAssigned() {
	func() {
		r := recover() // quiet: only re-panics
		if r != nil {
			log.Print(r)
			panic(r)
		}
	}()
}

// ---- recovered-value-discarded: deliberate guards of call-free code ----

func interfaceEqual(a, b any) bool { // want interfaceEqual:"defers recover"
	defer func() {
		recover() // quiet: guards a comparison that may panic
	}()
	return a == b
}

func safeClose(ch chan int) { // want safeClose:"defers recover"
	defer func() {
		_ = recover() // quiet: guards a close of a channel that may be closed
	}()
	close(ch)
}

func safeSend(ch chan int, v int) (sent bool) { // want safeSend:"defers recover"
	defer func() {
		recover() // quiet: guards a send on a channel that may be closed
	}()
	ch <- v
	return true
}

func GuardsACall() { // want GuardsACall:"defers recover"
	defer func() {
		recover() // want `recovered panic value is discarded`
	}()
	work()
}
