package captures

import "time"

// More variables a deferred closure in a loop reads correctly.

type box struct{ n int }

func PointerTarget(b *box, xs []int) {
	for _, x := range xs {
		b.n = x
		defer func() {
			use(b.n) // quiet: b itself never changes; what it points to is not tracked
		}()
	}
}

const limit = 3

func ParamAndConst(prefix string, xs []int) {
	for range xs {
		defer func() {
			use(prefix, limit) // quiet: a parameter never assigned, a constant
		}()
	}
}

func AssignedBefore(xs []int) {
	cur := 0
	cur = len(xs)
	for range xs {
		defer func() {
			use(cur) // quiet: assigned before the loop only
		}()
	}
}

func AssignedAfter(xs []int) {
	cur := 0
	for range xs {
		defer func() {
			use(cur) // quiet: assigned after the loop only
		}()
	}
	cur = 1
}

func OwnVariable(xs []int) {
	for range xs {
		defer func() {
			cur := 0
			cur++
			use(cur) // quiet: the closure's own variable
		}()
	}
}

func NestedOwn(xs []int) {
	for range xs {
		defer func() {
			cur := 1
			func() {
				use(cur) // quiet: declared by the deferred closure
			}()
		}()
	}
}

func OnceByBounds(xs []int) {
	var cur int
	for i := 0; i < 1; i++ {
		cur = xs[i]
		defer func() {
			use(cur) // quiet: the loop runs once
		}()
	}
}

func TimerCase(t *time.Timer, ch chan int) {
	var cur int
	for {
		select {
		case <-t.C:
			defer func() {
				use(cur) // quiet: the timer's case runs once
			}()
		case v := <-ch:
			cur = v
		}
	}
}

func ErrorEqualsNil(xs []int, f func(int) error) {
	var err error
	for _, x := range xs {
		err = f(x)
		defer func() {
			if err == nil { // quiet: an error compared with nil
				use(x)
			}
		}()
	}
}

func ResultGuard(xs []int, f func(int) error) (err error) {
	for _, x := range xs {
		err = f(x)
		defer func() {
			if err != nil { // quiet: a result parameter
				use(err.Error())
			}
		}()
	}
	return err
}
