// Command benchtool is the reference that make bench compares shutdownlint
// with: go vet's own suite, or no analyzer at all (the floor: loading and
// type-checking only), in both driver modes of x/tools' multichecker —
// standalone (every package loaded into one process) and as a go vet tool.
//
//	BENCHTOOL_SUITE=vet|none benchtool packages...
//	BENCHTOOL_SUITE=vet|none go vet -vettool=benchtool packages...
//
// A no-op analyzer with a -nonce.n flag is always present so that each
// measured go vet run can change a flag and thus miss go vet's cache.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/suite/vet"
)

var nonce = &analysis.Analyzer{
	Name: "nonce",
	Doc:  "do nothing; its -nonce.n flag only changes go vet's cache key",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func init() { nonce.Flags.String("n", "", "any value") }

func main() {
	switch suite := os.Getenv("BENCHTOOL_SUITE"); suite {
	case "vet":
		multichecker.Main(append([]*analysis.Analyzer{nonce}, vet.Suite...)...)
	case "none":
		multichecker.Main(nonce)
	default:
		fmt.Fprintf(os.Stderr, "benchtool: set BENCHTOOL_SUITE to vet or none (got %q)\n", suite)
		os.Exit(1)
	}
}
