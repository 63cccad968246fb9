package withoutstop

import (
	"os"
	"os/signal"
	"testing"
)

// Test files are not reported.
func TestWait(t *testing.T) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case <-c:
	default:
	}
}
