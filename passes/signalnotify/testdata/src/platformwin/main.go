// Package main is analysed for Windows: the Unix file registering SIGTERM
// is not part of the build, so a file built for every system is reported.
package main

import (
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	registerConsole(c)
	registerMore(c)
	registerDesktop(c)
	<-c
}
