// Package main registers signals it cannot resolve: they may include
// SIGTERM, so nothing is reported.
package main

import (
	"os"
	"os/signal"
)

func listen(sigs ...os.Signal) <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	return c
}

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case <-c:
	case <-listen(os.Interrupt):
	}
}
