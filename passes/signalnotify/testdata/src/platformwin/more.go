//go:build windows || plan9

package main

import (
	"os"
	"os/signal"
)

// Built for no Unix system: not reported.
func registerMore(c chan os.Signal) { signal.Notify(c, os.Interrupt) }
