// Package uselib proves that the facts of lib cross package boundaries.
package uselib

import (
	"log"

	"lib"
	util "lib"
)

func Wrapped() {
	// want +2 `recovering helper lib.HandlePanic is called by this deferred function literal, not deferred itself: its recover returns nil and the panic goes on; defer lib.HandlePanic\(\) instead`
	defer func() {
		lib.HandlePanic()
	}()
	work()
}

// A renamed import is resolved through the type checker.
func Renamed() {
	// want +2 `recovering helper util.HandlePanic is called by this deferred function literal`
	defer func() {
		util.HandlePanic()
	}()
	work()
}

func WrappedArg(name string) {
	// want +2 `recovering helper lib.HandlePanicAs is called by this deferred function literal`
	defer func() {
		lib.HandlePanicAs(name)
	}()
	work()
}

// The argument changes after the defer: no fix, deferring would evaluate it early.
func WrappedChangingArg() {
	name := "start"
	// want +2 `recovering helper lib.HandlePanicAs is called by this deferred function literal`
	defer func() {
		lib.HandlePanicAs(name)
	}()
	name = "work"
	work()
}

func WrappedMethod(l *lib.Logger) {
	// want +2 `recovering helper l.Recover is called by this deferred function literal`
	defer func() {
		l.Recover()
	}()
	work()
}

// Other statements in the literal: no fix.
func WrappedWithLog() {
	defer func() {
		log.Print("leaving")
		lib.HandlePanic() // want `recovering helper lib.HandlePanic is called by this deferred function literal`
	}()
	work()
}

// A comment in the literal: no fix, it would be lost.
func WrappedWithComment() {
	defer func() {
		lib.HandlePanic() // want `recovering helper lib.HandlePanic is called by this deferred function literal`
	}()
	work()
}

// A field receiver may change before the return: no fix.
type holder struct{ l *lib.Logger }

func WrappedField(h *holder) {
	// want +2 `recovering helper h.l.Recover is called by this deferred function literal`
	defer func() {
		h.l.Recover()
	}()
	work()
}

// A value receiver would be copied at the defer: no fix.
type valueLogger struct{}

func (valueLogger) Recover() { // want Recover:"recovers"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func WrappedValueReceiver(v valueLogger) {
	// want +2 `recovering helper v.Recover is called by this deferred function literal`
	defer func() {
		v.Recover()
	}()
	work()
}

func CalledDirectly() {
	lib.HandlePanic() // want `recovering helper lib.HandlePanic is called directly, not deferred: its recover returns nil`
	work()
}

func AsGoroutine() {
	go lib.HandlePanic() // want `recovering helper lib.HandlePanic runs as a goroutine's function`
}

// A named wrapper that calls the helper: deferring the wrapper does not help.
func cleanup() {
	lib.HandlePanic() // want `recovering helper lib.HandlePanic is called directly`
}

func DeferWrapper() {
	defer cleanup()
	work()
}

// ---- Negatives ----

func Deferred() { // want Deferred:"defers recover"
	defer lib.HandlePanic() // quiet: deferred itself
	work()
}

func DeferredRenamed() { // want DeferredRenamed:"defers recover"
	defer util.HandlePanic() // quiet: deferred itself
	work()
}

func DeferredMethod(l *lib.Logger) { // want DeferredMethod:"defers recover"
	defer l.Recover() // quiet: deferred itself
	work()
}

// Called by a function that recovers itself: the panic is already stopped.
func handleAll() { // want handleAll:"recovers"
	if r := recover(); r != nil {
		lib.HandlePanic() // quiet: handleAll recovered already
		log.Print(r)
	}
}

func UsesHandleAll() { // want UsesHandleAll:"defers recover"
	defer handleAll() // quiet
	work()
}

// A function with no recover called from a deferred literal.
func NoRecover() {
	defer func() {
		lib.Unprotected() // quiet: it does not recover
	}()
	work()
}

func work() {}
