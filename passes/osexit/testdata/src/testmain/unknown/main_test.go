package unknown

import (
	"os"
	"testing"
)

func TestX(t *testing.T) {}

func teardown() { os.RemoveAll("testdata/tmp") }

// The file's Go version is unknown (GOPATH mode, no build constraint):
// reported, but no fix, which needs Go 1.15.
func TestMain(m *testing.M) { // want TestMain:"exits"
	defer teardown()
	os.Exit(m.Run()) // want `^os\.Exit skips deferred call teardown \(line 15\)$`
}
