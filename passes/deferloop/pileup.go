package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
)

// checkPileUp reports the defer of s unless it runs only on failure, the
// iteration acquires nothing it releases, hands what it acquires on beyond
// the iteration, or releases it explicitly on every path to the next
// iteration.
func checkPileUp(r *analysisutil.Reporter, s *site, g *cfg.CFG) {
	if isConditionalCleanup(s) {
		return
	}
	if isTestFile(s) {
		return // a pile-up in a test lasts until the test returns: harmless or deliberate
	}
	if hs := holdersOf(s); !acquiresPerIteration(s, hs) || escapes(s, hs) || isWorkBeforeRelease(s, hs) {
		return
	}
	if rels := releasesOf(s); len(rels) > 0 && !repeats(g, s.stmt, func(n ast.Node) bool { return releasesAny(s.pass.TypesInfo, n, rels) }) {
		return // a fallback: every iteration releases explicitly
	}
	d := analysis.Diagnostic{
		Pos:      s.stmt.Defer,
		End:      s.stmt.Defer + token.Pos(len("defer")),
		Category: slugInLoop,
		Message:  "defer in loop: " + pileDescription(s) + " per iteration piles up until " + s.funcName() + " returns",
	}
	if fix, ok := wrapFix(s); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	r.Report(d)
}

// isTestFile reports whether the defer of s is in a _test.go file.
func isTestFile(s *site) bool {
	return strings.HasSuffix(s.pass.Fset.File(s.stmt.Pos()).Name(), "_test.go")
}

// isConditionalCleanup reports whether the deferred call is a closure whose
// every statement is an if without else guarded by a flag the function sets
// later: an error (the failure-only cleanup idiom) or a bool (a closed or
// committed flag), declared outside the closure and either a named result
// or assigned after its declaration outside the closure.
//
//	defer func() { if err != nil { f.Close() } }()
//	defer func() { if !closed { f.Close() } }()
func isConditionalCleanup(s *site) bool {
	lit := s.deferredLit()
	if lit == nil || len(lit.Body.List) == 0 {
		return false
	}
	for _, stmt := range lit.Body.List {
		ifs, ok := stmt.(*ast.IfStmt)
		if !ok || ifs.Else != nil || !hasGuard(s, lit, ifs.Cond) {
			return false
		}
	}
	return true
}

// hasGuard reports whether cond reads a guard flag of the deferred closure
// lit (see isConditionalCleanup).
func hasGuard(s *site, lit *ast.FuncLit, cond ast.Expr) bool {
	info := s.pass.TypesInfo
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if found || !ok {
			return !found
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.IsField() || within(lit, v.Pos()) || !isFlagType(v.Type()) {
			return true
		}
		found = s.isResult(v) || analysisutil.Reassigns(info, s.body, v, lit)
		return !found
	})
	return found
}

// isFlagType reports whether t is bool or error, the types of the flags
// that decide whether a fallback cleanup runs.
func isFlagType(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return true
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// A release is a call that gives back what a deferred call holds: a method
// of a receiver (f.Close, tx.Rollback), or a call of a function value
// (cancel, a sync.OnceFunc closer).
type release struct {
	method *types.Func // nil for a function value
	ref    ast.Expr    // the receiver, or the function value: a variable or a field path
}

// releasesOf returns the releases the defer of s performs: its call, or the
// calls in its closure.
func releasesOf(s *site) []release {
	info := s.pass.TypesInfo
	if lit := s.deferredLit(); lit != nil {
		var rels []release
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if rel, ok := releaseOf(info, call); ok {
					rels = append(rels, rel)
				}
			}
			return true
		})
		return rels
	}
	if rel, ok := releaseOf(info, s.stmt.Call); ok {
		return []release{rel}
	}
	return nil
}

// releaseOf describes call as a release: a method call on a variable or
// field path (f.Close(), resp.Body.Close()), or the call of a function
// value held in one (cancel(), s.stop()).
func releaseOf(info *types.Info, call *ast.CallExpr) (release, bool) {
	fun := ast.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if selection := info.Selections[sel]; selection != nil && selection.Kind() == types.MethodVal {
			if isVarPath(info, sel.X) {
				return release{method: selection.Obj().(*types.Func).Origin(), ref: sel.X}, true
			}
			return release{}, false
		}
	}
	if isVarPath(info, fun) {
		if _, ok := info.TypeOf(fun).Underlying().(*types.Signature); ok {
			return release{ref: fun}, true
		}
	}
	return release{}, false
}

// releasesAny reports whether n, outside defer statements, calls one of
// rels, or the Commit of a receiver whose Rollback is deferred.
func releasesAny(info *types.Info, n ast.Node, rels []release) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.DeferStmt); ok || found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		got, ok := releaseOf(info, call)
		if !ok {
			return true
		}
		for _, rel := range rels {
			if sameRelease(info, rel, got) {
				found = true
			}
		}
		return !found
	})
	return found
}

// sameRelease reports whether the explicit call got releases what the
// deferred call rel does: the same method or function value on the same
// variable, or Commit where Rollback is deferred.
func sameRelease(info *types.Info, rel, got release) bool {
	if !sameVarPath(info, rel.ref, got.ref) {
		return false
	}
	switch {
	case rel.method == nil || got.method == nil:
		return rel.method == got.method
	case rel.method == got.method:
		return true
	}
	return rel.method.Name() == "Rollback" && got.method.Name() == "Commit"
}

// isVarPath reports whether e is a variable or a field path from one:
// f, resp.Body, s.conn.
func isVarPath(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		return sel != nil && sel.Kind() == types.FieldVal && isVarPath(info, e.X)
	case *ast.StarExpr:
		return isVarPath(info, e.X)
	}
	return false
}

// sameVarPath reports whether the variable paths a and b denote the same
// variable or field path.
func sameVarPath(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && info.Uses[a] != nil && info.Uses[a] == info.Uses[b]
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		return ok && info.Uses[a.Sel] == info.Uses[b.Sel] && sameVarPath(info, a.X, b.X)
	case *ast.StarExpr:
		b, ok := b.(*ast.StarExpr)
		return ok && sameVarPath(info, a.X, b.X)
	}
	return false
}

// pileDescription says what one iteration leaves behind: "one open file
// (f)", "one held lock (mu)", "one pending call of wg.Done".
func pileDescription(s *site) string {
	info := s.pass.TypesInfo
	if lit := s.deferredLit(); lit != nil {
		desc := ""
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && desc == "" {
				desc = resourceOf(info, call)
			}
			return desc == ""
		})
		if desc == "" {
			return "one deferred function literal"
		}
		return desc
	}
	if desc := resourceOf(info, s.stmt.Call); desc != "" {
		return desc
	}
	return "one pending call of " + types.ExprString(s.stmt.Call.Fun)
}

// resourceOf names what call releases, "one open file (f)", or "" when it
// is not a known release.
func resourceOf(info *types.Info, call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	if analysisutil.IsNamedType(info.TypeOf(fun), "context", "CancelFunc") ||
		analysisutil.IsNamedType(info.TypeOf(fun), "context", "CancelCauseFunc") {
		return "one uncancelled context (" + types.ExprString(fun) + ")"
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	fn := analysisutil.Callee(info, call)
	if fn == nil || fn.Signature().Recv() == nil {
		return ""
	}
	what := resourceKind(info, fn, sel.X)
	if what == "" {
		return ""
	}
	return "one " + what + " (" + types.ExprString(sel.X) + ")"
}

// resourceKind names the resource the method fn releases on recv: "open
// file", "held lock", "unclosed zip.Reader"; "" when fn releases nothing
// known.
func resourceKind(info *types.Info, fn *types.Func, recv ast.Expr) string {
	recvType := info.TypeOf(recv)
	switch {
	case analysisutil.IsMethod(fn, "os", "File", "Close"):
		return "open file"
	case fn.Name() == "Close" && isResponseBody(info, recv):
		return "open response body"
	case analysisutil.IsMethod(fn, "database/sql", "Rows", "Close"):
		return "open result set"
	case analysisutil.IsMethod(fn, "database/sql", "Stmt", "Close"):
		return "open prepared statement"
	case analysisutil.IsMethod(fn, "database/sql", "Tx", "Rollback"):
		return "open transaction"
	case analysisutil.IsMethod(fn, "database/sql", "Conn", "Close"):
		return "reserved database connection"
	case analysisutil.IsMethod(fn, "sync", "Mutex", "Unlock"), analysisutil.IsMethod(fn, "sync", "RWMutex", "Unlock"),
		analysisutil.IsMethod(fn, "sync", "Locker", "Unlock"):
		return "held lock"
	case analysisutil.IsMethod(fn, "sync", "RWMutex", "RUnlock"):
		return "held read lock"
	case analysisutil.IsMethod(fn, "time", "Timer", "Stop"):
		return "running timer"
	case analysisutil.IsMethod(fn, "time", "Ticker", "Stop"):
		return "running ticker"
	case fn.Name() == "Close" && isNetType(recvType, "Listener"):
		return "open listener"
	case fn.Name() == "Close" && isNetType(recvType, "Conn"):
		return "open connection"
	case fn.Name() == "Close":
		return "unclosed " + typeName(recvType)
	}
	return ""
}

// isResponseBody reports whether e is the Body of an *http.Response.
func isResponseBody(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Body" && analysisutil.IsNamedType(info.TypeOf(sel.X), "net/http", "Response")
}

// isNetType reports whether t is the net interface kind ("Conn",
// "Listener") or a type of package net whose name ends with kind
// (*net.TCPConn, *net.UnixListener).
func isNetType(t types.Type, kind string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "net" {
		return false
	}
	name := n.Obj().Name()
	return len(name) >= len(kind) && name[len(name)-len(kind):] == kind
}

// typeName writes t without its pointer and with package names:
// zip.ReadCloser.
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
