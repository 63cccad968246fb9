package main

import (
	"os"
	"os/signal"
	"syscall"
	"testing"
)

func TestTerm(t *testing.T) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	signal.Stop(c)
}
