package goroutines

import "testing"

// A panic in a test's goroutine fails the run visibly; the test's recover
// asserts an expected panic.
func TestExpectPanic(t *testing.T) { // want TestExpectPanic:"defers recover"
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	go work() // quiet: a test file
	panic("expected")
}
