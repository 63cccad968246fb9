package neverreceived // want package:`registers signals \{SIGHUP, SIGINT, SIGTERM, all, unknown\}`

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// Positives.

func serve() error {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM) // want `nothing receives from c, the channel given to signal.Notify: SIGINT and SIGTERM are caught and dropped and no longer stop the process`
	return nil
}

func unused() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT) // want `nothing receives from c, the channel given to signal.Notify: SIGINT is caught and dropped and no longer stops the process`
}

// Two registrations of one channel: one finding, at the first, naming the
// signals of both.
func twice() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `nothing receives from c, the channel given to signal.Notify: SIGINT and SIGTERM are caught and dropped`
	signal.Notify(c, syscall.SIGTERM)
}

func every() {
	c := make(chan os.Signal, 1)
	signal.Notify(c) // want `nothing receives from c, the channel given to signal.Notify: every signal is caught`
}

func copied() {
	c := make(chan os.Signal, 1)
	d := c
	signal.Notify(d, syscall.SIGTERM) // want `nothing receives from d`
	fmt.Println(len(c), cap(d))
}

func stoppedOnly() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `nothing receives from c`
	defer signal.Stop(c)
	select {}
}

// Negatives.

// ignoreInterrupt is the idiom of klauspost/compress s2c and minio/minlz
// mz: a channel made in the call can never be read, so the code means to
// ignore Ctrl+C (and let a pipeline's input end) without signal.Ignore,
// which the processes it starts would inherit.
func ignoreInterrupt() {
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
}

// ignoreHUP catches SIGHUP on purpose, to survive a closed terminal.
func ignoreHUP() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGHUP)
}

func rangeLoop() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	for s := range c {
		fmt.Println(s)
	}
}

func selectCase(done chan struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	select {
	case <-c:
	case <-done:
	}
}

func goroutineReceives(cancel func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		cancel()
	}()
}

func closureReceives() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	wait := func() { <-c }
	wait()
}

type server struct{ sigs chan os.Signal }

// field: the channel is a field, received anywhere: unknown.
func (s *server) field() {
	s.sigs = make(chan os.Signal, 1)
	signal.Notify(s.sigs, syscall.SIGTERM)
}

// stored: the channel escapes into a field.
func (s *server) stored() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	s.sigs = c
}

var handler func(chan os.Signal)

// passed: the channel is passed to a function that cannot be seen.
func passed() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	handler(c)
}

func waitOn(c chan os.Signal) { <-c }

// passedLocal: the function of the package it is passed to receives.
func passedLocal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	waitOn(c)
}

func returned() chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	return c
}

func sent(out chan chan os.Signal) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	out <- c
}

func printed() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	fmt.Println(c)
}

func param(c chan os.Signal) {
	signal.Notify(c, syscall.SIGTERM)
}

var global = make(chan os.Signal, 1)

func viaGlobal() {
	signal.Notify(global, syscall.SIGTERM)
}

func phi(b bool) {
	var c chan os.Signal
	if b {
		c = make(chan os.Signal, 1)
	} else {
		c = make(chan os.Signal, 2)
	}
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
}

// unknownSignals may not include a termination signal.
func unknownSignals(sigs []os.Signal) {
	signal.Notify(make(chan os.Signal, 1), sigs...)
}

// capturedNotReceived: the closures capture c, but only to unregister it
// and to print its length: nothing receives.
func capturedNotReceived() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `nothing receives from c`
	go func() { signal.Stop(c) }()
	defer func() { fmt.Println(len(c)) }()
}

// capturedStored: a stored closure receives from c later.
func capturedStored(set func(func())) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // quiet: the closure given to set receives
	set(func() { <-c })
}
