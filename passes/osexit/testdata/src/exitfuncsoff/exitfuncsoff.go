// Package exitfuncsoff is analysed without -osexit.exit-funcs: the same
// calls as in package exitfuncs are quiet.
package exitfuncsoff

import (
	"bufio"

	"example.com/fail"
)

func named(w *bufio.Writer, l *fail.Logger, err error) {
	defer w.Flush()
	if err != nil {
		fail.Die(1) // quiet: not named by the flag
	}
	if err != nil {
		l.Die("x") // quiet: not named by the flag
	}
}

func wrapper() { // no fact without the flag
	fail.Die(2)
}

func useWrapper(w *bufio.Writer) {
	defer w.Flush()
	wrapper() // quiet: not known to exit
}
