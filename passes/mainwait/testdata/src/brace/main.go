// Command brace is the classic shape: main blocks in ListenAndServe while a
// goroutine shuts the server down on SIGTERM, and returns as soon as the
// serve call does.
package main

import (
	"context"
	"errors"
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
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			log.Print(err)
		}
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err) // quiet: the path ends in log.Fatal
	}
} // want `main returns after srv.ListenAndServe returned without waiting for the goroutine started at line 21, which observes ctx`
