// Command nosig starts goroutines that observe nothing main owns.
package main

import (
	"context"
	"net/http"
	"time"
)

func tick(ctx context.Context) {}

func main() { // want main:"waits"
	go http.ListenAndServe(":6060", nil) // fire and forget
	go func() {
		for range time.Tick(time.Second) {
		}
	}()
	ctx := context.Background()
	go tick(ctx) // ctx is not a cancellation main owns
	time.Sleep(time.Second)
} // quiet: nothing main owns is observed or triggered
