package withoutstopescape // want package:`registers signals \{SIGTERM\}`

// Package withoutstopescape: a channel that escapes where a receive could
// happen is its receiver's business, so notify-without-stop is quiet, as
// signal-never-received is.

import (
	"os"
	"os/signal"
	"syscall"
)

type server struct{ sigs chan os.Signal }

func (*server) Shutdown() {}

var handler func(chan os.Signal)

var onSignal func()

// Positive, for comparison: nothing lets c out.
func plain() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `the function can return without signal.Stop\(c\)`
	<-c
}

// Negatives.

func (s *server) stored() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // quiet: c escapes into a field
	s.sigs = c
	<-c
}

func passed() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // quiet: c is passed to a function that cannot be seen
	handler(c)
	<-c
}

func sent(out chan chan os.Signal) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // quiet: c is sent to another goroutine
	out <- c
	<-c
}

func capturedByReceiver() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // quiet: a stored closure keeps receiving from c
	<-c
	onSignal = func() { <-c }
}

func serve(s *server, out chan chan os.Signal) {
	plain()
	s.stored()
	passed()
	sent(out)
	capturedByReceiver()
	s.Shutdown()
}
