// Command method delegates to a method of a command type, as influxd does
// (`m := NewMain(); if err := m.Run(os.Args[1:]...); err != nil {...}`):
// Run's return ends the process.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

type Main struct{ wg sync.WaitGroup }

func (m *Main) worker(ctx context.Context) { // want worker:"waits"
	defer m.wg.Done()
	<-ctx.Done()
}

func (m *Main) Run(args ...string) error { // want Run:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	m.wg.Add(1)
	go m.worker(ctx)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	<-sigs
	cancel()
	if len(args) > 0 {
		m.wg.Wait()
		return nil // quiet: waited
	}
	return nil // want `\(\*Main\).Run \(whose return ends the process\) returns after cancel\(\) without waiting for the goroutine started at line 26, which observes ctx`
}

// Bounded waits for its goroutine with a timeout, like influxd's
// "Waiting for clean shutdown..." select.
func (m *Main) Bounded() error { // want Bounded:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		<-ctx.Done()
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	<-sigs
	cancel()
	select {
	case <-sigs:
	case <-time.After(30 * time.Second):
	case <-closed:
	}
	return nil // quiet: a wait bounded by a timeout
}

// Helper is called by main, but main goes on after it.
func (m *Main) Helper() error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	cancel()
	return nil // quiet: not the outcome of main
}

func main() { // want main:"waits"
	m := &Main{}
	if err := m.Helper(); err != nil {
		os.Exit(1)
	}
	go func() {}()
	if len(os.Args) == 1 {
		if err := m.Bounded(); err != nil {
			os.Exit(1)
		}
	} else if err := m.Run(os.Args[1:]...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
