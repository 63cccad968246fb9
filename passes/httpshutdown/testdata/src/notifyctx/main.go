// Package notifyctx handles termination signals through
// signal.NotifyContext.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	go http.ListenAndServe(":6060", nil) // want `http.ListenAndServe runs a server nothing can shut down in a program that handles termination signals`

	metrics := &http.Server{Addr: ":9090"}
	go metrics.ListenAndServe() // want `metrics is never shut down or closed in a program that handles termination signals`

	api := &http.Server{Addr: ":8080"}
	go func() {
		if err := api.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}() // quiet: api is shut down below
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	api.Shutdown(sctx)
}
