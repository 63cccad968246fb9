// Package driver is the shutdownlint command: it dispatches between the
// go vet tool protocol (unitchecker), the standalone mode and help.
//
// Standalone runs are executed through the go command's per-package vet
// protocol: "shutdownlint [flags] patterns" runs
// "go vet -vettool=<this binary> -json <flags> patterns", which analyses one
// package per process (dependencies first, in parallel, results cached by the
// go command) and passes cross-package facts through files. Unlike the
// x/tools standalone checker, which keeps every package of the program in
// memory, this needs tens of MB per process even on the standard library.
// The driver then merges the JSON results, prints them as text, JSON or
// SARIF, and applies or shows suggested fixes itself.
package driver

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// Exit statuses of the standalone command.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // bad input, a package that does not build, an internal error
	ExitFindings = 3 // findings were reported
)

// A Suite is what the command runs.
type Suite struct {
	Name string // command name, e.g. "shutdownlint"

	// Analyzers are the suite's own analyzers, in the order of their names.
	Analyzers []*analysis.Analyzer
	// Catalogs document the checks of Analyzers (help, -explain, SARIF).
	Catalogs []*analysisutil.Catalog
	// Bundled are x/tools analyzers that always run with the suite.
	Bundled []*analysis.Analyzer
	// Vet is go vet's suite: run in vet-tool mode unless -vet=false, and in
	// standalone mode with -vet.
	Vet []*analysis.Analyzer
}

// env is the process environment of one invocation, replaceable in tests.
type env struct {
	args   []string // without the program name
	stdout io.Writer
	stderr io.Writer
	exe    string // path of the running binary
}

// Main runs the command and exits.
func Main(s Suite) {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: cannot locate its own executable: %v\n", s.Name, err)
		os.Exit(ExitError)
	}
	s = s.guarded()
	if isVetToolInvocation(os.Args[1:]) {
		runVetTool(s) // exits
	}
	os.Exit(s.run(env{args: os.Args[1:], stdout: os.Stdout, stderr: os.Stderr, exe: exe}))
}

// isVetToolInvocation reports whether args are those of the go vet tool
// protocol: "-V=full", "-flags", or flags followed by one "*.cfg" file.
func isVetToolInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if strings.HasSuffix(last, ".cfg") {
		return true
	}
	return slices.ContainsFunc(args, func(a string) bool {
		a = strings.TrimLeft(a, "-")
		return a == "flags" || a == "V=full" || a == "V"
	}) && !slices.Contains(args, "help")
}

// run executes a standalone or help invocation and returns the exit status.
func (s Suite) run(e env) int {
	if len(e.args) > 0 && e.args[0] == "help" {
		return s.help(e, e.args[1:])
	}
	err := s.standalone(e)
	var exit exitError
	switch {
	case err == nil:
		return ExitClean
	case errors.As(err, &exit):
		return int(exit)
	default:
		fmt.Fprintf(e.stderr, "%s: %v\n", s.Name, err)
		return ExitError
	}
}

// exitError ends a run with a status, its messages already printed.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// all returns every analyzer of the suite, own first, without duplicates.
func (s Suite) all(withVet bool) []*analysis.Analyzer {
	var as []*analysis.Analyzer
	add := func(list []*analysis.Analyzer) {
		for _, a := range list {
			if !slices.Contains(as, a) {
				as = append(as, a)
			}
		}
	}
	add(s.Analyzers)
	add(s.Bundled)
	if withVet {
		add(s.Vet)
	}
	return as
}

// catalog returns the catalog of the named analyzer, or nil.
func (s Suite) catalog(name string) *analysisutil.Catalog {
	for _, c := range s.Catalogs {
		if c.Analyzer == name {
			return c
		}
	}
	return nil
}

// check returns the check with the given slug, or nil.
func (s Suite) check(slug string) *analysisutil.Check {
	for _, c := range s.Catalogs {
		if ch := c.Check(slug); ch != nil {
			return ch
		}
	}
	return nil
}
