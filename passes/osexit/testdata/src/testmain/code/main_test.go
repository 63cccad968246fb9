//go:build go1.21

package code

import (
	"os"
	"testing"
)

func TestX(t *testing.T) {}

var dropDB func()

func teardown() { dropDB() }

func TestMain(m *testing.M) { // want TestMain:"exits"
	Setup()
	defer teardown()
	code := m.Run()
	os.Exit(code) // want `^os\.Exit skips deferred call teardown \(line 18\)$`
}
