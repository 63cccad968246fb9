// Command gendocs writes the table of checks, generated from the passes'
// doc.go files, into README.md between its markers.
//
//	go run ./internal/cmd/gendocs -w README.md
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/shutdownlint/shutdownlint"
	"github.com/shutdownlint/shutdownlint/internal/docgen"
)

func main() {
	write := flag.String("w", "", "update this README file in place (default: print the table)")
	flag.Parse()
	table := docgen.Table(shutdownlint.Catalogs(), shutdownlint.Bundled())
	if *write == "" {
		fmt.Print(table)
		return
	}
	readme, err := os.ReadFile(*write)
	if err == nil {
		readme, err = docgen.Update(readme, table)
	}
	if err == nil {
		err = os.WriteFile(*write, readme, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
