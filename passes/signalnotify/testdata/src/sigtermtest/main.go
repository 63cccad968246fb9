// Package main registers SIGTERM only in a test file, which does not count.
package main

import (
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	<-c
}
