//go:build windows || darwin

package main

import (
	"os"
	"os/signal"
)

// Also built for macOS: reported.
func registerDesktop(c chan os.Signal) {
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
}
