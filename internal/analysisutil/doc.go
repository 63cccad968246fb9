// Package analysisutil holds what every shutdownlint pass needs, written
// once: the check catalog parsed from a pass's doc.go, a Reporter that sets
// each diagnostic's Category and URL, drops findings in generated files and
// honours //shutdownlint:ignore directives, the per-file Go version, and
// helpers that identify functions and methods through the type checker.
//
// Passes use it like this:
//
//	//go:embed doc.go
//	var docSource string
//
//	var catalog = analysisutil.MustCatalog("osexit", docSource,
//		analysisutil.Check{Slug: "exit-skips-defer", Default: true, Since: "v0.1.0"},
//	)
//
//	var Analyzer = &analysis.Analyzer{
//		Name:     "osexit",
//		Doc:      catalog.Doc(),
//		URL:      catalog.URL(),
//		Requires: []*analysis.Analyzer{analysisutil.DirectivesAnalyzer, ...},
//		Run:      run,
//	}
//
//	func run(pass *analysis.Pass) (any, error) {
//		r := analysisutil.NewReporter(pass, catalog)
//		defer r.Finish()
//		...
//		r.Report("exit-skips-defer", call, nil, "os.Exit skips %d deferred calls: %s", n, list)
//	}
package analysisutil
