// Package captures holds the defer-captures-loop-var cases whose outcome
// does not depend on the Go version (this file has none: the loop
// variables themselves are not reported here).
package captures

import (
	"net"
	"os"
)

func use(...any) {}

var global int

func dial(string) net.Conn { return nil }

func Outside(addrs []string) {
	var conn net.Conn
	for _, addr := range addrs {
		conn = dial(addr)
		defer func() { // want `defer in loop: one open connection \(conn\) per iteration`
			conn.Close() // want `deferred closure reads conn, declared outside the loop and assigned in it: every deferred call sees its last value`
		}()
	}
}

func OutsideIndex(names []string) {
	var i int
	for i = 0; i < len(names); i++ {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(names[i]) // want `deferred closure reads i, declared outside the loop and assigned in it`
		}()
	}
}

func OutsideRangeAssign(m map[string]int) {
	var k string
	var v int
	for k, v = range m {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(k, v) // want `reads k, declared outside` `reads v, declared outside`
		}()
	}
}

func Accumulated(xs []int) {
	total := 0
	for _, x := range xs {
		total += x
		defer func() { // quiet for defer-in-loop: holds nothing
			use(total) // want `reads total, declared outside the loop`
		}()
	}
}

// Assigned by the outer loop, deferred in the inner one.
func OuterAssigns(groups [][]string) {
	var group string
	for i, g := range groups {
		group = g[0]
		for range g {
			defer func() { // quiet for defer-in-loop: holds nothing
				use(group) // want `reads group, declared outside the loop`
			}()
		}
		use(i)
	}
}

// Declared in the outer loop's body, assigned in the inner loop.
func InnerAssigns(groups [][]string) {
	for _, g := range groups {
		var last string
		for _, name := range g {
			last = name
			defer func() { // quiet for defer-in-loop: holds nothing
				use(last) // want `reads last, declared outside the loop`
			}()
		}
	}
}

// A bool flag shared by all iterations is a capture, not a guard.
func SharedFlag(names []string) {
	done := false
	for _, name := range names {
		f, _ := os.Open(name)
		done = name == ""
		defer func() { // want `defer in loop`
			use(f, done) // want `reads done, declared outside the loop`
		}()
	}
}

func ReadTwice(xs []int) {
	var cur int
	for _, x := range xs {
		cur = x
		defer func() { // quiet for defer-in-loop: holds nothing
			use(cur) // want `reads cur, declared outside the loop`
			use(cur) // reported once per closure, at the first read
		}()
	}
}

// ---- Negatives ----

// The loop variable: this file has no Go version, so it is not reported.
func LoopVarUnknownVersion(names []string) {
	for _, name := range names {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(name) // quiet: the file's version is unknown
		}()
	}
}

func ResultParam(names []string) (err error) {
	for _, name := range names {
		var f *os.File
		f, err = os.Open(name)
		defer func() { // quiet for defer-in-loop too: failure-only cleanup
			if err != nil { // quiet: a result parameter's final value is the point
				f.Close()
			}
		}()
	}
	return nil
}

func ResultParamRead(names []string) (n int) {
	for range names {
		n++
		defer func() { // quiet for defer-in-loop: holds nothing
			use(n) // quiet: a result parameter
		}()
	}
	return n
}

func ErrorGuard(names []string) {
	var err error
	for _, name := range names {
		var f *os.File
		f, err = os.Open(name)
		defer func() { // quiet for defer-in-loop too: failure-only cleanup
			if err != nil { // quiet: an error compared with nil, read for its final value
				f.Close()
			}
		}()
	}
}

func PassedAsArgument(xs []int) {
	var cur int
	for _, x := range xs {
		cur = x
		defer func(cur int) { // quiet for defer-in-loop: holds nothing
			use(cur) // quiet: the parameter, evaluated at the defer
		}(cur)
	}
}

func DeclaredInside(xs []int) {
	for _, x := range xs {
		cur := x * 2
		defer func() { // quiet for defer-in-loop: holds nothing
			use(cur) // quiet: a new variable per iteration
		}()
	}
}

func NotAssignedInLoop(xs []int) {
	limit := len(xs)
	for range xs {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(limit) // quiet: never changes in the loop
		}()
	}
	limit = 0
}

func Global(xs []int) {
	for _, x := range xs {
		global = x
		defer func() { // quiet for defer-in-loop: holds nothing
			use(global) // quiet: package-level variables are not tracked
		}()
	}
}

func AssignedInClosureOnly(xs []int) {
	var last int
	for range xs {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			last++ // quiet: only the closure itself assigns it
			use(last)
		}()
	}
}

func RunsOnce(xs []int) {
	var cur int
	for _, x := range xs {
		cur = x
		defer func() {
			use(cur) // quiet: the iteration returns after the defer
		}()
		return
	}
}

func PerIterationLiteral(xs []int) {
	var cur int
	for _, x := range xs {
		cur = x
		func() {
			defer func() {
				use(cur) // quiet: runs before the next iteration
			}()
		}()
	}
}

func Field(xs []int) {
	var s struct{ n int }
	for _, x := range xs {
		s = struct{ n int }{x}
		defer func(n int) { // quiet for defer-in-loop: holds nothing
			use(n) // quiet: an argument
		}(s.n)
	}
}

func Suppressed(xs []int) {
	var cur int
	for _, x := range xs {
		cur = x
		defer func() { // quiet for defer-in-loop: holds nothing
			//shutdownlint:ignore defer-captures-loop-var the last value is what we want to log
			use(cur)
		}()
	}
}
