package deferloop

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

// The checks of the analyzer.
const (
	slugInLoop   = "defer-in-loop"
	slugCaptures = "defer-captures-loop-var"
)

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("deferloop", docSource,
	analysisutil.Check{Slug: slugInLoop, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: slugCaptures, Default: true, Since: "v0.1.0"},
)

// Analyzer is the deferloop analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "deferloop",
	Doc:      Catalog.Doc(),
	URL:      Catalog.URL(),
	Requires: []*analysis.Analyzer{analysisutil.DirectivesAnalyzer, inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	graphs := newGraphs(pass.TypesInfo)
	for cur := range in.Root().Preorder((*ast.DeferStmt)(nil)) {
		s := siteOf(pass, cur)
		if s == nil {
			continue // not in a loop of its own function
		}
		g := graphs.of(s.body)
		if !repeats(g, s.stmt, nil) || isOnceGuarded(s) {
			continue // the iteration always leaves the loop after the defer, or a guard lets it run once
		}
		checkPileUp(r, s, g)
		checkCaptures(r, s)
	}
	return nil, nil
}
