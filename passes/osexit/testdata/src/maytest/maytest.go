// Package maytest has a "may exit" helper called from its tests.
package maytest

import (
	"bufio"
	"log"
	"os"
	"testing"
)

// check exits when err is not nil.
func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func newWriter() *bufio.Writer { return bufio.NewWriter(os.Stdout) }

// Outside tests the "may" helper is reported.
func Run(err error) {
	w := newWriter()
	defer w.Flush()
	check(err) // want `^check may exit the process and skip deferred call w\.Flush`
}

var args []string

// restoreArgs only assigns memory: skipping it loses nothing.
func restoreArgs(old []string) {
	args = old
}

// stopAll only does benign things.
func stopAll(stop chan struct{}, cancel func()) {
	close(stop)
}

func Restore(err error, stop chan struct{}) {
	defer restoreArgs(args)
	defer stopAll(stop, nil)
	reset := func() { args = nil }
	defer reset()
	check(err) // quiet: the deferred functions only touch memory
}

// mustTime exits on a bad value.
func mustTime(s string) int {
	if s == "" {
		log.Fatal("bad time")
	}
	return len(s)
}

// A test helper outside a test file: a failing helper fails a test.
func RunTests(t *testing.T, dir string) {
	defer os.RemoveAll(dir)
	check(nil) // quiet: in a function that takes a *testing.T
	t.Run("x", func(t *testing.T) {
		w := newWriter()
		defer w.Flush()
		_ = mustTime(dir) // quiet: in a test function literal
	})
}

// A "may" helper called with constants only fails the same way every
// time: quiet. With a variable, reported.
func Times(s string) {
	w := newWriter()
	defer w.Flush()
	_ = mustTime("2001-02-03") // quiet: constant arguments
	_ = mustTime(s)            // want `^mustTime may exit the process and skip deferred call w\.Flush`
}
