package main

import (
	"log"
	"net/http"
)

func main() {
	srv := &http.Server{Addr: ":8081"}
	go srv.ListenAndServe()                      // quiet: the program handles no signal, so it never stops cleanly anyway
	log.Fatal(http.ListenAndServe(":8080", nil)) // quiet: no signal handling
}
