package main

import (
	"encoding/json"
	"log"
	"net/http"
)

func newAPI(orders chan<- order) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /orders", func(w http.ResponseWriter, r *http.Request) {
		var o order
		if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		select {
		case orders <- o:
			w.WriteHeader(http.StatusAccepted)
		case <-r.Context().Done():
		}
	})
	return mux
}

// recoverMiddleware turns a panicking handler into a 500.
func recoverMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// BUG (recover-not-in-defer): logPanic is called by the deferred
		// function instead of being deferred itself: its recover returns
		// nil and the panic goes on.
		defer func() { logPanic(w) }()
		next.ServeHTTP(w, r)
	})
}

func logPanic(w http.ResponseWriter) {
	if v := recover(); v != nil {
		log.Printf("handler panicked: %v", v)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}
