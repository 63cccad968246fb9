package closed

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// The shape of caddy's admin.go: the old admin server is handed to a
// function literal called at once, which stops it through a helper; the
// goroutine serving the new one reads it from the package variable.
var (
	adminMu     sync.Mutex
	adminServer *http.Server
)

func replaceAdminServer(ln net.Listener) {
	adminMu.Lock()
	old := adminServer
	adminServer = &http.Server{ReadTimeout: 10 * time.Second}
	adminMu.Unlock()
	if old != nil {
		go func(oldAdminServer *http.Server) {
			if err := stopAdmin(oldAdminServer); err != nil {
				slog.Error("stopping admin endpoint", "error", err)
			}
		}(old)
	}
	go func() {
		adminMu.Lock()
		server := adminServer
		adminMu.Unlock()
		if err := server.Serve(ln); err != nil { // want `server.Serve returns http.ErrServerClosed once srv.Shutdown is called, and slog.Error at line \d+ logs it as an error on every clean stop`
			slog.Error("admin server shutdown for unknown reason", "error", err)
		}
	}()
}

func stopAdmin(srv *http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

// caddy's own code: the comparison makes it quiet.
var remoteMu sync.Mutex
var remoteServer *http.Server

func replaceRemoteServer(ln net.Listener) {
	remoteMu.Lock()
	old := remoteServer
	remoteServer = &http.Server{ReadTimeout: 10 * time.Second}
	remoteMu.Unlock()
	go func(oldRemoteServer *http.Server) {
		_ = stopAdmin(oldRemoteServer)
	}(old)
	go func() {
		remoteMu.Lock()
		server := remoteServer
		remoteMu.Unlock()
		if err := server.Serve(ln); !errors.Is(err, http.ErrServerClosed) { // quiet: compared with http.ErrServerClosed
			slog.Error("admin remote server shutdown for unknown reason", "error", err)
		}
	}()
}

// A function literal called at once with another server: the server it
// stops is not the one served.
func funcLitOtherServer(ln net.Listener, stopped *http.Server) {
	served := &http.Server{}
	go func(s *http.Server) {
		_ = stopAdmin(s)
	}(stopped)
	go func() {
		if err := served.Serve(ln); err != nil { // quiet: served is never shut down
			log.Fatal(err)
		}
	}()
}

// A function literal called at once that only serves: its parameter is the
// caller's server, and nothing shuts it down.
func funcLitServesOnly(ln net.Listener) {
	srv := &http.Server{}
	go func(s *http.Server) {
		if err := s.Serve(ln); err != nil { // quiet: never shut down
			log.Fatal(err)
		}
	}(srv)
}
