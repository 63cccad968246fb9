// Package main registers SIGINT and SIGTERM through golang.org/x/sys/unix:
// unix.SIGTERM is SIGTERM, so nothing is missing.
package main

import (
	"os"
	"os/signal"

	"golang.org/x/sys/unix"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, unix.SIGINT) // quiet: unix.SIGTERM is registered below
	d := make(chan os.Signal, 1)
	signal.Notify(d, unix.SIGTERM)
	select {
	case <-c:
	case <-d:
	}
}
