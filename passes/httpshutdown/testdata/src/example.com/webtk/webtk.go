// Package webtk stands for a toolkit that serves and shuts down an *http.Server.
package webtk

import "net/http"

func ListenAndServe(srv *http.Server) error { return srv.ListenAndServe() }
