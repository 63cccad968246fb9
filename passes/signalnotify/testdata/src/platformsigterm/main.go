// Package main registers SIGTERM only in a Windows file: it does not
// count for the Unix build.
package main

import (
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	registerTerm(c)
	<-c
}
