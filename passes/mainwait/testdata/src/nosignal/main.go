// Command nosignal handles no termination signal: like promtool's
// "check service-discovery", it gives its goroutines a timeout and prints
// what they found; cutting them when it returns is the design.
package main

import (
	"context"
	"fmt"
	"os"
	"time"
)

const (
	successExitCode = 0
	failureExitCode = 3
)

func discover(ctx context.Context, out chan<- string) { // want discover:"waits"
	select {
	case out <- "target":
	case <-ctx.Done():
	}
}

func checkSD() int { // want checkSD:"waits"
	out := make(chan string)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	go discover(ctx, out)
	select {
	case t := <-out:
		fmt.Println(t)
	case <-ctx.Done():
	}
	return successExitCode // quiet: the program handles no termination signal
}

func main() { // want main:"waits"
	os.Exit(checkSD())
}
