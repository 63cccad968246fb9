// Package typeparams holds generic helpers and generic functions with
// deferred calls.
package typeparams

import (
	"bufio"
	"log"
	"os"
	"strconv"
	"sync"
)

// must exits on error: a "may" helper of this package.
func must[T any](v T, err error) T {
	if err != nil {
		log.Fatal(err)
	}
	return v
}

// fatal always exits, whatever T.
func fatal[T any](v T) { // want fatal:"exits"
	log.Fatalf("%v", v)
}

type Box[T any] struct{ v T }

// Die is a method of a generic type that always exits.
func (b *Box[T]) Die() { // want Die:"exits"
	os.Exit(1)
}

// Positives.

func use(w *bufio.Writer, b *Box[int]) {
	defer w.Flush()
	x := must(strconv.Atoi("1")) // want `^must may exit the process and skip deferred call w\.Flush \(line 36\)$`
	if x > 1 {
		fatal(x) // want `^fatal exits the process and skips deferred call w\.Flush`
	}
	if x > 2 {
		fatal[string]("x") // want `^fatal exits the process and skips deferred call w\.Flush`
	}
	if x > 3 {
		b.Die() // want `^b\.Die exits the process and skips deferred call w\.Flush`
	}
}

func genericWithDefer[T any](w *bufio.Writer, v T) {
	defer w.Flush()
	if any(v) == nil {
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush`
	}
}

// Negatives.

// The exit comes before the defer.
func exitBeforeDefer[T any](w *bufio.Writer, v T) {
	if any(v) == nil {
		os.Exit(1) // quiet: nothing deferred yet
	}
	defer w.Flush()
}

// Unlock through a type parameter constrained by sync.Locker.
func lockExit[L sync.Locker](l L) { // want lockExit:"exits"
	l.Lock()
	defer l.Unlock()
	os.Exit(1) // quiet: an in-process lock dies with the process
}

// Calls of must with no pending defer.
func noDefer() int {
	return must(strconv.Atoi("2")) // quiet: nothing deferred
}
