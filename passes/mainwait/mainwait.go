package mainwait

import (
	_ "embed"
	"go/ast"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var docSource string

const checkReturnsWithoutWait = "main-returns-without-wait"

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("mainwait", docSource,
	analysisutil.Check{Slug: checkReturnsWithoutWait, Default: true, Since: "v0.1.0"},
)

// Analyzer is the mainwait analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "mainwait",
	Doc:       Catalog.Doc(),
	URL:       Catalog.URL(),
	Requires:  []*analysis.Analyzer{analysisutil.DirectivesAnalyzer},
	FactTypes: []analysis.Fact{new(waitsFact)},
	Run:       run,
}

func run(pass *analysis.Pass) (any, error) {
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()
	waits := exportWaitFacts(pass)
	if pass.Pkg.Name() != "main" || !analysisutil.HandlesTermination(pass) {
		// Only main, and the run function it delegates to, decide when the
		// process ends; a program that handles no termination signal has
		// no graceful shutdown to cut short (its goroutines stop with it by
		// design, as in a command-line tool that gives up after a timeout).
		return nil, nil
	}
	for _, fd := range targets(pass, waits) {
		s := newShape(pass, waits, fd)
		if s == nil {
			continue
		}
		for _, f := range s.findings() {
			r.Reportf(checkReturnsWithoutWait, f.at, "%s", f.message)
		}
	}
	return nil, nil
}

// targets returns main.main and the functions and methods of the package
// whose result main hands to os.Exit or checks as its outcome:
// `os.Exit(run())`, `if err := m.Run(args); err != nil {...}`, and in turn
// the functions whose outcome those return or check last (run → serve). The process ends when
// they return. waits holds the package's functions that wait.
func targets(pass *analysis.Pass, waits map[*types.Func]bool) []*ast.FuncDecl {
	decls := make(map[*types.Func]*ast.FuncDecl)
	var mainDecl *ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				decls[fn] = fd
			}
			if fd.Recv == nil && fd.Name.Name == "main" && fd.Type.TypeParams == nil {
				mainDecl = fd
			}
		}
	}
	if mainDecl == nil {
		return nil
	}
	out := []*ast.FuncDecl{mainDecl}
	seen := map[*ast.FuncDecl]bool{mainDecl: true}
	// A target's outcome calls are targets too, two levels below main at
	// most: main → run → serve.
	for i, depth := 0, 0; i < len(out) && depth < 2; depth++ {
		for end := len(out); i < end; i++ {
			body := out[i].Body.List
			for j, st := range body {
				if !endsMain(pass, waits, body[j+1:]) {
					continue
				}
				ast.Inspect(st, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
						return false
					case *ast.CallExpr:
						fn := analysisutil.Callee(pass.TypesInfo, n)
						if fn == nil || fn.Pkg() != pass.Pkg {
							return true
						}
						fn = fn.Origin() // a method of a generic type: its declaration
						if fd := decls[fn]; fd != nil && !seen[fd] && isOutcome(fn.Signature()) {
							seen[fd] = true
							out = append(out, fd)
						}
					}
					return true
				})
			}
		}
	}
	return out
}

// endsMain reports whether the statements that follow a call in main only
// deal with its outcome: they start no goroutine and wait for nothing (no
// call of a function that waits, such as the run that follows a setup
// step), so the process ends when the call returns.
func endsMain(pass *analysis.Pass, waits map[*types.Func]bool, rest []ast.Stmt) bool {
	for _, st := range rest {
		busy := false
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt, *ast.SelectStmt:
				busy = true
			case *ast.UnaryExpr:
				busy = busy || n.Op.String() == "<-"
			case *ast.CallExpr:
				if fn := analysisutil.Callee(pass.TypesInfo, n); fn != nil && (analysisutil.IsLauncher(fn) || callWaits(pass, waits, fn)) {
					busy = true
				}
			}
			return !busy
		})
		if busy {
			return false
		}
	}
	return true
}

// isOutcome reports whether sig returns one int (an exit code) or one error.
func isOutcome(sig *types.Signature) bool {
	if sig.Results().Len() != 1 {
		return false
	}
	t := sig.Results().At(0).Type()
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Int {
		return true
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// callWaits reports whether a call of fn blocks until other work is done:
// a wait primitive, or a function of this package or another with the
// waits fact.
func callWaits(pass *analysis.Pass, waits map[*types.Func]bool, fn *types.Func) bool {
	return isWaitFunc(fn) || waits[fn] || pass.ImportObjectFact(fn, new(waitsFact))
}
