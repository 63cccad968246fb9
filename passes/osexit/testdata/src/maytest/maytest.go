// Package maytest has a "may exit" helper called from its tests.
package maytest

import (
	"bufio"
	"log"
	"os"
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
