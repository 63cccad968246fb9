// Package main registers SIGTERM through a constant appended by init.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

const term = syscall.SIGTERM

var stopSignals = []os.Signal{os.Interrupt}

func init() {
	stopSignals = append(stopSignals, term)
}

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, stopSignals...)
	<-c
}
