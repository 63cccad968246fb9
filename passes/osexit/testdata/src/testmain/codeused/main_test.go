//go:build go1.21

package codeused

import (
	"os"
	"testing"
)

func TestX(t *testing.T) {}

func teardown() { os.RemoveAll("testdata/tmp") }

// The exit code is used for more than the exit: no mechanical fix.
func TestMain(m *testing.M) { // want TestMain:"exits"
	defer teardown()
	code := m.Run()
	if code == 0 {
		println("ok")
	}
	os.Exit(code) // want `^os\.Exit skips deferred call teardown \(line 16\)$`
}
