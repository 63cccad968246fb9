package ctxpropagation

import (
	_ "embed"
	"go/ast"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var docSource string

// The checks of the analyzer.
const (
	detachedContext     = "detached-context"
	staleContextCapture = "stale-context-capture"
	parentContextUsed   = "parent-context-used"
	uncancellableLoop   = "uncancellable-loop"
)

// callsFlag names the option that extends detached-context from goroutines
// to every call that takes a context.
const callsFlag = "calls"

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("ctxpropagation", docSource,
	analysisutil.Check{Slug: detachedContext, Default: true, Option: callsFlag, Since: "v0.1.0"},
	analysisutil.Check{Slug: staleContextCapture, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: parentContextUsed, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: uncancellableLoop, Default: true, Since: "v0.1.0"},
)

// Analyzer is the ctxpropagation analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxpropagation",
	Doc:      Catalog.Doc(),
	URL:      Catalog.URL(),
	Requires: []*analysis.Analyzer{analysisutil.DirectivesAnalyzer, inspect.Analyzer},
	Run:      run,
}

// calls is the value of -ctxpropagation.calls.
var calls bool

func init() {
	Analyzer.Flags.BoolVar(&calls, callsFlag, false,
		"detached-context: also report context.Background() and context.TODO() passed to any call that takes a context, not only to goroutines")
}

// A checker holds what the checks of one pass share.
type checker struct {
	pass      *analysis.Pass
	r         *analysisutil.Reporter
	insp      *inspector.Inspector
	funcDecls map[*types.Func]inspector.Cursor // see decls
}

// decls maps the package's functions and methods to their declarations.
func (c *checker) decls() map[*types.Func]inspector.Cursor {
	if c.funcDecls == nil {
		c.funcDecls = make(map[*types.Func]inspector.Cursor)
		for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
			fd := cur.Node().(*ast.FuncDecl)
			if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				c.funcDecls[fn] = cur
			}
		}
	}
	return c.funcDecls
}

func run(pass *analysis.Pass) (any, error) {
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()
	if !usesContexts(pass) {
		return nil, nil
	}
	c := &checker{pass: pass, r: r, insp: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)}
	c.detached()
	c.parentUsed()
	c.uncancellableLoops()
	if c.mayCaptureStale() {
		c.staleCaptures(analysisutil.BuildSSA(pass)) // SSA only where a stale capture is possible
	}
	return nil, nil
}

// usesContexts reports whether the package can hold contexts the checks are
// about: it imports context, net/http (r.Context()), os/signal
// (NotifyContext) or errgroup.
func usesContexts(pass *analysis.Pass) bool {
	return analysisutil.Imports(pass.Pkg, "context", "net/http", "os/signal", "golang.org/x/sync/errgroup")
}
