// Command directives checks //shutdownlint:ignore end to end: osexit owns
// the report of directives naming unknown checks. (A main package exports
// no facts, which keeps them out of the expectations.)
package main

import (
	"bufio"
	"os"
)

func suppressed(w *bufio.Writer) {
	defer w.Flush()
	//shutdownlint:ignore exit-skips-defer the output is best effort
	os.Exit(1)
}

func suppressedSameLine(w *bufio.Writer) {
	defer w.Flush()
	os.Exit(1) //shutdownlint:ignore exit-skips-defer the output is best effort
}

func notSuppressedByOtherCheck(w *bufio.Writer) {
	defer w.Flush()
	//shutdownlint:ignore goexit-in-main wrong check // want "directive suppresses no goexit-in-main finding"
	os.Exit(1) // want `os\.Exit skips deferred call w\.Flush`
}

func unused() {
	// want +1 "directive suppresses no exit-skips-defer finding"
	//shutdownlint:ignore exit-skips-defer nothing to suppress here
	os.Exit(1)
}

func unknownSlug(w *bufio.Writer) {
	defer w.Flush()
	// want +1 `names unknown check "exit-skip-defer"`
	//shutdownlint:ignore exit-skip-defer a typo
	os.Exit(1) // want `os\.Exit skips deferred call w\.Flush`
}

func noReason(w *bufio.Writer) {
	defer w.Flush()
	// want +1 "directive needs a reason after exit-skips-defer"
	//shutdownlint:ignore exit-skips-defer
	os.Exit(1)
}

func noSlug() {
	// want +1 "directive names no check"
	//shutdownlint:ignore
	println()
}

// deep-exit is off: a directive for it is not reported as unused.
func optInOff() {
	//shutdownlint:ignore deep-exit a command helper
	os.Exit(1)
}

func main() {}
