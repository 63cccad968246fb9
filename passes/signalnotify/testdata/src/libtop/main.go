// Package main imports lib only through libmid: still no missing-sigterm.
package main

import (
	"os"
	"os/signal"

	"libmid"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case <-c:
	case <-libmid.Context().Done():
	}
}
