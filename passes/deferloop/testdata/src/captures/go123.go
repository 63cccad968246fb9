//go:build go1.23

package captures

import "iter"

// Range over integers and functions: their loop variables are
// per-iteration in every version that has these loops.

func RangeInt123(n int) {
	for i := range n {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(i) // quiet: per-iteration variable
		}()
	}
}

func RangeFunc123(seq iter.Seq2[string, int]) {
	for k, v := range seq {
		defer func() { // want `defer in loop: one deferred function literal per iteration`
			use(k, v) // quiet: per-iteration variables
		}()
	}
}

func RangeFuncOutside123(seq iter.Seq[string]) {
	var name string
	for name = range seq {
		defer func() { // want `defer in loop: one deferred function literal per iteration`
			use(name) // want `reads name, declared outside the loop and assigned in it`
		}()
	}
}

func RangeIntOutside123(n int) {
	var i int
	for i = range n {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(i) // want `reads i, declared outside the loop and assigned in it`
		}()
	}
}

func RangeFuncArgument123(seq iter.Seq[string]) {
	var name string
	for name = range seq {
		defer func(name string) { // want `defer in loop: one deferred function literal per iteration`
			use(name) // quiet: an argument
		}(name)
	}
}

func RangeFuncOnce123(seq iter.Seq[string]) {
	var name string
	for name = range seq {
		defer func() {
			use(name) // quiet: the iteration returns after the defer
		}()
		return
	}
}
