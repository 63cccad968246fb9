package closed

import (
	"context"
	"net/http"
)

// runOther's error is treated as a failure in closed.go: the message names
// that file, not an absolute path.
func runOther(ctx context.Context, srv *http.Server) error {
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	return srv.ListenAndServe() // want `srv.ListenAndServe returns http.ErrServerClosed once srv.Shutdown is called, and log.Fatal at closed.go:\d+ treats it as a failure`
}
