// Command runtaken defers an exit in main: not mechanical, no fix.
package main

import (
	"bufio"
	"os"
)

func main() {
	code := 0
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	defer os.Exit(code) // want `^os\.Exit skips deferred call w\.Flush \(line 12\)$`
	if w.Buffered() > 10 {
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush \(line 12\)$`
	}
}
