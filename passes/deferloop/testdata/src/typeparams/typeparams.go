// Package typeparams holds cases in generic code.
package typeparams

import (
	"io"
	"sync"
)

func use(...any) {}

// Close is called through the type parameter's constraint.
func CloseAll[C io.Closer](open func(string) C, names []string) {
	for _, name := range names {
		c := open(name)
		defer c.Close() // want `defer in loop: one unclosed C \(c\) per iteration piles up until CloseAll returns`
	}
}

type Pool[T any] struct {
	mu    sync.Mutex
	items []T
}

func (p *Pool[T]) Drain(fn func(T)) {
	for _, it := range p.items {
		p.mu.Lock()
		defer p.mu.Unlock() // want `one held lock \(p.mu\) per iteration piles up until Drain returns`
		fn(it)
	}
}

func Last[T any](xs []T, fn func(T)) {
	var cur T
	for _, cur = range xs {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			fn(cur) // want `reads cur, declared outside the loop and assigned in it`
		}()
	}
}

// ---- Negatives ----

func Once[C io.Closer](open func(string) C, names []string) {
	for _, name := range names {
		c := open(name)
		defer c.Close() // quiet: return follows
		return
	}
}

func Explicit[C io.Closer](open func(string) C, names []string) {
	for _, name := range names {
		c := open(name)
		defer c.Close() // quiet: closed explicitly
		use(c)
		c.Close()
	}
}

func PerIteration[T any](xs []T, fn func(T)) {
	var cur T
	for _, cur = range xs {
		func() {
			defer func() {
				fn(cur) // quiet: runs in the same iteration
			}()
		}()
	}
}

func Argument[T any](xs []T, fn func(T)) {
	var cur T
	for _, cur = range xs {
		defer func(v T) { // quiet for defer-in-loop: nothing acquired per iteration
			fn(v) // quiet: an argument
		}(cur)
	}
}
