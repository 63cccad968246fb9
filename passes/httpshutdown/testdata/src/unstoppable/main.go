package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/webtk"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)

	go func() {
		log.Fatal(http.ListenAndServe(":8080", nil)) // want `http.ListenAndServe runs a server nothing can shut down in a program that handles termination signals: in-flight requests are cut when it exits; use an \*http.Server and call its Shutdown`
	}()
	go serveMetrics()
	go serveTLS()

	admin := &http.Server{Addr: ":8081"}
	go admin.ListenAndServe() // want `admin is never shut down or closed in a program that handles termination signals`

	api := &http.Server{Addr: ":8082"}
	go api.ListenAndServe() // quiet: api is shut down below

	debug := &http.Server{Addr: ":8083"}
	go webtk.ListenAndServe(debug) // quiet: handed to another package, which may shut it down

	grpcGateway := &http.Server{Addr: ":8084"}
	cleanups := []func() error{grpcGateway.Close}
	go grpcGateway.ListenAndServe() // quiet: its Close is registered as a cleanup

	<-sigs
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	api.Shutdown(ctx)
	for _, c := range cleanups {
		c()
	}
}

func serveMetrics() {
	l, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	http.Serve(l, nil) // want `http.Serve runs a server nothing can shut down`
}

func serveTLS() {
	_ = http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", nil) // want `http.ListenAndServeTLS runs a server nothing can shut down`
}

type app struct{ srv *http.Server }

func (a *app) start() {
	go a.srv.ListenAndServe() // quiet: stop shuts a.srv down
}

func (a *app) stop() { a.srv.Close() }
