package main

import (
	"os"
	"os/signal"
	"testing"
)

// Registrations in _test.go files are not reported, and do not count.
func TestInterrupt(t *testing.T) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	signal.Stop(c)
}
