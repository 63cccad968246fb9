package intlib // want package:`registers signals \{SIGINT\}`

// Package intlib registers only SIGINT: it does not satisfy its importers.

import (
	"os"
	"os/signal"
)

// Interrupted is closed on Ctrl+C.
func Interrupted() <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	return c
}
