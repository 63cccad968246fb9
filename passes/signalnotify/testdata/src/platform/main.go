// Package main registers os.Interrupt in a file for every system; the Unix
// build registers SIGTERM too, the Windows file is not part of it.
package main

import (
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	registerTerm(c)
	<-c
}
