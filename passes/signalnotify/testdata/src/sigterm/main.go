package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"golang.org/x/sys/unix"
)

var interruptOnly = []os.Signal{os.Interrupt}

func main() {
	// The most common form of the bug: main, NotifyContext and defer stop.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // want `signal.NotifyContext handles SIGINT but not SIGTERM, which Kubernetes, Docker and systemd send`
	defer stop()

	c := make(chan os.Signal, 1)
	signal.Notify(c, unix.SIGINT) // want `signal.Notify handles SIGINT but not SIGTERM`

	d := make(chan os.Signal, 1)
	signal.Notify(d, []os.Signal{os.Interrupt}...) // want `signal.Notify handles SIGINT but not SIGTERM`

	e := make(chan os.Signal, 1)
	signal.Notify(e, interruptOnly...) // want `signal.Notify handles SIGINT but not SIGTERM`

	f := make(chan os.Signal, 1)
	signal.Notify(f, // want `signal.Notify handles SIGINT but not SIGTERM`
		os.Interrupt,
	)

	// Ignoring Ctrl+C (s2c's idiom) handles nothing: no SIGTERM needed.
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)

	// SIGHUP only: no SIGINT, nothing to report.
	h := make(chan os.Signal, 1)
	signal.Notify(h, unix.SIGHUP)

	select {
	case <-ctx.Done():
	case <-c:
	case <-d:
	case <-e:
	case <-f:
	case <-h:
	}
	fmt.Println(confirm(), waitHere())
}

// confirm is a scoped registration: Ctrl+C cancels this one prompt, and
// the function unregisters before it returns. Not reported.
func confirm() bool {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	defer signal.Stop(c)
	select {
	case <-c:
		return false
	default:
		return true
	}
}

// waitHere registers without unregistering: it is the program's handler.
func waitHere() os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	return <-c
}
