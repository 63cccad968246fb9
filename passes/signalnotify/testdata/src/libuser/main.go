// Package main registers only os.Interrupt itself, but imports lib, which
// registers SIGTERM: no missing-sigterm.
package main

import (
	"os"
	"os/signal"

	"lib"
)

func main() {
	ctx := lib.SetupSignalHandler()
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	d := make(chan os.Signal, 1)
	signal.Notify(d, lib.ShutdownSignals...)
	select {
	case <-ctx.Done():
	case <-c:
	case <-d:
	}
}
