//go:build go1.21

package captures

import "os"

func LoopVars121(files []*os.File) {
	for _, f := range files {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			f.Close() // want `deferred closure reads loop variable f, which all iterations share in this go1.21 file: every deferred call sees its last value`
		}()
	}
}

func Index121(names []string) {
	for i := 0; i < len(names); i++ {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(names[i]) // want `reads loop variable i, which all iterations share in this go1.21 file`
		}()
	}
}

func Map121(m map[string]int) {
	for k, v := range m {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			use(k, v) // want `reads loop variable k` `reads loop variable v`
		}()
	}
}

// The outer loop's variable, deferred in the inner loop.
func Nested121(groups [][]string) {
	for gi, g := range groups {
		for range g {
			defer func() { // quiet for defer-in-loop: nothing acquired per iteration
				use(gi) // want `reads loop variable gi`
			}()
		}
	}
}

func Labelled121(groups [][]string) {
outer:
	for _, g := range groups {
		for _, name := range g {
			defer func() { // quiet for defer-in-loop: holds nothing
				use(name) // want `reads loop variable name`
			}()
			if name == "" {
				continue outer
			}
		}
	}
}

func Select121(chs []chan int) {
	for _, ch := range chs {
		select {
		case <-ch:
			defer func() { // quiet for defer-in-loop: nothing acquired per iteration
				use(ch) // want `reads loop variable ch`
			}()
		default:
		}
	}
}

func Channel121(names chan string) {
	for name := range names {
		defer func() { // want `one deferred function literal per iteration piles up until Channel121 returns`
			use(name) // want `reads loop variable name`
		}()
	}
}

func Switch121(names []string) {
	for _, name := range names {
		switch name {
		case "":
		default:
			defer func() { // quiet for defer-in-loop: nothing acquired per iteration
				use(name) // want `reads loop variable name`
			}()
		}
	}
}

// ---- Negatives ----

func ChannelArgument121(names chan string) {
	for name := range names {
		defer func(name string) { // want `one deferred function literal per iteration piles up until ChannelArgument121 returns`
			use(name) // quiet: the argument
		}(name)
	}
}

func SwitchReturns121(names []string) {
	for _, name := range names {
		switch name {
		case "":
		default:
			defer func() {
				use(name) // quiet: the case returns after the defer
			}()
			return
		}
	}
}

func SelectReturns121(chs []chan int) {
	for _, ch := range chs {
		select {
		case <-ch:
			defer func() {
				use(ch) // quiet: the case returns after the defer
			}()
			return
		default:
		}
	}
}

func Argument121(files []*os.File) {
	for _, f := range files {
		defer func(f *os.File) { // quiet for defer-in-loop: nothing acquired per iteration
			f.Close() // quiet: the argument
		}(f)
	}
}

func Copy121(files []*os.File) {
	for _, f := range files {
		f := f
		defer func() { // quiet for defer-in-loop: a copy of the loop variable
			f.Close() // quiet: a per-iteration copy
		}()
	}
}

func Once121(files []*os.File) {
	for _, f := range files {
		defer func() {
			f.Close() // quiet: the iteration returns after the defer
		}()
		return
	}
}

func Literal121(files []*os.File) {
	for _, f := range files {
		func() {
			defer func() {
				f.Close() // quiet: runs in the same iteration
			}()
		}()
	}
}

func OwnLoop121(groups [][]string) {
	for range groups {
		defer func() { // quiet for defer-in-loop: holds nothing
			for i := 0; i < 3; i++ {
				use(i) // quiet: the closure's own loop
			}
		}()
	}
}
