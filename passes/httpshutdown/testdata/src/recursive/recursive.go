// Package recursive has types whose element type is themselves (seen in
// encoding/json's tests): following them must terminate.
package recursive

import (
	"context"
	"net/http"
)

type SliceOfSelf []SliceOfSelf

type MapOfSelf map[string]MapOfSelf

type ChanOfSelf chan ChanOfSelf

func use(srv *http.Server, ctx context.Context) {
	var s SliceOfSelf
	t := s
	m := MapOfSelf{}
	n := m
	c := make(ChanOfSelf)
	d := c
	_, _, _ = t, n, d
	for _, x := range s {
		_ = x
	}
	srv.Shutdown(ctx) // quiet: a parameter context
}
