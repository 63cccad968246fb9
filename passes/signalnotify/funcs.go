package signalnotify

import (
	"go/ast"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// enclosingFunc returns the function whose call runs the code at cur: the
// innermost *ast.FuncDecl or *ast.FuncLit, where a function literal called
// or deferred on the spot belongs to the function around it.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if _, ok := fc.Node().(*ast.FuncLit); ok && isCalledOnTheSpot(fc) {
			continue
		}
		return fc, true
	}
	return inspector.Cursor{}, false
}

// isCalledOnTheSpot reports whether the function literal at lit is called
// where it is written, in the same goroutine: func(){...}() or
// defer func(){...}(), but not go func(){...}().
func isCalledOnTheSpot(lit inspector.Cursor) bool {
	if lit.ParentEdgeKind() != edge.CallExpr_Fun {
		return false
	}
	_, isGo := lit.Parent().Parent().Node().(*ast.GoStmt)
	return !isGo
}

// funcObject returns the function a FuncDecl declares, or nil for a FuncLit.
func (pi *pkgInfo) funcObject(fn ast.Node) *types.Func {
	if fd, ok := fn.(*ast.FuncDecl); ok {
		obj, _ := pi.pass.TypesInfo.Defs[fd.Name].(*types.Func)
		return obj
	}
	return nil
}

// isMainOrRun reports whether fn is main, or the function main delegates
// its whole body to (see mainDelegate).
func (pi *pkgInfo) isMainOrRun(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	main, run := pi.mainFuncs()
	return fn == main || fn == run
}

// mainFuncs returns func main of package main and the function it
// delegates to, or nils.
func (pi *pkgInfo) mainFuncs() (main, run *types.Func) {
	if pi.mainDone {
		return pi.main, pi.run
	}
	pi.mainDone = true
	if pi.pass.Pkg.Name() != "main" {
		return nil, nil
	}
	for _, f := range pi.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Name.Name != "main" || fd.Body == nil {
				continue
			}
			pi.main, _ = pi.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			pi.run = pi.mainDelegate(fd.Body)
		}
	}
	return pi.main, pi.run
}

// mainDelegate returns the function of the package that main's body
// delegates to: the only one called by main's last statement that calls any
// function of the package, when the statements after it call nothing of
// the package either.
//
//	func main() { if err := run(); err != nil { log.Fatal(err) } }
//	func main() { os.Exit(run()) }
//	func main() { flag.Parse(); code := app.Run(); os.Exit(code) }
func (pi *pkgInfo) mainDelegate(body *ast.BlockStmt) *types.Func {
	for i := len(body.List) - 1; i >= 0; i-- {
		callees := pi.localCallees(body.List[i])
		switch len(callees) {
		case 0:
			continue
		case 1:
			for fn := range callees {
				return fn
			}
		}
		return nil
	}
	return nil
}

// localCallees returns the functions and methods of the package that n
// calls, outside function literals and go statements.
func (pi *pkgInfo) localCallees(n ast.Node) map[*types.Func]bool {
	callees := make(map[*types.Func]bool)
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			if fn := analysisutil.Callee(pi.pass.TypesInfo, n); fn != nil && fn.Pkg() == pi.pass.Pkg {
				callees[fn] = true
			}
		}
		return true
	})
	return callees
}

// sameVar reports whether a and b denote the same variable or field
// selection: c and c, s.sig and s.sig.
func sameVar(info *types.Info, a, b ast.Expr) bool {
	va, ok1 := varOf(info, a)
	vb, ok2 := varOf(info, b)
	return ok1 && ok2 && va == vb && types.ExprString(ast.Unparen(a)) == types.ExprString(ast.Unparen(b))
}
