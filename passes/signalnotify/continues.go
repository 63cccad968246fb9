package signalnotify

import (
	"go/ast"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"

	"golang.org/x/tools/go/ast/inspector"
)

// maxCallerDepth bounds how many callers up programContinuesAfter looks.
const maxCallerDepth = 3

// programContinuesAfter reports whether, after the function fn returns, the
// program visibly goes on with work that Ctrl+C or SIGTERM should still be
// able to interrupt: fn is a goroutine (the program outlives it), or a
// caller does more than print, log or exit after calling it, directly or
// through a deferred call, up to depth callers up. It is false for main,
// for callbacks and function values (their callers are unknown), and for
// exported functions nothing in the package calls.
//
//	func serve() { start(); waitForSignal(); srv.Shutdown(ctx) }
func (pi *pkgInfo) programContinuesAfter(fn ast.Node, depth int) bool {
	idx := pi.funcIndex()
	switch fn := fn.(type) {
	case *ast.FuncLit:
		_, launched := idx.launched[fn]
		return launched
	case *ast.FuncDecl:
		obj, _ := pi.pass.TypesInfo.Defs[fn.Name].(*types.Func)
		if obj == nil || depth == 0 {
			return false
		}
		if main, _ := pi.mainFuncs(); obj == main {
			return false
		}
		for _, r := range idx.refs[obj] {
			if r.launch || r.call.Valid() && pi.continuesAfterCall(r.call, depth) {
				return true
			}
		}
	}
	return false
}

// continuesAfterCall reports whether the caller has work left when the
// call returns: in the statements after it, in its loop, in deferred calls
// registered before it, or after the caller itself returns.
func (pi *pkgInfo) continuesAfterCall(call inspector.Cursor, depth int) bool {
	fc, ok := enclosingFunc(call)
	if !ok {
		return false
	}
	for d := range fc.Preorder((*ast.DeferStmt)(nil)) {
		if d.Node().Pos() < call.Node().Pos() && pi.hasWork(d.Node(), call.Node()) {
			return true
		}
	}
	stmt, ok := enclosingListStmt(call)
	for ok {
		switch stmt.Node().(type) {
		case *ast.CaseClause, *ast.CommClause:
			stmt, ok = enclosingListStmt(stmt.Parent())
			continue
		case *ast.ForStmt, *ast.RangeStmt:
			if pi.hasWork(stmt.Node(), call.Node()) {
				return true // the loop runs again
			}
		}
		for next, more := stmt.NextSibling(); more; next, more = next.NextSibling() {
			if pi.hasWork(next.Node(), call.Node()) {
				return true
			}
		}
		stmt, ok = enclosingListStmt(stmt.Parent())
	}
	return pi.programContinuesAfter(fc.Node(), depth-1)
}

// quietPackages are packages whose functions do no work that needs a
// working Ctrl+C: printing, logging, building errors and strings.
var quietPackages = setOf("fmt", "log", "log/slog", "errors", "strings", "strconv", "os/signal")

// hasWork reports whether n, outside the node skip, calls a function that
// may take time: anything but builtins, conversions, printing and logging
// (quietPackages), methods of error, context cancel functions (the stop of
// NotifyContext), and functions that never return.
func (pi *pkgInfo) hasWork(n, skip ast.Node) bool {
	info := pi.pass.TypesInfo
	work := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if work || n == skip {
			return false
		}
		if !ok {
			return true
		}
		if tv := info.Types[call.Fun]; tv.IsType() || tv.IsBuiltin() ||
			analysisutil.IsNamedType(tv.Type, "context", "CancelFunc") || analysisutil.IsNamedType(tv.Type, "context", "CancelCauseFunc") {
			return true
		}
		fn, _ := analysisutil.CalleeObject(info, call).(*types.Func)
		switch {
		case fn == nil:
			work = true
		case fn.Pkg() != nil && quietPackages[fn.Pkg().Path()], analysisutil.IsNoReturn(fn), isErrorMethod(fn):
		default:
			work = true
		}
		return !work
	})
	return work
}

// isErrorMethod reports whether fn is the Error method of an error.
func isErrorMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return fn.Name() == "Error" && recv != nil && types.Implements(recv.Type(), errorType)
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
