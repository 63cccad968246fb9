//go:build go1.22

package captures

import "os"

// The same code as in go121.go: since Go 1.22 every iteration has its own
// loop variables.

func LoopVars122(files []*os.File) {
	for _, f := range files {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			f.Close() // quiet: per-iteration variable
		}()
	}
}

func Index122(names []string) {
	for i := 0; i < len(names); i++ {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(names[i]) // quiet: per-iteration variable
		}()
	}
}

func Map122(m map[string]int) {
	for k, v := range m {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(k, v) // quiet: per-iteration variables
		}()
	}
}

func Nested122(groups [][]string) {
	for gi, g := range groups {
		for range g {
			defer func() { // quiet for defer-in-loop: nothing acquired per iteration
				use(gi) // quiet: per-iteration variable
			}()
		}
	}
}

func Channel122(names chan string) {
	for name := range names {
		defer func() { // want `one deferred function literal per iteration piles up until Channel122 returns`
			use(name) // quiet: per-iteration variable
		}()
	}
}

func Switch122(names []string) {
	for _, name := range names {
		switch name {
		case "":
		default:
			defer func() { // quiet for defer-in-loop: nothing acquired per iteration
				use(name) // quiet: per-iteration variable
			}()
		}
	}
}

func Select122(chs []chan int) {
	for _, ch := range chs {
		select {
		case <-ch:
			defer func() { // quiet for defer-in-loop: nothing acquired per iteration
				use(ch) // quiet: per-iteration variable
			}()
		default:
		}
	}
}

// Variables declared outside the loop are shared in every version.
func Outside122(files []*os.File) {
	var f *os.File
	for _, f = range files {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			f.Close() // want `reads f, declared outside the loop and assigned in it`
		}()
	}
}
