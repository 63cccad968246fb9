//go:build go1.21

package notlast

import (
	"flag"
	"os"
	"testing"
)

func TestX(t *testing.T) {}

func teardown() { os.RemoveAll("testdata/tmp") }

func TestMain(m *testing.M) { // want TestMain:"exits"
	flag.Parse()
	defer teardown()
	if !testing.Short() {
		os.Exit(m.Run()) // want `^os\.Exit skips deferred call teardown \(line 17\)$`
	}
	os.Setenv("SHORT", "1")
	code := m.Run()
	if code != 0 {
		println("failed")
	}
	os.Exit(code) // want `^os\.Exit skips deferred call teardown \(line 17\)$`
}
