package main

import (
	"os"
	"os/signal"
)

// Built only for Windows, where SIGINT is what a console sends: not
// reported.
func registerConsole(c chan os.Signal) { signal.Notify(c, os.Interrupt) }
