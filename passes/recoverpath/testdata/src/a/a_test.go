package a

import "testing"

// Tests swallow the panics they provoke.
func TestPanics(t *testing.T) { // want TestPanics:"defers recover"
	defer func() {
		recover() // quiet: a test file
	}()
	work()
}

// A misplaced recover is a bug in a test too.
func TestMisplaced(t *testing.T) {
	func() {
		if r := recover(); r != nil { // want `recover in a function literal that is called, not deferred`
			t.Log(r)
		}
	}()
}
