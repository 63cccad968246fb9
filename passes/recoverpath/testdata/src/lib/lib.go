// Package lib holds recovering helpers and launcher wrappers used from
// other packages.
package lib

import "log"

// HandlePanic logs a panic. It works only as defer lib.HandlePanic().
func HandlePanic() { // want HandlePanic:"recovers"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

// HandlePanicAs logs a panic with a name.
func HandlePanicAs(name string) { // want HandlePanicAs:"recovers"
	if r := recover(); r != nil {
		log.Printf("%s: panic: %v", name, r)
	}
}

type Logger struct{}

// Recover is a recovering method.
func (l *Logger) Recover() { // want Recover:"recovers"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

// SafeGo runs fn in a goroutine under a deferred recover.
func SafeGo(fn func()) { // want SafeGo:"launches fn under recover"
	go func() {
		defer HandlePanic()
		fn()
	}()
}

// SafeGoNamed forwards to SafeGo: also a recovering launcher.
func SafeGoNamed(name string, fn func()) { // want SafeGoNamed:"launches fn under recover"
	SafeGo(func() {
		log.Print(name)
		fn()
	})
}

// Go runs fn in a goroutine without a recover.
func Go(fn func()) { // want Go:"launches fn"
	go fn()
}

// GoWait runs fn in a goroutine with a literal that has no recover.
func GoWait(done chan struct{}, fn func()) { // want GoWait:"launches fn"
	go func() {
		defer close(done)
		fn()
	}()
}

// Serve defers a recover: a goroutine running it is protected.
func Serve() { // want Serve:"defers recover"
	defer HandlePanic()
	work()
}

// Loop defers a recover through a literal.
func Loop() { // want Loop:"defers recover"
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	work()
}

func work() {}

// Unprotected has no recover.
func Unprotected() {
	work()
}
