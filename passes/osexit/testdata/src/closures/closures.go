// Package closures holds exits in closures and goroutines that skip the
// deferred calls of the function that runs or starts them.
package closures

import (
	"bufio"
	"context"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"golang.org/x/sync/errgroup"
)

func serve(ctx context.Context) error { return nil }

// Positives.

// The classic: a signal handler goroutine exits while main's defers wait.
func signalHandler(w *bufio.Writer) {
	defer w.Flush()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		os.Exit(1) // want `^os\.Exit in a goroutine skips deferred call w\.Flush \(line 23 in signalHandler\)$`
	}()
	_ = serve(context.Background())
}

// The goroutine starts before the defer is registered: still pending
// when the goroutine exits.
func deferAfterGo(w *bufio.Writer, c chan os.Signal) {
	go func() {
		<-c
		log.Fatal("signal") // want `log\.Fatal in a goroutine skips deferred call w\.Flush \(line 40 in deferAfterGo\)`
	}()
	defer w.Flush()
	_ = serve(context.Background())
}

// Defers of the goroutine and of the function that starts it.
func bothFrames(w, v *bufio.Writer) {
	defer w.Flush()
	go func() {
		defer v.Flush()
		os.Exit(1) // want `os\.Exit in a goroutine skips 2 deferred calls: w\.Flush \(line 46 in bothFrames\), v\.Flush \(line 48\)`
	}()
}

// A closure called in place.
func calledInPlace(w *bufio.Writer) {
	defer w.Flush()
	func() {
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush \(line 55 in calledInPlace\)$`
	}()
}

// A nested goroutine inside a closure called in place.
func nested(w *bufio.Writer, c chan struct{}) {
	defer w.Flush()
	func() {
		go func() {
			<-c
			os.Exit(1) // want `os\.Exit in a goroutine skips deferred call w\.Flush \(line 63 in nested\)`
		}()
	}()
}

// Goroutine launchers count as goroutines.
func launchers(w *bufio.Writer) {
	defer w.Flush()
	var g errgroup.Group
	g.Go(func() error {
		log.Fatal("x") // want `log\.Fatal in a goroutine skips deferred call w\.Flush`
		return nil
	})
	var wg sync.WaitGroup
	wg.Go(func() {
		os.Exit(2) // want `os\.Exit in a goroutine skips deferred call w\.Flush`
	})
	wg.Wait()
	_ = g.Wait()
}

// A local function variable bound to a literal is a helper.
func localHelper(w *bufio.Writer) { // want localHelper:"exits"
	check := func(err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	fatal := func(msg string) {
		log.Print(msg)
		os.Exit(1)
	}
	defer w.Flush()
	check(serve(context.Background())) // want `^check may exit the process and skip deferred call w\.Flush \(line 99\)$`
	fatal("bye")                       // want `^fatal exits the process and skips deferred call w\.Flush \(line 99\)$`
}

// A named function started as a goroutine.
func watch(c chan os.Signal) { // want watch:"exits"
	<-c
	os.Exit(1)
}

func namedGoroutine(w *bufio.Writer, c chan os.Signal) {
	defer w.Flush()
	go watch(c) // want `^watch in a goroutine exits the process and skips deferred call w\.Flush \(line 111\)$`
}

// Negatives.

// The goroutine's function has no pending defers and the starter has
// only a cancel.
func onlyCancel(ctx context.Context, c chan os.Signal) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		<-c
		os.Exit(1) // quiet: cancel dies with the process
	}()
	_ = serve(ctx)
}

// The goroutine is started on a path that never registers the defer.
func otherPath(cond bool, w *bufio.Writer, c chan struct{}) {
	if cond {
		go func() {
			<-c
			os.Exit(1) // quiet: the defer is only on the other path
		}()
		return
	}
	defer w.Flush()
}

// A literal passed to an unknown function: when it runs is unknown.
func register(f func()) {}

func escapes(w *bufio.Writer) {
	defer w.Flush()
	register(func() {
		os.Exit(1) // quiet: runs who knows when
	})
}

// A literal stored in a variable reassigned later is not a helper.
func reassigned(w *bufio.Writer, err error) {
	check := func(err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	check = func(error) {}
	defer w.Flush()
	check(err) // quiet: check may be either literal
}

// A deferred closure registered first exits after all other defers ran.
func deferredExitClosureFirst(w *bufio.Writer) {
	code := 0
	defer func() {
		if code != 0 {
			os.Exit(code) // quiet: deferred first, runs last
		}
	}()
	defer w.Flush()
	code = 1
}

// A goroutine that exits from a function without defers.
func noDefers(c chan struct{}) {
	go func() {
		<-c
		os.Exit(1) // quiet: nothing deferred anywhere
	}()
}

// A helper that returns normally, then panics on error: no exit.
func mustPanic(err error) {
	if err != nil {
		panic(err)
	}
}

func panicHelper(w *bufio.Writer, err error) {
	defer w.Flush()
	mustPanic(err) // quiet: a panic runs the deferred calls
}

// A goroutine's panic handler that exits: without it the panic would
// crash the process and skip the starter's defers just the same.
func recoverHandler(w *bufio.Writer) {
	defer w.Flush()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Fatalf("panic: %v", r) // quiet: a crash would skip w.Flush too
			}
		}()
		_ = serve(context.Background())
	}()
	_ = serve(context.Background())
}

// In the goroutine's own frames the handler does skip work: an
// unrecovered panic would have run v.Flush.
func recoverHandlerOwnDefers(v *bufio.Writer) {
	go func() {
		defer v.Flush()
		defer func() {
			if r := recover(); r != nil {
				log.Fatalf("panic: %v", r) // want `^log\.Fatalf skips deferred call v\.Flush \(line 214 in the func literal at line 213\)$`
			}
		}()
		_ = serve(context.Background())
	}()
}
