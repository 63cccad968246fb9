package recoverpath

import (
	_ "embed"
	"flag"
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
	slugNotInDefer = "recover-not-in-defer"
	slugEscapes    = "goroutine-escapes-recover"
	slugDiscarded  = "recovered-value-discarded"
	slugWithout    = "goroutine-without-recover"
)

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("recoverpath", docSource,
	analysisutil.Check{Slug: slugNotInDefer, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: slugEscapes, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: slugDiscarded, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: slugWithout, Default: false, Option: "strict", Since: "v0.1.0"},
)

// Analyzer is the recoverpath analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "recoverpath",
	Doc:       Catalog.Doc(),
	URL:       Catalog.URL(),
	Requires:  []*analysis.Analyzer{analysisutil.DirectivesAnalyzer, inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(recoverFact)},
}

func init() {
	Analyzer.Flags.Init("recoverpath", flag.ContinueOnError)
	Analyzer.Flags.Bool("strict", false, "also report every goroutine without a deferred recover (check goroutine-without-recover)")
}

// A checker holds what the checks of one package share.
type checker struct {
	pass  *analysis.Pass
	r     *analysisutil.Reporter
	facts *facts
	// notInDefer records the recover calls already reported as misplaced,
	// which are not reported again as discarded.
	notInDefer map[*ast.CallExpr]bool
}

func run(pass *analysis.Pass) (any, error) {
	fs := computeFacts(pass)
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()
	c := &checker{pass: pass, r: r, facts: fs, notInDefer: make(map[*ast.CallExpr]bool)}
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if isRecoverCall(pass.TypesInfo, call) {
			c.checkRecover(cur, call)
			c.checkDiscarded(cur, call)
		} else if f := fs.of(analysisutil.Callee(pass.TypesInfo, call)); f != nil && f.Recovers {
			c.checkHelperCall(cur, call)
		}
	}
	c.checkGoroutines(root)
	return nil, nil
}
