// Package notmain is a library: its caller decides how the program stops.
package notmain

import (
	"log"
	"net/http"
	"os"
	"os/signal"
)

func Run() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() { log.Fatal(http.ListenAndServe(":8080", nil)) }() // quiet: not a main package
	srv := &http.Server{}
	go srv.ListenAndServe() // quiet: not a main package
	<-c
}
