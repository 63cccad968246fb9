package ignored

import (
	"os/signal"
	"syscall"
	"testing"
)

// Test files are not reported.
func TestIgnore(t *testing.T) {
	signal.Ignore(syscall.SIGTERM)
}
