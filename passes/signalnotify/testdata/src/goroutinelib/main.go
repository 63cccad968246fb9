// Package main: in package main even exported functions can only be
// called from the package.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func Handle(done chan struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM) // want `signal.Notify is called in Handle, which only ever runs in goroutines`
	<-c
	close(done)
	select {}
}

func main() {
	done := make(chan struct{})
	go Handle(done)
	<-done
}
