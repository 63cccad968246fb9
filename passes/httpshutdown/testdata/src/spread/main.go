package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

var stopSignals = []os.Signal{syscall.SIGTERM, syscall.SIGINT}

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, stopSignals...)
	go http.ListenAndServe(":8080", nil) // want `http.ListenAndServe runs a server nothing can shut down`
	<-c
}
