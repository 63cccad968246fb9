// Package main: main and the function it delegates to end the process
// when they return, so they need no signal.Stop; a function main calls
// before its shutdown does.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func run() error {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
	shutdown()
	return nil
}

func shutdown() {}

func waitForSignal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM) // want `the function can return without signal.Stop\(c\)`
	<-c
}

// waitDeep is reached through two callers; the second goes on.
func waitDeep() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM) // want `the function can return without signal.Stop\(c\)`
	<-c
}

func middle() { waitDeep() }

func top() {
	middle()
	shutdown()
}

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() { <-c }()
	waitForSignal()
	shutdown()
	top()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
