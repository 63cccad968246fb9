package main

import (
	"os"
	"os/signal"

	"intlib"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	select {
	case <-c:
	case <-intlib.Interrupted():
	}
}
