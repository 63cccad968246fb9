package driver

import (
	"flag"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"
)

// runVetTool serves the go vet tool protocol. The suite is a drop-in
// superset of go vet: it runs go vet's own analyzers too, unless -vet=false.
// The -vet flag is declared so that go vet accepts and forwards it; it is
// applied by turning off, through their -NAME=false flags, the vet analyzers
// that are not part of the suite.
func runVetTool(s Suite) {
	withVet := vetFlagValue(os.Args[1:])
	flag.Bool("vet", true, "also run go vet's analyzers (-vet=false: only the shutdownlint suite)")
	flag.String("cache-salt", "", "ignored; changes go vet's cache key (set by the standalone mode on Go 1.26)")
	if !withVet {
		var off []string
		for _, a := range s.Vet {
			if !slices.Contains(s.Analyzers, a) && !slices.Contains(s.Bundled, a) {
				off = append(off, "-"+a.Name+"=false")
			}
		}
		// Flags go before the .cfg argument.
		last := len(os.Args) - 1
		args := append(append(append([]string{}, os.Args[:last]...), off...), os.Args[last:]...)
		os.Args = args
	}
	unitchecker.Main(s.all(true)...) // exits
}

// vetFlagValue returns the value of the last -vet flag in args (true if absent).
func vetFlagValue(args []string) bool {
	v := true
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "vet" {
			continue
		}
		v = true
		if hasVal {
			if b, err := strconv.ParseBool(val); err == nil {
				v = b
			}
		}
	}
	return v
}

func getenv(k string) string { return os.Getenv(k) }
