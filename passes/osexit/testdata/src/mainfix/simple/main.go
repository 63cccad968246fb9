// Command simple has exits in main after deferred work: the fix moves the
// body into run() int.
package main

import (
	"bufio"
	"flag"
	"log"
	"os"
)

func process(w *bufio.Writer) error { return nil }

func main() {
	flag.Parse()
	if flag.NArg() == 0 {
		os.Exit(2) // before the first defer: quiet, but rewritten with the rest
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if flag.Arg(0) == "-" {
		return
	}
	if err := process(w); err != nil {
		log.Fatalf("process: %v", err) // want `^log\.Fatalf skips deferred call w\.Flush \(line 20\)$`
	}
	go func() {
		os.Exit(3) // want `^os\.Exit in a goroutine skips deferred call w\.Flush \(line 20 in main\)$`
	}()
	if w.Buffered() > 0 {
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush \(line 20\)$`
	}
}
