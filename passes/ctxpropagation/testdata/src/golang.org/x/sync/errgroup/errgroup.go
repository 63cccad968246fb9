// Package errgroup is a stub of golang.org/x/sync/errgroup with the API the
// tests use.
package errgroup

import "context"

// A Group is a collection of goroutines working on subtasks of a task.
type Group struct{}

// WithContext returns a new Group and a derived Context, cancelled the
// first time a function passed to Go returns an error or Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	return &Group{}, ctx
}

// Go calls f in a new goroutine.
func (g *Group) Go(f func() error) {}

// TryGo calls f in a new goroutine if the limit allows it.
func (g *Group) TryGo(f func() error) bool { return true }

// Wait blocks until all function calls from Go have returned.
func (g *Group) Wait() error { return nil }

// SetLimit limits the number of active goroutines.
func (g *Group) SetLimit(n int) {}
