package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // want `signal.NotifyContext handles SIGINT but not SIGTERM`
	defer stop()
	<-ctx.Done()
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, os.Kill) // want `handles SIGINT` `os.Kill \(SIGKILL\) cannot be caught` `nothing receives from c`
	signal.Ignore(os.Interrupt)             // want `signal.Ignore ignores SIGINT`
	go func() {
		signal.Notify(make(chan os.Signal, 1), os.Interrupt) // want `handles SIGINT` `is called in a goroutine started at line 16` `nothing receives`
	}()
	ctx2, _ := signal.NotifyContext(context.Background(), os.Interrupt) // want `handles SIGINT` `discarded`
	_ = ctx2
	wait()
}

func wait() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `handles SIGINT` `can return without signal.Stop\(c\)`
	<-c
	close(c) // want `close\(c\) closes a channel registered`
}
