// Command cmd is analysed with -osexit.deep-exit.
package main

import (
	"log"
	"os"
)

func init() {
	if len(os.Args) > 10 {
		log.Fatal("too many") // quiet: init of package main
	}
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			os.Exit(2) // quiet: inside main
		}
	}()
	if len(os.Args) > 1 {
		fatal("x")
	}
	os.Exit(0) // quiet: main decides
}

// A helper of package main is still outside main.
func fatal(msg string) {
	log.Fatal(msg) // want `^log\.Fatal in fatal terminates the process outside main`
}
