// Command helper exits through a helper in main: moving the body would not
// help, so no fix is offered.
package main

import (
	"bufio"
	"log"
	"os"
)

func fatal(err error) {
	log.Print(err)
	os.Exit(1)
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if _, err := w.WriteString("x"); err != nil {
		fatal(err) // want `^fatal exits the process and skips deferred call w\.Flush \(line 18\)$`
	}
	if w.Buffered() > 10 {
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush \(line 18\)$`
	}
}
