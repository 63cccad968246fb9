package recoverpath

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// How a function literal is run.
type litUse int

const (
	useUnknown  litUse = iota // passed on, stored, returned: silent
	useDeferred               // defer func() { ... }(), or a variable deferred
	useGo                     // go func() { ... }()
	useCalled                 // func() { ... }(), or a variable only called
)

// checkRecover reports the recover call at cur when it can never stop a
// panic: deferred or started as a goroutine itself, or called by a
// function literal that is called, not deferred, or by main or init.
func (c *checker) checkRecover(cur inspector.Cursor, call *ast.CallExpr) {
	switch cur.Parent().Node().(type) {
	case *ast.DeferStmt:
		c.reportNotInDefer(call, "defer recover() does not stop a panic: recover must be called by the deferred function, as in defer func() { recover() }()")
		return
	case *ast.GoStmt:
		c.reportNotInDefer(call, "go recover() never stops a panic: recover must be called by a deferred function")
		return
	}
	fnCur, ok := enclosingFunc(cur)
	if !ok || repanickedRecovers(c.pass.TypesInfo, funcBody(fnCur.Node()))[call] {
		return // a look at the value before a re-panic: the panic goes on anyway
	}
	switch fn := fnCur.Node().(type) {
	case *ast.FuncDecl:
		if isMainOrInit(c.pass, fn) {
			c.reportNotInDefer(call, "recover in the body of "+fn.Name.Name+", not in a deferred function, always returns nil: the panic goes on and crashes the process")
		}
	case *ast.FuncLit:
		use, callSite := c.useOf(fnCur)
		switch {
		case use == useGo:
			c.reportNotInDefer(call, "recover in the function of a go statement, not in a deferred function, always returns nil: a panic in the goroutine crashes the process")
		case use == useCalled && c.inDeferredLit(callSite):
			c.reportNotInDefer(call, "recover in a function literal that the deferred function calls always returns nil: only the deferred function itself can stop the panic, which goes on and crashes the process")
		case use == useCalled:
			c.reportNotInDefer(call, "recover in a function literal that is called, not deferred, always returns nil: the panic goes on and crashes the process")
		}
	}
}

func (c *checker) reportNotInDefer(call *ast.CallExpr, msg string) {
	c.notInDefer[call] = true
	c.r.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: slugNotInDefer, Message: msg})
}

// checkHelperCall reports the call at cur of fn, a function that calls
// recover itself, unless it is deferred: called by a deferred literal, run
// as a goroutine or called in straight-line code, its recover returns nil.
// A call made by a function that recovers itself is not reported: the
// panic has been stopped there.
func (c *checker) checkHelperCall(cur inspector.Cursor, call *ast.CallExpr) {
	name, text := types.ExprString(call.Fun), types.ExprString(call)
	switch cur.Parent().Node().(type) {
	case *ast.DeferStmt:
		return
	case *ast.GoStmt:
		c.r.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: slugNotInDefer,
			Message: "recovering helper " + name + " runs as a goroutine's function, not deferred: its recover returns nil and a panic crashes the process",
		})
		return
	}
	fnCur, ok := enclosingFunc(cur)
	if !ok || callsRecover(c.pass.TypesInfo, funcBody(fnCur.Node())) {
		return
	}
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: slugNotInDefer}
	if use, _ := c.useOf(fnCur); use == useDeferred {
		d.Message = "recovering helper " + name + " is called by this deferred function literal, not deferred itself: its recover returns nil and the panic goes on; defer " + text + " instead"
		if fix, ok := c.deferHelperFix(fnCur, call); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	} else {
		d.Message = "recovering helper " + name + " is called directly, not deferred: its recover returns nil and the panic goes on; defer " + text + " instead"
	}
	c.r.Report(d)
}

// checkDiscarded reports a recover call whose result is thrown away:
//
//	recover()    _ = recover()    var _ = recover()
//
// It is silent in _test.go files, where tests swallow the panics they
// provoke, and when the recover guards code that calls no function: only
// operators and builtins, whose panic the recover turns into a result
// (comparing interfaces that may hold uncomparable values, closing or
// sending on a channel that may be closed).
func (c *checker) checkDiscarded(cur inspector.Cursor, call *ast.CallExpr) {
	if c.notInDefer[call] || isTestFile(c.pass, call.Pos()) || c.guardsCallFreeCode(cur) {
		return
	}
	discarded := false
	switch p := cur.Parent().Node().(type) {
	case *ast.ExprStmt:
		discarded = true
	case *ast.AssignStmt:
		discarded = allBlank(p.Lhs)
	case *ast.ValueSpec:
		discarded = allBlankIdents(p.Names)
	}
	if discarded {
		c.r.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: slugDiscarded,
			Message: "recovered panic value is discarded: the panic is swallowed with no log, metric or error, and the failure becomes invisible",
		})
	}
}

// guardsCallFreeCode reports whether the recover call at cur is in a
// literal deferred by a function whose other statements call no function
// (builtins and conversions aside):
//
//	func interfaceEqual(a, b any) bool { defer func() { recover() }(); return a == b }
func (c *checker) guardsCallFreeCode(cur inspector.Cursor) bool {
	litCur, ok := enclosingFunc(cur)
	if !ok || !c.isDirectlyDeferred(litCur) {
		return false
	}
	outer, ok := enclosingFunc(litCur.Parent())
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	stmts := 0
	calls := false
	for _, stmt := range funcBody(outer.Node()).List {
		if _, ok := stmt.(*ast.DeferStmt); ok {
			continue
		}
		stmts++
		ast.Inspect(stmt, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				calls = true
			case *ast.CallExpr:
				if tv, ok := info.Types[n.Fun]; !ok || !tv.IsType() && !tv.IsBuiltin() {
					calls = true
				}
			}
			return !calls
		})
	}
	return stmts > 0 && !calls
}

// isTestFile reports whether pos is in a _test.go file.
func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.File(pos).Name(), "_test.go")
}

func allBlank(es []ast.Expr) bool {
	for _, e := range es {
		if id, ok := e.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

func allBlankIdents(ids []*ast.Ident) bool {
	for _, id := range ids {
		if id.Name != "_" {
			return false
		}
	}
	return true
}

// enclosingFunc returns the innermost function declaration or literal
// around cur.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn, true
	}
	return inspector.Cursor{}, false
}

// funcBody returns the body of a *ast.FuncDecl or *ast.FuncLit.
func funcBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// isMainOrInit reports whether fn is the main function of package main or
// an init function: functions no one defers.
func isMainOrInit(pass *analysis.Pass, fn *ast.FuncDecl) bool {
	if fn.Recv != nil {
		return false
	}
	return fn.Name.Name == "init" || (fn.Name.Name == "main" && pass.Pkg.Name() == "main")
}

// useOf tells how the function literal at litCur is run, and where it is
// called for useCalled:
//
//	defer func() { ... }()            useDeferred
//	go func() { ... }()               useGo
//	func() { ... }()                  useCalled
//	h := func() { ... }; defer h()    useDeferred (any defer of h)
//	h := func() { ... }; h()          useCalled (every use a call)
func (c *checker) useOf(litCur inspector.Cursor) (litUse, inspector.Cursor) {
	cur := litCur
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	switch cur.ParentEdgeKind() {
	case edge.CallExpr_Fun:
		callCur := cur.Parent()
		switch callCur.Parent().Node().(type) {
		case *ast.DeferStmt:
			return useDeferred, callCur
		case *ast.GoStmt:
			return useGo, callCur
		}
		return useCalled, callCur
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		if v := c.assignedVar(cur); v != nil {
			return c.varUse(litCur, v)
		}
	}
	return useUnknown, inspector.Cursor{}
}

// assignedVar returns the local variable that the assignment or
// declaration holding the expression at cur gives its value, or nil.
func (c *checker) assignedVar(cur inspector.Cursor) *types.Var {
	info := c.pass.TypesInfo
	i := cur.ParentEdgeIndex()
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			if id, ok := p.Lhs[i].(*ast.Ident); ok {
				v, _ := info.ObjectOf(id).(*types.Var)
				return v
			}
		}
	case *ast.ValueSpec:
		if i < len(p.Names) {
			v, _ := info.Defs[p.Names[i]].(*types.Var)
			return v
		}
	}
	return nil
}

// varUse tells how the function held in v is run, from v's uses in the
// function around the literal at litCur: deferred if any use is a deferred
// call, useCalled or useGo if every use is such a call, otherwise unknown.
func (c *checker) varUse(litCur inspector.Cursor, v *types.Var) (litUse, inspector.Cursor) {
	outer, ok := enclosingFunc(litCur.Parent())
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return useUnknown, inspector.Cursor{}
	}
	info := c.pass.TypesInfo
	use, site := useUnknown, inspector.Cursor{}
	for idCur := range outer.Preorder((*ast.Ident)(nil)) {
		if info.Uses[idCur.Node().(*ast.Ident)] != v {
			continue
		}
		if idCur.ParentEdgeKind() != edge.CallExpr_Fun {
			return useUnknown, inspector.Cursor{} // passed on or stored
		}
		callCur := idCur.Parent()
		switch callCur.Parent().Node().(type) {
		case *ast.DeferStmt:
			return useDeferred, callCur
		case *ast.GoStmt:
			if use == useUnknown {
				use, site = useGo, callCur
			}
		default:
			use, site = useCalled, callCur
		}
	}
	return use, site
}

// inDeferredLit reports whether the call at callCur sits directly in a
// function literal that is deferred: defer func() { ...call... }().
func (c *checker) inDeferredLit(callCur inspector.Cursor) bool {
	fnCur, ok := enclosingFunc(callCur)
	if !ok {
		return false
	}
	if _, ok := fnCur.Node().(*ast.FuncLit); !ok {
		return false
	}
	use, _ := c.useOf(fnCur)
	return use == useDeferred
}

// isDirectlyDeferred reports whether the function literal at litCur is
// the function of a defer statement: defer func() { ... }().
func (c *checker) isDirectlyDeferred(litCur inspector.Cursor) bool {
	_, ok := deferredCall(litCur)
	return ok
}

// deferredCall returns the call of a defer statement whose function is the
// literal at litCur: the func() { ... }() of defer func() { ... }().
func deferredCall(litCur inspector.Cursor) (*ast.CallExpr, bool) {
	cur := litCur
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	if cur.ParentEdgeKind() != edge.CallExpr_Fun {
		return nil, false
	}
	if _, ok := cur.Parent().Parent().Node().(*ast.DeferStmt); !ok {
		return nil, false
	}
	return cur.Parent().Node().(*ast.CallExpr), true
}

// deferHelperFix rewrites defer func() { helper(args) }() into
// defer helper(args) when that changes nothing but where recover runs: the
// literal has no parameters or results and its body is that one call
// without comments (which the rewrite would lose), and
// the call's function and arguments evaluate the same at the defer as at
// the return: constants, functions, package-qualified functions, and
// variables the enclosing function never assigns after declaring them or
// takes the address of (a method's receiver must be such a variable of
// pointer or interface type).
func (c *checker) deferHelperFix(litCur inspector.Cursor, call *ast.CallExpr) (analysis.SuggestedFix, bool) {
	lit := litCur.Node().(*ast.FuncLit)
	if !c.isDirectlyDeferred(litCur) || len(lit.Body.List) != 1 || lit.Type.Params.NumFields() != 0 || lit.Type.Results.NumFields() != 0 {
		return analysis.SuggestedFix{}, false
	}
	stmt, ok := lit.Body.List[0].(*ast.ExprStmt)
	if !ok || ast.Unparen(stmt.X) != call || c.hasComments(lit) {
		return analysis.SuggestedFix{}, false
	}
	outer := litCur
	for fn := range litCur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = fn // the outermost function: assignments in nested literals count
	}
	if !c.isStableFunc(outer.Node(), call.Fun) {
		return analysis.SuggestedFix{}, false
	}
	for _, arg := range call.Args {
		if !c.isStable(outer.Node(), arg) {
			return analysis.SuggestedFix{}, false
		}
	}
	deferred, ok := deferredCall(litCur)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	text, ok := c.source(call.Pos(), call.End())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Defer " + types.ExprString(call.Fun) + " itself",
		TextEdits: []analysis.TextEdit{{Pos: deferred.Pos(), End: deferred.End(), NewText: text}},
	}, true
}

// hasComments reports whether n contains a comment, which a fix replacing
// n would lose.
func (c *checker) hasComments(n ast.Node) bool {
	file := analysisutil.File(c.pass, n.Pos())
	if file == nil {
		return true
	}
	for _, cg := range file.Comments {
		if n.Pos() <= cg.Pos() && cg.End() <= n.End() {
			return true
		}
	}
	return false
}

// isStableFunc reports whether the function expression fun of a call
// evaluates the same at a defer as later: a function, a package-qualified
// function, or a method of a stable variable of pointer or interface type.
func (c *checker) isStableFunc(outer ast.Node, fun ast.Expr) bool {
	info := c.pass.TypesInfo
	switch fun := ast.Unparen(fun).(type) {
	case *ast.Ident:
		_, ok := info.Uses[fun].(*types.Func)
		return ok
	case *ast.SelectorExpr:
		sel := info.Selections[fun]
		if sel == nil {
			_, ok := info.Uses[fun.Sel].(*types.Func) // pkg.Func
			return ok
		}
		if sel.Kind() != types.MethodVal {
			return false
		}
		recv := info.TypeOf(fun.X)
		_, isPtr := recv.Underlying().(*types.Pointer)
		return (isPtr || types.IsInterface(recv)) && c.isStable(outer, fun.X)
	}
	return false
}

// isStable reports whether e evaluates the same at a defer as at the
// function's return: a constant, nil, a function, or a local variable that
// outer never assigns after its declaration and whose address it never
// takes.
func (c *checker) isStable(outer ast.Node, e ast.Expr) bool {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	switch obj := info.Uses[id].(type) {
	case *types.Func:
		return true
	case *types.Var:
		return obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() && !analysisutil.Reassigns(info, outer, obj, nil)
	}
	return false
}

// source returns the text of the file between pos and end.
func (c *checker) source(pos, end token.Pos) ([]byte, bool) {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return nil, false
	}
	data, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return nil, false
	}
	start, stop := tf.Offset(pos), tf.Offset(end)
	if start < 0 || stop > len(data) || start > stop {
		return nil, false
	}
	return append([]byte(nil), data[start:stop]...), true
}
