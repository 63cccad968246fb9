// Package main registers every signal somewhere, SIGTERM included.
package main

import (
	"os"
	"os/signal"
)

func main() {
	all := make(chan os.Signal, 1)
	signal.Notify(all)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case <-all:
	case <-c:
	}
}
