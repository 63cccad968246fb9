package closeloop

import (
	"os"
	"sync"
	"sync/atomic"
	"syscall"
)

// Positives.

func rangeLoop(sigs chan os.Signal, done chan struct{}) {
	for range sigs {
		close(done) // want `close\(done\) runs on every signal this loop receives: the second signal panics with "close of closed channel"`
	}
}

func selectLoop(sigs <-chan os.Signal, done chan struct{}, work <-chan int) {
	for {
		select {
		case <-sigs:
			close(done) // want `close\(done\) runs on every signal`
		case <-work:
		}
	}
}

func statementLoop(sigs chan os.Signal, done chan struct{}) {
	for {
		<-sigs
		close(done) // want `close\(done\) runs on every signal`
	}
}

func reload() {}

func switchOnSignal(sigs chan os.Signal, done chan struct{}) {
	for sig := range sigs {
		switch sig {
		case syscall.SIGHUP:
			reload()
		default:
			close(done) // want `close\(done\) runs on every signal`
		}
	}
}

// breakLeavesSelect: break leaves the select, not the loop.
func breakLeavesSelect(sigs chan os.Signal, done chan struct{}) {
	for {
		select {
		case <-sigs:
			close(done) // want `close\(done\) runs on every signal`
			break
		}
	}
}

func continueAfter(sigs chan os.Signal, done chan struct{}) {
	for {
		s := <-sigs
		if s == syscall.SIGTERM {
			close(done) // want `close\(done\) runs on every signal`
			continue
		}
		return
	}
}

type server struct {
	sigs    chan os.Signal
	done    chan struct{}
	once    sync.Once
	closing bool
	running bool
}

func (s *server) stop() { close(s.done) }

func (s *server) viaMethod() {
	for range s.sigs {
		s.stop() // want `s.stop closes s.done on every signal`
	}
}

func (s *server) shutdown() {
	reload()
	s.stop()
}

func (s *server) viaTwoCalls() {
	for range s.sigs {
		s.shutdown() // want `s.shutdown closes s.done on every signal`
	}
}

func shut(ch chan struct{}) { close(ch) }

func viaParam(sigs chan os.Signal, done chan struct{}) {
	for range sigs {
		shut(done) // want `shut closes done on every signal`
	}
}

// Negatives.

func once(sigs chan os.Signal, done chan struct{}) {
	var once sync.Once
	for range sigs {
		once.Do(func() { close(done) })
	}
}

func flag(sigs chan os.Signal, done chan struct{}) {
	closed := false
	for range sigs {
		if !closed {
			closed = true
			close(done)
		}
	}
}

func atomicFlag(sigs chan os.Signal, done chan struct{}) {
	var stopping atomic.Bool
	for range sigs {
		if stopping.CompareAndSwap(false, true) {
			close(done)
		}
	}
}

func (s *server) fieldGuard() {
	for range s.sigs {
		if !s.closing {
			s.closing = true
			close(s.done)
		}
	}
}

func returnAfter(sigs chan os.Signal, done chan struct{}, work chan int) {
	for {
		select {
		case <-sigs:
			close(done)
			return
		case <-work:
		}
	}
}

func breakOut(sigs chan os.Signal, done chan struct{}) {
	for range sigs {
		close(done)
		break
	}
}

func labeledBreak(sigs chan os.Signal, done chan struct{}) {
loop:
	for {
		select {
		case <-sigs:
			close(done)
			break loop
		}
	}
}

func exitAfter(sigs chan os.Signal, done chan struct{}) {
	for range sigs {
		close(done)
		os.Exit(1)
	}
}

func watchesDone(sigs chan os.Signal, done chan struct{}) {
	for {
		select {
		case <-sigs:
			close(done)
		case <-done:
			return
		}
	}
}

func fresh(sigs chan os.Signal) {
	for range sigs {
		done := make(chan struct{})
		close(done)
	}
}

func remade(sigs chan os.Signal, done chan struct{}) {
	for range sigs {
		close(done)
		done = make(chan struct{})
	}
}

func notALoop(sigs chan os.Signal, done chan struct{}) {
	<-sigs
	close(done)
}

func notSignals(ints chan int, done chan struct{}) {
	for range ints {
		close(done)
	}
}

func (s *server) stopOnce() { s.once.Do(func() { close(s.done) }) }

func (s *server) stopIfRunning() {
	if s.running {
		s.running = false
		close(s.done)
	}
}

func (s *server) guardedClosers() {
	for range s.sigs {
		s.stopOnce()
		s.stopIfRunning()
	}
}

func closeLocal() {
	ch := make(chan struct{})
	close(ch)
}

func (s *server) localCloser() {
	for range s.sigs {
		closeLocal()
	}
}

// inGoroutine: the goroutine closes; this check does not follow it.
func inGoroutine(sigs chan os.Signal, done chan struct{}) {
	for range sigs {
		go func() { close(done) }()
	}
}

func secondSignalExits(sigs chan os.Signal, done chan struct{}) {
	<-sigs
	close(done)
	<-sigs
	os.Exit(1)
}
