// Package main registers SIGTERM through a slice literal spread into
// Notify.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // quiet: SIGTERM is registered below
	d := make(chan os.Signal, 1)
	signal.Notify(d, []os.Signal{syscall.SIGHUP, syscall.SIGTERM}...)
	select {
	case <-c:
	case <-d:
	}
}
