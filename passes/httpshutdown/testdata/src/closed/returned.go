package closed

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"time"
)

// The shape of centrifugo's internal/app/mux.go and run.go: the servers
// are appended to a slice the helper returns, and its one caller shuts
// them down through that slice.
func runServers(ln net.Listener) ([]*http.Server, error) {
	var servers []*http.Server
	for range 2 {
		server := &http.Server{ReadTimeout: time.Second}
		servers = append(servers, server)
		go func() {
			if err := server.Serve(ln); err != nil { // want `server.Serve returns http.ErrServerClosed once srv.Shutdown is called, and log.Fatal at line \d+ treats it as a failure`
				log.Fatal(err)
			}
		}()
	}
	return servers, nil
}

func shutdownServers(httpServers []*http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	for _, srv := range httpServers {
		_ = srv.Shutdown(ctx)
	}
}

func runAndShutdown(ln net.Listener) {
	httpServers, err := runServers(ln)
	if err != nil {
		return
	}
	<-stop
	shutdownServers(httpServers)
}

// A single server returned by a helper called once.
func startServer(ln net.Listener) *http.Server {
	srv := &http.Server{}
	go func() {
		if err := srv.Serve(ln); err != nil { // want `srv.Serve returns http.ErrServerClosed once s.Shutdown is called, and log.Fatal at line \d+ treats it as a failure`
			log.Fatal(err)
		}
	}()
	return srv
}

func startAndStop(ln net.Listener) {
	s := startServer(ln)
	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s.Shutdown(ctx)
}

// centrifugo's own code: the comparison makes it quiet.
func runServersCompared(ln net.Listener) []*http.Server {
	var servers []*http.Server
	server := &http.Server{ReadTimeout: time.Second}
	servers = append(servers, server)
	go func() {
		if err := server.Serve(ln); err != nil {
			if !errors.Is(err, http.ErrServerClosed) { // quiet: compared with http.ErrServerClosed
				log.Fatal(err)
			}
		}
	}()
	return servers
}

func runAndShutdownCompared(ln net.Listener) {
	servers := runServersCompared(ln)
	<-stop
	shutdownServers(servers)
}

// A constructor called for two servers: only one is shut down, and the
// other's serve error cannot be http.ErrServerClosed.
func newPlainServer() *http.Server {
	return &http.Server{ReadTimeout: time.Second}
}

func twoFromOneConstructor(ln, ln2 net.Listener) {
	metrics := newPlainServer()
	go func() {
		log.Fatal(metrics.Serve(ln)) // quiet: metrics is never shut down
	}()
	api := newPlainServer()
	go api.Serve(ln2)
	<-stop
	api.Close()
}

// A helper called twice returns a slice: the two slices are not merged.
func collect(srv *http.Server) []*http.Server {
	return append([]*http.Server(nil), srv)
}

func twoCollections(ln net.Listener) {
	served := collect(&http.Server{})
	closed := collect(&http.Server{})
	go func() {
		if err := served[0].Serve(ln); err != nil { // quiet: nothing shuts served down
			log.Fatal(err)
		}
	}()
	closed[0].Close()
}
