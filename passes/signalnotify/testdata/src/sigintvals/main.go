// Package main registers SIGINT through constants and variables, and
// SIGTERM nowhere.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/unix"
)

const interrupt = syscall.SIGINT

var stopSignal os.Signal = os.Interrupt

var unixInterrupt = unix.SIGINT

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT) // want `signal.Notify handles SIGINT but not SIGTERM`
	d := make(chan os.Signal, 1)
	signal.Notify(d, interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	e := make(chan os.Signal, 1)
	signal.Notify(e, stopSignal) // want `signal.Notify handles SIGINT but not SIGTERM`
	f := make(chan os.Signal, 1)
	signal.Notify(f, unixInterrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	s := os.Interrupt
	g := make(chan os.Signal, 1)
	signal.Notify(g, s) // want `signal.Notify handles SIGINT but not SIGTERM`
	select {
	case <-c:
	case <-d:
	case <-e:
	case <-f:
	case <-g:
	}
}
