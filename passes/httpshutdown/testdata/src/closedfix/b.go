package closedfix

import (
	"context"
	"log/slog"
	"net/http"
)

func noErrorsImport(ctx context.Context, srv *http.Server) {
	go func() {
		<-stop
		srv.Shutdown(ctx)
	}()
	err := srv.ListenAndServe() // want `srv.ListenAndServe returns http.ErrServerClosed`
	if err != nil {
		slog.Error("serve", "err", err)
	}
}
