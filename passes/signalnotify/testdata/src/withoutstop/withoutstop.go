package withoutstop // want package:`registers signals \{SIGHUP, SIGINT, SIGTERM\}`

import (
	"context"
	"errors"
	"log"
	"os"
	"os/signal"
	"syscall"
)

// Positives.

func waitForSignal() os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM) // want `the function can return without signal.Stop\(c\): SIGINT and SIGTERM then still go to c, which nobody reads`
	return <-c
}

func untilDone(ctx context.Context) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM) // want `the function can return without signal.Stop\(sigs\)`
	for {
		select {
		case <-sigs:
			log.Print("terminating")
		case <-ctx.Done():
			return
		}
	}
}

func onePath(fail bool) error {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `the function can return without signal.Stop\(c\)`
	if fail {
		return errors.New("failed")
	}
	<-c
	signal.Stop(c)
	return nil
}

func inLoop(n int) {
	for i := 0; i < n; i++ {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt) // want `the function can return without signal.Stop\(c\)`
		<-c
	}
}

// Two registrations of one channel (miniflux internal/cli/daemon.go): one
// finding, at the first, naming both signals; one signal.Stop fixes both.
func twoRegistrations() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt) // want `the function can return without signal.Stop\(stop\): SIGINT and SIGTERM then still go to stop`
	signal.Notify(stop, syscall.SIGTERM)
	<-stop
}

type server struct{}

func (server) Shutdown() {}

// The callers that go on after the functions above return: a second
// Ctrl+C cannot interrupt what they do.

func serve(srv server) {
	waitForSignal()
	srv.Shutdown()
}

func serveContext(ctx context.Context, srv server) {
	defer srv.Shutdown()
	untilDone(ctx)
}

func serveOnce(srv server) error {
	err := onePath(true)
	srv.Shutdown()
	return err
}

func serveTwice(srv server) {
	twoRegistrations()
	srv.Shutdown()
}

func serveLoop(srv server) {
	for {
		inLoop(3)
		srv.Shutdown()
	}
}

// Negatives.

// subcommand is a callback: its callers are unknown, and a subcommand's
// return usually ends the program.
var commands = map[string]func() error{
	"wait": func() error { return subcommand() },
}

func subcommand() error {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
	return nil
}

// WaitForSignal is exported and nothing here calls it.
func WaitForSignal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
}

// quietCaller only logs after the call.
func quietCaller() {
	waitQuietly()
	log.Print("bye")
}

func waitQuietly() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
}

func deferred() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
}

func stoppedAfter() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	signal.Stop(c)
}

func reload() {}

// forever never returns: nothing closes c, so range c never ends.
func forever() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	for range c {
		reload()
	}
}

func foreverSelect(work chan int) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	for {
		select {
		case <-c:
			reload()
		case <-work:
		}
	}
}

func exits() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	os.Exit(1)
}

func fatal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	log.Fatal("terminated")
}

func die() {
	log.Print("bye")
	os.Exit(2)
}

// localExit ends in a function of the package that never returns.
func localExit() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	die()
}

func deferredClosure() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer func() { signal.Stop(c) }()
	<-c
}

func stopIt(c chan os.Signal) { signal.Stop(c) }

func viaHelper() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer stopIt(c)
	<-c
}

func reset() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	signal.Reset()
}

// hupOnly: SIGHUP is not a termination signal.
func hupOnly() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	<-c
}

// escapes: the caller owns the channel.
func escapes() <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	return c
}

// background: a goroutine keeps receiving after the function returns.
func background(cancel func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		for range c {
			cancel()
		}
	}()
}

// notMadeHere: the channel is the caller's.
func notMadeHere(c chan os.Signal) {
	signal.Notify(c, syscall.SIGTERM)
	<-c
}
