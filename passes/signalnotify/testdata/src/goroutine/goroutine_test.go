package goroutine

import (
	"os"
	"os/signal"
	"syscall"
	"testing"
)

// Test files are not reported.
func TestGoroutine(t *testing.T) {
	done := make(chan bool)
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		signal.Stop(c)
		done <- true
	}()
	<-done
}
