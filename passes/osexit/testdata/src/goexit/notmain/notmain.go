// Package notmain has a func main that is not a program's entry point.
package notmain

import "runtime"

func main() { // want main:"goexits"
	runtime.Goexit() // quiet: not package main
}
