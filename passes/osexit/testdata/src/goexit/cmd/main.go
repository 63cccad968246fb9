// Command cmd calls runtime.Goexit on the main goroutine.
package main

import (
	"lib"
	"os"
	"runtime"
	"sync"
	"testing"
)

func cleanup() {}

// stop always calls Goexit.
func stop() {
	runtime.Goexit()
}

// maybeStop calls Goexit on some paths.
func maybeStop(b bool) {
	if b {
		runtime.Goexit()
	}
}

func main() {
	defer cleanup()
	args := os.Args
	if len(args) > 5 {
		runtime.Goexit() // want `^runtime\.Goexit on the main goroutine: main never returns and the program crashes with "no goroutines \(main called runtime\.Goexit\) - deadlock!" once the other goroutines finish$`
	}
	if len(args) > 4 {
		stop() // want `^stop calls runtime\.Goexit on the main goroutine`
	}
	if len(args) > 3 {
		maybeStop(true) // want `^maybeStop may call runtime\.Goexit on the main goroutine`
	}
	if len(args) > 2 {
		lib.Stop() // want `^lib\.Stop calls runtime\.Goexit on the main goroutine`
	}
	if len(args) > 1 {
		func() {
			runtime.Goexit() // want `^runtime\.Goexit on the main goroutine`
		}()
	}
	var t *testing.T
	if len(args) > 7 {
		t.FailNow() // want `^t\.FailNow calls runtime\.Goexit on the main goroutine`
	}
	defer func() {
		if len(args) > 6 {
			runtime.Goexit() // want `^runtime\.Goexit on the main goroutine`
		}
	}()

	// Negatives.
	go func() {
		runtime.Goexit() // quiet: ends its own goroutine, as documented
	}()
	go stop() // quiet: another goroutine
	var wg sync.WaitGroup
	wg.Go(stop) // quiet: another goroutine
	wg.Go(func() {
		runtime.Goexit() // quiet: another goroutine
	})
	runtime.Gosched() // quiet: yields, does not end the goroutine
	later := func() {
		runtime.Goexit() // quiet: stored, main does not call it here
	}
	_ = later
	register(func() { // quiet: runs who knows where
		runtime.Goexit()
	})
	return
	runtime.Goexit() // quiet: unreachable
}

func register(f func()) {}

// Not main: Goexit in another function is not on the main goroutine as such.
func helper() {
	runtime.Goexit() // quiet: not main
}
