// Package fixes holds the suggested fixes of both checks.
package fixes

import (
	"context"
	"net"
	"os"
	"sync"
	stdtime "time"
)

func use(...any) {}

// A continue of the wrapped loop becomes a return.
func WrapContinue(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `defer in loop: one open file \(f\)`
		use(f)
	}
}

func WrapSimple(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `defer in loop: one open file \(f\)`
		use(f)
	}
}

// Two defers in one body share one fix.
func WrapTwo(mu *sync.Mutex, names []string) {
	for _, name := range names {
		mu.Lock()
		defer mu.Unlock() // want `one held lock \(mu\)`
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
	}
}

// break and continue that stay inside the body are kept.
func WrapInnerBranches(ctx context.Context, groups [][]string) {
	for _, g := range groups {
		f, _ := os.Open(g[0])
		defer f.Close() // want `one open file \(f\)`
		for _, name := range g {
			if name == "" {
				continue
			}
			switch name {
			case "stop":
				break
			}
		}
	inner:
		for {
			select {
			case <-ctx.Done():
				break inner
			}
		}
		func() {
			return // a function literal's own return
		}()
	}
}

func WrapFor(n int, mu *sync.Mutex) {
	for i := 0; i < n; i++ {
		mu.Lock()
		defer mu.Unlock() // want `one held lock \(mu\)`
	}
}

// Nested loops: the innermost body is wrapped.
func WrapInner(grid [][]string) {
	for _, row := range grid {
		for _, name := range row {
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\)`
		}
	}
}

func WrapContinueAfterDefer(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
		if err != nil {
			continue
		}
	}
}

// ---- No wrap fix: the body would not compile or would change meaning ----

func NoFixReturn(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
		if err != nil {
			return err
		}
	}
	return nil
}

func NoFixBreakOuter(grid [][]string) {
outer:
	for _, row := range grid {
		for _, name := range row {
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\)`
			if name == "" {
				continue outer
			}
		}
	}
}

func NoFixReturnInSwitch(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
		switch {
		case name == "":
			return
		}
	}
}

func NoFixBreak(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
		if name == "" {
			break
		}
	}
}

// Rewriting continue loop would leave the label unused.
func NoFixLabelledContinue(names []string) {
loop:
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
		if name == "" {
			continue loop
		}
	}
}

func NoFixGoto(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
		if name == "" {
			goto done
		}
	}
done:
}

// ---- defer-captures-loop-var fixes ----

func Capture(addrs []string) {
	var conn net.Conn
	for _, addr := range addrs {
		conn, _ = net.Dial("tcp", addr)
		defer func() { // want `defer in loop`
			conn.Close() // want `reads conn, declared outside the loop`
		}()
		if addr == "" {
			return
		}
	}
}

func CaptureTwo(xs []int, ds []stdtime.Duration) {
	var (
		x int
		d stdtime.Duration
	)
	for i := range xs {
		x, d = xs[i], ds[i]
		defer func(prefix string) { // quiet for defer-in-loop: holds nothing
			use(prefix, x, d) // want `reads x, declared outside` `reads d, declared outside`
		}("p")
		if x < 0 {
			return
		}
	}
}

type local struct{ n int }

func CaptureLocalType(xs []local) {
	var cur local
	for _, cur = range xs {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(cur.n) // want `reads cur, declared outside`
		}()
		if cur.n < 0 {
			return
		}
	}
}

func CaptureFuncLocalType(xs []int) {
	type pair struct{ a, b int }
	var p pair
	for _, x := range xs {
		p = pair{x, x}
		defer func() { // quiet for defer-in-loop: holds nothing
			use(p) // want `reads p, declared outside`
		}()
		if x < 0 {
			return
		}
	}
}

// ---- No argument fix ----

func NoFixAssigned(xs []int) {
	var cur int
	for _, x := range xs {
		cur = x
		defer func() { // quiet for defer-in-loop: holds nothing
			use(cur) // want `reads cur, declared outside`
			cur = 0
		}()
		if x < 0 {
			return
		}
	}
}

func NoFixVariadic(xs []int) {
	var cur int
	for _, x := range xs {
		cur = x
		defer func(rest ...int) { // quiet for defer-in-loop: holds nothing
			use(cur, rest) // want `reads cur, declared outside`
		}()
		if x < 0 {
			return
		}
	}
}

func NoFixShadowedType(xs []local) {
	var cur local
	for _, cur = range xs {
		type local int // shadows the package-level local at the closure
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(cur) // want `reads cur, declared outside`
		}()
		var l local
		if l < 0 {
			return
		}
	}
}
