package deferloop

import (
	_ "embed"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var docSource string

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("deferloop", docSource)

// Analyzer is the deferloop analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "deferloop",
	Doc:      Catalog.Doc(),
	URL:      Catalog.URL(),
	Requires: []*analysis.Analyzer{analysisutil.DirectivesAnalyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()
	return nil, nil
}
