package osexit

import (
	_ "embed"
	"go/ast"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var docSource string

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("osexit", docSource,
	analysisutil.Check{Slug: "exit-skips-defer", Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: "goexit-in-main", Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: "deep-exit", Option: "deep-exit", Since: "v0.1.0"},
)

// Analyzer is the osexit analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "osexit",
	Doc:       Catalog.Doc(),
	URL:       Catalog.URL(),
	Requires:  []*analysis.Analyzer{analysisutil.DirectivesAnalyzer, inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(neverReturns), new(mayExit), new(benignCleanup)},
}

// exitFuncs is -osexit.exit-funcs: more functions that terminate the
// process.
var exitFuncs funcList

func init() {
	Analyzer.Flags.Bool("deep-exit", false, "report terminating calls outside main.main, the init functions of package main and TestMain (check deep-exit)")
	Analyzer.Flags.Var(&exitFuncs, "exit-funcs", "comma-separated functions that terminate the process, as pkg/path.Func or (*pkg/path.Type).Method (repeatable; empty clears)")
}

func run(pass *analysis.Pass) (any, error) {
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	c := newChecker(pass, r, in)
	c.exportFacts()
	if hasDeferOrMain(pass, in) {
		for _, f := range c.frames {
			c.reportExits(f)
		}
	}
	if r.Enabled("deep-exit") {
		c.reportDeepExits(in)
	}
	return nil, nil
}

// hasDeferOrMain reports whether the package has a defer statement (that
// an exit could skip) or is a main package (where Goexit matters).
func hasDeferOrMain(pass *analysis.Pass, in *inspector.Inspector) bool {
	if pass.Pkg.Name() == "main" {
		return true
	}
	for range in.Root().Preorder((*ast.DeferStmt)(nil)) {
		return true
	}
	return false
}
