package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // reload, not termination
	go func() {
		for range hup {
			log.Print("reloading")
		}
	}()
	log.Fatal(http.ListenAndServe(":8080", nil)) // quiet: SIGHUP is not a termination signal
}
