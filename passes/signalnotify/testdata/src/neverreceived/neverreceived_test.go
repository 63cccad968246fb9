package neverreceived

import (
	"os"
	"os/signal"
	"syscall"
	"testing"
)

// Test files are not reported: a test may catch SIGTERM to survive it.
func TestCatch(t *testing.T) {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
}
