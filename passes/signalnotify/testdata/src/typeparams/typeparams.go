package typeparams // want package:`registers signals \{SIGINT, SIGTERM, unknown\}`

import (
	"os"
	"os/signal"
	"syscall"
)

func Wait[T any](v T) T {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM) // want `the function can return without signal.Stop\(c\)`
	<-c
	return v
}

func shutdown() {}

func use() {
	Wait(1)
	shutdown()
}

type Server[T any] struct {
	value T
	done  chan T
}

func (s *Server[T]) run() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
}

func (s *Server[T]) loop(sigs chan os.Signal) {
	for range sigs {
		close(s.done) // want `close\(s.done\) runs on every signal`
	}
}

func Handle[S ~[]os.Signal](sigs S) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	defer signal.Stop(c)
	<-c
}

func watch[T any](v T) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `signal.Notify is called in watch, which only ever runs in goroutines`
	defer signal.Stop(c)
	<-c
}

func start() {
	go watch[int](1)
	go watch("x")
}

func never[T chan os.Signal](c T) {
	signal.Notify(c, syscall.SIGTERM)
}

func neverLocal[T any]() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `nothing receives from c`
}
