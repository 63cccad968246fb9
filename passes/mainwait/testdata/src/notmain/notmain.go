// Package notmain is a library: its functions' returns do not end the process.
package notmain

import "context"

func worker(ctx context.Context) { // want worker:"waits"
	<-ctx.Done()
}

func Run() error {
	ctx, cancel := context.WithCancel(context.Background())
	go worker(ctx)
	cancel()
	return nil // quiet: not a main package
}
