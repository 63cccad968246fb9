package httpshutdown

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
	checkClosedAsFailure = "server-closed-as-failure"
	checkNoDeadline      = "shutdown-without-deadline"
	checkDoneContext     = "shutdown-with-done-context"
	checkUnstoppable     = "unstoppable-server"
)

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("httpshutdown", docSource,
	analysisutil.Check{Slug: checkClosedAsFailure, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: checkNoDeadline, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: checkDoneContext, Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: checkUnstoppable, Default: true, Since: "v0.1.0"},
)

// Analyzer is the httpshutdown analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "httpshutdown",
	Doc:      Catalog.Doc(),
	URL:      Catalog.URL(),
	Requires: []*analysis.Analyzer{analysisutil.DirectivesAnalyzer, inspect.Analyzer},
	Run:      run,
}

// state is what the checks of one package share.
type state struct {
	pass            *analysis.Pass
	r               *analysisutil.Reporter
	info            *types.Info
	insp            *inspector.Inspector
	alias           *aliases
	errServerClosed types.Object // http.ErrServerClosed
	mentions        map[ast.Node]bool
}

func run(pass *analysis.Pass) (any, error) {
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()
	httpPkg := importedPackage(pass.Pkg, "net/http")
	if httpPkg == nil {
		return nil, nil // no servers, no serve calls
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	st := &state{
		pass:            pass,
		r:               r,
		info:            pass.TypesInfo,
		insp:            insp,
		alias:           collectAliases(pass.TypesInfo, insp),
		errServerClosed: httpPkg.Scope().Lookup("ErrServerClosed"),
		mentions:        make(map[ast.Node]bool),
	}
	serves := serverCalls(st.info, insp, serveMethods)
	closers := serverCalls(st.info, insp, closeMethods)
	checkServeErrors(st, serves, closers)
	checkShutdownContexts(st, closers)
	checkUnstoppableServers(st, serves, closers)
	return nil, nil
}

// importedPackage returns the package path that pkg imports directly, or nil.
func importedPackage(pkg *types.Package, path string) *types.Package {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}
