package recoverpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A start is the start of a goroutine: a go statement, a launcher method
// (errgroup's Go, sync.WaitGroup.Go), or the call of a launcher wrapper
// whose fact says it runs an argument in a goroutine.
type start struct {
	pos       token.Pos // the go keyword, the launcher's method name, or the wrapper call
	end       token.Pos
	fun       ast.Expr // the goroutine's function
	recovered bool     // started through a wrapper that recovers around it
	wrapper   string   // the wrapper, for messages: " started by lib.Go"; "" otherwise
}

// checkGoroutines reports the goroutines whose function has no deferred
// recover: those started by a function that installs one
// (goroutine-escapes-recover) and, with -recoverpath.strict, all others
// (goroutine-without-recover). Goroutines whose function is not known (a
// function value, an interface method) are not reported.
//
// Both are silent in _test.go files: a panic there fails the test run
// visibly, and a test's recover usually asserts an expected panic.
func (c *checker) checkGoroutines(root inspector.Cursor) {
	for cur := range root.Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		if isTestFile(c.pass, cur.Node().Pos()) {
			continue
		}
		for _, st := range c.startsAt(cur) {
			if st.recovered {
				continue
			}
			protected, known, name := c.goroutineFunc(cur, st.fun)
			if protected || !known {
				continue
			}
			if host, ok := c.recoveringHost(cur); ok {
				c.r.Report(analysis.Diagnostic{
					Pos: st.pos, End: st.end, Category: slugEscapes,
					Message: "goroutine running " + name + st.wrapper + " escapes the deferred recover of " + host + ": a panic in it crashes the process and skips every deferred cleanup",
				})
				continue
			}
			c.r.Report(analysis.Diagnostic{
				Pos: st.pos, End: st.end, Category: slugWithout,
				Message: "goroutine running " + name + st.wrapper + " has no deferred recover: a panic in it crashes the process and skips every deferred cleanup",
			})
		}
	}
}

// startsAt returns the goroutine starts at cur: a go statement or launcher
// call, or the calls of a launcher wrapper (SafeGo(fn)).
func (c *checker) startsAt(cur inspector.Cursor) []start {
	info := c.pass.TypesInfo
	n := cur.Node()
	if l, ok := analysisutil.LaunchOf(info, n); ok {
		end := l.Pos + token.Pos(len("go"))
		if _, isGo := n.(*ast.GoStmt); !isGo {
			end = l.Node.(*ast.CallExpr).Fun.End()
		}
		return []start{{pos: l.Pos, end: end, fun: l.Fun}}
	}
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil
	}
	var starts []start
	for _, arg := range c.facts.wrapperArgs(call) {
		starts = append(starts, start{pos: call.Pos(), end: call.Fun.End(), fun: arg.fun, recovered: arg.recovered, wrapper: " started by " + types.ExprString(call.Fun)})
	}
	return starts
}

// goroutineFunc reports whether the goroutine function fun, started at
// cur, is protected by a deferred recover, whether that is known, and
// names it for messages. A literal is protected when it installs a
// recover or only calls a function that does; a function or method when
// its fact says it installs one. A function value, an interface method,
// and a literal that only runs a function parameter of a launcher wrapper
// (whose callers are judged instead) are unknown.
func (c *checker) goroutineFunc(cur inspector.Cursor, fun ast.Expr) (protected, known bool, name string) {
	info := c.pass.TypesInfo
	fun = ast.Unparen(fun)
	if lit, ok := fun.(*ast.FuncLit); ok {
		if c.runsWrapperParam(cur, lit) {
			return false, false, ""
		}
		return c.facts.installsRecover(lit.Body) || c.onlyCallsProtected(lit.Body), true, "a function literal"
	}
	fn := staticFunc(info, fun)
	if fn == nil {
		return false, false, ""
	}
	f := c.facts.of(fn)
	return f != nil && f.Defers, true, types.ExprString(fun)
}

// staticFunc returns the function or concrete method that fun denotes, or
// nil for function values and interface methods.
func staticFunc(info *types.Info, fun ast.Expr) *types.Func {
	switch fun := fun.(type) {
	case *ast.Ident:
		fn, _ := info.Uses[fun].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		sel := info.Selections[fun]
		if sel == nil {
			fn, _ := info.Uses[fun.Sel].(*types.Func)
			return fn
		}
		if sel.Kind() == types.MethodVal && !types.IsInterface(sel.Recv()) {
			fn, _ := sel.Obj().(*types.Func)
			return fn
		}
	case *ast.IndexExpr: // an explicit instantiation, f[T]
		return staticFunc(info, fun.X)
	}
	return nil
}

// onlyCallsProtected reports whether body, leaving out defer statements
// and a final return of values that cannot panic, is a single call of a
// function that installs a deferred recover:
//
//	go func() { defer wg.Done(); s.serve(conn) }()
//	g.Go(func() error { s.serve(conn); return nil })
func (c *checker) onlyCallsProtected(body *ast.BlockStmt) bool {
	var rest []ast.Stmt
	for _, stmt := range body.List {
		if _, ok := stmt.(*ast.DeferStmt); !ok {
			rest = append(rest, stmt)
		}
	}
	if len(rest) == 2 && isPlainReturn(rest[1]) {
		rest = rest[:1]
	}
	if len(rest) != 1 {
		return false
	}
	var call *ast.CallExpr
	switch stmt := rest[0].(type) {
	case *ast.ExprStmt:
		call, _ = ast.Unparen(stmt.X).(*ast.CallExpr)
	case *ast.AssignStmt:
		if len(stmt.Rhs) == 1 {
			call, _ = ast.Unparen(stmt.Rhs[0]).(*ast.CallExpr)
		}
	case *ast.ReturnStmt:
		if len(stmt.Results) == 1 {
			call, _ = ast.Unparen(stmt.Results[0]).(*ast.CallExpr)
		}
	}
	if call == nil {
		return false
	}
	f := c.facts.of(analysisutil.Callee(c.pass.TypesInfo, call))
	return f != nil && f.Defers
}

// isPlainReturn reports whether stmt is a return whose results are only
// identifiers and basic literals, which cannot panic:
//
//	return nil
func isPlainReturn(stmt ast.Stmt) bool {
	ret, ok := stmt.(*ast.ReturnStmt)
	if !ok {
		return false
	}
	for _, res := range ret.Results {
		switch ast.Unparen(res).(type) {
		case *ast.Ident, *ast.BasicLit:
		default:
			return false
		}
	}
	return true
}

// runsWrapperParam reports whether the goroutine literal lit, started at
// cur, calls a function parameter of the function declaration around it:
// the goroutine of a launcher wrapper, whose callers are judged instead.
//
//	func Go(fn func()) { go func() { defer wg.Done(); fn() }() }
func (c *checker) runsWrapperParam(cur inspector.Cursor, lit *ast.FuncLit) bool {
	var decl *ast.FuncDecl
	for d := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl = d.Node().(*ast.FuncDecl)
		break
	}
	if decl == nil {
		return false
	}
	params := funcParams(c.pass.TypesInfo, decl)
	found := false
	inspectOwn(lit.Body, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
					_, isParam := params[v]
					found = found || isParam
				}
			}
		}
	})
	return found
}

// recoveringHost returns the name of the function around cur when it
// installs a deferred recover itself before cur: a goroutine started
// before the recover is deferred was not written under its protection
// (testing's runExample starts its stdout copier, then defers the recover
// meant for the example).
//
//	defer handlePanic(); go work()    // work escapes handlePanic
//	go copyOutput(); defer handlePanic()    // not the recover's work
func (c *checker) recoveringHost(cur inspector.Cursor) (string, bool) {
	fnCur, ok := enclosingFunc(cur)
	if !ok {
		return "", false
	}
	if first := c.facts.firstRecoverDefer(funcBody(fnCur.Node())); !first.IsValid() || first > cur.Node().Pos() {
		return "", false
	}
	if fd, ok := fnCur.Node().(*ast.FuncDecl); ok {
		return fd.Name.Name, true
	}
	return "the function literal", true
}
