// Package main registers SIGTERM through a package-level variable.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

var termSignal os.Signal = syscall.SIGTERM

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, termSignal) // quiet: termSignal holds SIGTERM
	<-c
}
