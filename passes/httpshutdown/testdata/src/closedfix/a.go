package closedfix

import (
	"context"
	"errors"
	"log"
	"net/http"
)

var stop chan struct{}

func guarded(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want `srv.ListenAndServe returns http.ErrServerClosed`
			log.Fatal(err)
		}
	}()
	<-stop
	srv.Shutdown(ctx)
}

func direct(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	log.Fatalf("serve: %v", srv.ListenAndServe()) // want `srv.ListenAndServe returns http.ErrServerClosed`
}

func returned(ctx context.Context, srv *http.Server) error {
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	return srv.ListenAndServe() // want `srv.ListenAndServe returns http.ErrServerClosed`
}

func main() {
	if err := returned(context.Background(), &http.Server{}); err != nil {
		log.Fatal(err)
	}
	_ = errors.New
}
