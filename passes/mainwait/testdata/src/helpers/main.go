// Command helpers waits through helpers of another package, known by fact.
package main

import (
	"context"
	"lib"
	"os"
	"os/signal"
	"sync"
	"time"
)

func main() { // want main:"waits"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ctx.Done()
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
	}()
	pool := &lib.Pool{}
	pool.Start(ctx)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	<-sig
	cancel()
	switch len(os.Args) {
	case 1:
		lib.StopAll(&wg)
		return // quiet: StopAll waits
	case 2:
		lib.Drain(done)
		return // quiet: Drain waits
	case 3:
		lib.Grace(time.Second)
		return // quiet: Grace waits through a helper of its own package
	case 4:
		pool.Close()
		return // quiet: Close waits
	case 5:
		lib.NoWait()
		return // want `main returns after cancel\(\) without waiting`
	}
	lib.Spawn(func() {})
	lib.NonBlocking(nil)
} // want `main returns after cancel\(\) without waiting for the goroutine started at line 17, which observes ctx`
