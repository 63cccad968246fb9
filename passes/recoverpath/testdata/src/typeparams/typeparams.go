// Package typeparams holds cases in generic code.
package typeparams

import (
	"fmt"
	"log"
)

func work() {}

// Handle is a generic recovering helper.
func Handle[T any](out *T) { // want Handle:"recovers"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

type Pool[T any] struct{ items []T }

func (p *Pool[T]) recoverPanic() { // want recoverPanic:"recovers"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

// Go runs fn under recover for every item type.
func Go[T any](fn func(T), v T) { // want Go:"launches fn under recover"
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		fn(v)
	}()
}

func (p *Pool[T]) run(item T) { // want run:"defers recover"
	defer p.recoverPanic()
	fmt.Println(item)
}

// ---- positives ----

func Wrapped[T any](out *T) {
	defer func() {
		Handle(out) // want `recovering helper Handle is called by this deferred function literal`
	}()
	work()
}

func (p *Pool[T]) Wrapped() {
	defer func() {
		p.recoverPanic() // want `recovering helper p.recoverPanic is called by this deferred function literal`
	}()
	work()
}

func (p *Pool[T]) Each() { // want Each:"defers recover"
	defer p.recoverPanic()
	for _, it := range p.items {
		go fmt.Println(it) // want `goroutine running fmt.Println escapes the deferred recover of Each`
	}
}

func Discard[T any]() T { // want Discard:"defers recover"
	var zero T
	defer func() {
		recover() // want `recovered panic value is discarded`
	}()
	work()
	return zero
}

// ---- negatives ----

func Deferred[T any](out *T) { // want Deferred:"defers recover"
	defer Handle(out) // quiet: deferred itself
	work()
}

func Explicit[T any](out *T) { // want Explicit:"defers recover"
	defer Handle[T](out) // quiet: deferred itself
	work()
}

func (p *Pool[T]) Run() { // want Run:"defers recover"
	defer p.recoverPanic()
	for _, it := range p.items {
		go p.run(it)               // quiet: run defers a recover
		Go(func(T) { work() }, it) // quiet: a recovering wrapper
	}
}
