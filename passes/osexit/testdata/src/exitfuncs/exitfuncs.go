// Package exitfuncs is analysed with
// -osexit.exit-funcs=example.com/fail.Die,(*example.com/fail.Logger).Die.
package exitfuncs

import (
	"bufio"

	"example.com/fail"
)

func named(w *bufio.Writer, l *fail.Logger, err error) {
	defer w.Flush()
	if err != nil {
		fail.Die(1) // want `^fail\.Die skips deferred call w\.Flush`
	}
	if err != nil {
		l.Die("x") // want `^l\.Die skips deferred call w\.Flush`
	}
	fail.Other(1) // quiet: not named
	l.Print("x")  // quiet: not named
}

// A wrapper of a named function never returns either.
func wrapper() { // want wrapper:"exits"
	fail.Die(2)
}

func useWrapper(w *bufio.Writer) { // want useWrapper:"exits"
	defer w.Flush()
	wrapper() // want `^wrapper exits the process and skips deferred call w\.Flush`
}
