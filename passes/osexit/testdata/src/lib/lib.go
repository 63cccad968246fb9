// Package lib exports functions that never return (facts) to uselib.
package lib

import (
	"fmt"
	"log"
	"os"
	"runtime"
)

// Fatal always exits.
func Fatal(err error) { // want Fatal:"exits"
	log.Printf("fatal: %v", err)
	os.Exit(1)
}

// Fatalf exits through Fatal.
func Fatalf(format string, args ...any) { // want Fatalf:"exits"
	Fatal(fmt.Errorf(format, args...))
}

// Die exits on every path of a switch.
func Die(code int) { // want Die:"exits"
	switch code {
	case 0:
		log.Fatal("zero")
	default:
		os.Exit(code)
	}
}

type App struct{ name string }

// Fail is a method that always exits.
func (a *App) Fail(msg string) { // want Fail:"exits"
	log.Fatalf("%s: %s", a.name, msg)
}

// WaitForQuit only leaves by exiting: every path of its loop can still
// reach the exit.
func WaitForQuit(c chan string) { // want WaitForQuit:"exits"
	for {
		if <-c == "quit" {
			os.Exit(0)
		}
	}
}

// Stop always calls runtime.Goexit.
func Stop() { // want Stop:"goexits"
	runtime.Goexit()
}

// StartStats returns a cleanup function whose effect dies with the
// process.
func StartStats() func() { // want StartStats:`^benignCleanup\(0\)$`
	stop := make(chan struct{})
	if stop == nil {
		return func() {}
	}
	return func() { close(stop) }
}

// StartTrace returns a cleanup function that flushes: real work.
func StartTrace(w interface{ Flush() error }) func() {
	return func() { _ = w.Flush() }
}

// OpenLog returns a handler and a cleanup function that only closes a
// file: the second result is benign.
func OpenLog(path string) (func(string), func(), error) { // want OpenLog:`^benignCleanup\(1\)$`
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return func(string) {}, func() { _ = f.Close() }, nil
}

// No facts below.

// Check exits on some paths only.
func Check(err error) {
	if err != nil {
		Fatal(err)
	}
}

// PanicOrExit may panic, which unwinds: not "never returns normally" by exiting.
func PanicOrExit(err error) {
	if err != nil {
		panic(err)
	}
	os.Exit(1)
}

// Spin never returns, but never exits either.
func Spin() {
	for {
	}
}

// SpinOrExit may spin forever without reaching the exit.
func SpinOrExit(c chan int) {
	if <-c == 0 {
		os.Exit(1)
	}
	for {
	}
}

// Recurse calls itself: the recursion is taken to return.
func Recurse(n int) {
	if n == 0 {
		os.Exit(1)
	}
	Recurse(n - 1)
}

// ExitInClosure exits only in a literal it does not call.
func ExitInClosure() func() {
	return func() { os.Exit(1) }
}

// DeferredExit exits when it returns; it is not treated as never returning.
func DeferredExit() {
	defer os.Exit(0)
}
