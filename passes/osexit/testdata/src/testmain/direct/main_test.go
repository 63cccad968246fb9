//go:build go1.21

package direct

import (
	"os"
	"testing"
)

func TestX(t *testing.T) {}

func TestMain(m *testing.M) { // want TestMain:"exits"
	dir := Setup()
	defer os.RemoveAll(dir)
	os.Exit(m.Run()) // want `^os\.Exit skips deferred call os\.RemoveAll \(line 14\)$`
}
