// Package main resolves signals through sigvals' facts.
package main

import (
	"os"
	"os/signal"

	"sigvals"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	d := make(chan os.Signal, 1)
	signal.Notify(d, sigvals.Shutdown...)
	e := make(chan os.Signal, 1)
	signal.Notify(e, os.Interrupt, sigvals.Kill) // want `sigvals.Kill \(SIGKILL\) cannot be caught`
	select {
	case <-c:
	case <-d:
	case <-e:
	}
}
