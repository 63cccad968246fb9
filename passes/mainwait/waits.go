package mainwait

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// waitsFact marks a function that blocks until something else happens
// before it returns: it receives from a channel, selects, sleeps, or calls
// a waiting function such as sync.WaitGroup.Wait. A call of it after the
// shutdown is triggered counts as waiting for the goroutines.
type waitsFact struct{}

func (*waitsFact) AFact()         {}
func (*waitsFact) String() string { return "waits" }

// waitFuncs are the blocking primitives of the standard library and of
// golang.org/x/sync whose bodies do not show a channel operation.
var waitFuncs = []struct{ pkg, recv, name string }{
	{"sync", "WaitGroup", "Wait"},
	{"sync", "Cond", "Wait"},
	{"time", "", "Sleep"},
	{"os", "Process", "Wait"},
	{"os/exec", "Cmd", "Wait"},
	{"os/exec", "Cmd", "Run"},
	{"net/http", "Server", "Shutdown"},
	{"golang.org/x/sync/errgroup", "Group", "Wait"},
}

// inGOROOT reports whether the package's files lie in the standard
// library's source tree.
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || build.Default.GOROOT == "" {
		return false
	}
	src := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(pass.Fset.File(pass.Files[0].Pos()).Name(), src)
}

// dynamicWaitNames are the method names of interface and function-value
// calls that are taken to wait: the callee is unknown, and such a method
// usually blocks until the work it stops has finished.
var dynamicWaitNames = []string{"Wait", "Shutdown", "Stop", "GracefulStop", "Close", "Join"}

// isWaitFunc reports whether fn is one of waitFuncs.
func isWaitFunc(fn types.Object) bool {
	for _, w := range waitFuncs {
		if w.recv == "" && analysisutil.IsFunc(fn, w.pkg, w.name) ||
			w.recv != "" && analysisutil.IsMethod(fn, w.pkg, w.recv, w.name) {
			return true
		}
	}
	return false
}

// exportWaitFacts computes which functions and methods of the package
// wait, and exports the fact for them. It reads only the syntax of the
// package's bodies and the facts of its imports, so it is cheap enough to
// run on every dependency; the standard library is skipped (its waits are
// the table waitFuncs: a fact computed over std would find a blocking
// receive somewhere below most of its functions).
func exportWaitFacts(pass *analysis.Pass) map[*types.Func]bool {
	waits := make(map[*types.Func]bool)
	if inGOROOT(pass) {
		return waits // the standard library's waits are the table waitFuncs
	}
	callees := make(map[*types.Func][]*types.Func) // same-package calls, for the fixpoint
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			direct, local := bodyWaits(pass, fd.Body)
			if direct {
				waits[fn] = true
			}
			callees[fn] = local
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, cs := range callees {
			if waits[fn] {
				continue
			}
			for _, c := range cs {
				if waits[c] {
					waits[fn], changed = true, true
					break
				}
			}
		}
	}
	for fn := range waits {
		pass.ExportObjectFact(fn, new(waitsFact))
	}
	return waits
}

// bodyWaits reports whether body waits directly (a receive, a select
// without default, a range over a channel, a wait primitive, a call of a
// function of another package that waits), and returns the functions of
// this package it calls, whose facts are not known yet. Function literals
// and go statements are not part of the body's own execution.
func bodyWaits(pass *analysis.Pass, body *ast.BlockStmt) (direct bool, local []*types.Func) {
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if direct {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.UnaryExpr:
			if n.Op.String() == "<-" {
				direct = true
			}
		case *ast.SelectStmt:
			if !hasDefault(n) {
				direct = true
				return false
			}
			// A select with a default never blocks: only its case bodies may wait.
			for _, c := range n.Body.List {
				for _, st := range c.(*ast.CommClause).Body {
					ast.Inspect(st, visit)
				}
			}
			return false
		case *ast.RangeStmt:
			if t := pass.TypesInfo.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					direct = true
				}
			}
		case *ast.CallExpr:
			fn := analysisutil.Callee(pass.TypesInfo, n)
			if fn == nil {
				return true
			}
			switch {
			case isWaitFunc(fn):
				direct = true
			case fn.Pkg() == nil:
			case fn.Pkg() == pass.Pkg:
				local = append(local, fn)
			case pass.ImportObjectFact(fn, new(waitsFact)):
				direct = true
			}
		}
		return true
	}
	ast.Inspect(body, visit)
	return direct, local
}

// hasDefault reports whether the select statement has a default case.
func hasDefault(s *ast.SelectStmt) bool {
	for _, c := range s.Body.List {
		if cc, ok := c.(*ast.CommClause); ok && cc.Comm == nil {
			return true
		}
	}
	return false
}
