//go:build go1.23

package a

import (
	"iter"
	"os"
)

func RangeInt(n int) {
	for i := range n {
		f, _ := os.Create(string(rune('a' + i)))
		defer f.Close() // want `one open file \(f\) per iteration piles up until RangeInt returns`
	}
}

func RangeFunc(seq iter.Seq[string]) {
	for name := range seq {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\) per iteration piles up until RangeFunc returns`
	}
}

func RangeFuncReturns(seq iter.Seq[string]) {
	for name := range seq {
		f, _ := os.Open(name)
		defer f.Close() // quiet: returns after the defer
		return
	}
}

func RangeOne(name string) {
	for range 1 {
		f, _ := os.Open(name)
		defer f.Close() // quiet: one iteration
	}
}
