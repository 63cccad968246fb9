// Package main registers SIGTERM through local variables and a range.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	term := syscall.Signal(0xf)
	d := make(chan os.Signal, 1)
	for _, s := range []os.Signal{term} {
		signal.Notify(d, s)
	}
	select {
	case <-c:
	case <-d:
	}
}
