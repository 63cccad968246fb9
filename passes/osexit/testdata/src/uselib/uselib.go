// Package uselib calls lib's functions while deferred calls are pending.
package uselib

import (
	"bufio"
	"lib"
)

// Positives: lib's facts say these never return.

func useFatal(w *bufio.Writer, err error) {
	defer w.Flush()
	if err != nil {
		lib.Fatal(err) // want `^lib\.Fatal exits the process and skips deferred call w\.Flush \(line 12\)$`
	}
}

func useFatalf(w *bufio.Writer, err error) {
	defer w.Flush()
	if err != nil {
		lib.Fatalf("x: %v", err) // want `^lib\.Fatalf exits the process and skips deferred call w\.Flush`
	}
}

func useDie(w *bufio.Writer) {
	defer w.Flush()
	if w.Buffered() > 10 {
		lib.Die(3) // want `^lib\.Die exits the process and skips deferred call w\.Flush`
	}
}

func useMethod(w *bufio.Writer, a *lib.App) {
	defer w.Flush()
	if w.Buffered() > 10 {
		a.Fail("x") // want `^a\.Fail exits the process and skips deferred call w\.Flush`
	}
}

func useLoop(w *bufio.Writer, c chan string) {
	defer w.Flush()
	go lib.WaitForQuit(c) // want `^lib\.WaitForQuit in a goroutine exits the process and skips deferred call w\.Flush`
}

// Cleanup functions returned by lib's functions: benign or not (facts).
func useCleanups(w *bufio.Writer, err error) {
	defer lib.StartStats()()
	if err != nil {
		lib.Fatal(err) // quiet: the stats cleanup dies with the process
	}
	defer lib.StartTrace(w)()
	if err != nil {
		lib.Fatal(err) // want `^lib\.Fatal exits the process and skips deferred call lib\.StartTrace\(w\) \(line \d+\)$`
	}
}

// A cleanup function kept in a variable from another package's result.
func useResultCleanup(path string) { // want useResultCleanup:"exits"
	logf, closeLog, err := lib.OpenLog(path)
	if err != nil {
		lib.Fatal(err) // quiet: nothing deferred yet
	}
	defer closeLog()
	logf("started")
	lib.Fatal(nil) // quiet: closeLog only closes a file
}

// A wrapper in this package around lib's exits gets its own fact.
func wrap(err error) { // want wrap:"exits"
	lib.Fatal(err)
}

// Negatives.

// lib is not known to be in the module of this package (GOPATH mode has
// no modules), so its "may exit" helpers are not reported.
func useCheck(w *bufio.Writer, err error) {
	defer w.Flush()
	lib.Check(err)       // quiet: may exit, but not a helper of this module
	lib.PanicOrExit(err) // quiet: may panic, so it is not "never returns"
	lib.Recurse(3)       // quiet: recursion is taken to return
	lib.ExitInClosure()  // quiet: the exit is in a literal it returns
	lib.DeferredExit()   // quiet: not a call that never returns
	if err != nil {
		lib.Stop() // quiet: Goexit runs the deferred calls
	}
}

func useSpin(w *bufio.Writer, c chan int) {
	defer w.Flush()
	if c == nil {
		lib.Spin() // quiet: never returns, but does not exit
	}
	lib.SpinOrExit(c) // quiet: may spin instead of exiting
}
