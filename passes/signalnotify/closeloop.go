package signalnotify

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkCloseInSignalLoop reports the channel closes that a loop runs each
// time it receives a signal.
//
//	for range sigs {
//		close(done)
//	}
func (pi *pkgInfo) checkCloseInSignalLoop() {
	reported := make(map[ast.Node]bool)
	for cur := range pi.in.Root().Preorder((*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil)) {
		loop, region, ok := pi.signalRegion(cur)
		if !ok {
			continue
		}
		for _, stmt := range region {
			for site := range stmt.Preorder((*ast.CallExpr)(nil), (*ast.FuncLit)(nil)) {
				if reported[site.Node()] {
					continue
				}
				if msg, ok := pi.closesEachTime(site, loop); ok {
					reported[site.Node()] = true
					pi.r.Reportf("close-in-signal-loop", site.Node(),
						"%s on every signal this loop receives: the second signal panics with \"close of closed channel\"", msg)
				}
			}
		}
	}
}

// signalRegion returns, for a receive from a signal channel at cur, the
// loop it repeats in and the statements that run after it in the same
// iteration: the body of range c, the body of a select case <-c, or the
// statement holding <-c and the ones after it.
func (pi *pkgInfo) signalRegion(cur inspector.Cursor) (loop inspector.Cursor, region []inspector.Cursor, ok bool) {
	info := pi.pass.TypesInfo
	switch n := cur.Node().(type) {
	case *ast.RangeStmt:
		if !isSignalChan(info.TypeOf(n.X)) {
			return loop, nil, false
		}
		return cur, []inspector.Cursor{cur.ChildAt(edge.RangeStmt_Body, -1)}, true
	case *ast.UnaryExpr:
		if n.Op != token.ARROW || !isSignalChan(info.TypeOf(n.X)) {
			return loop, nil, false
		}
	}
	stmt, ok := enclosingListStmt(cur)
	if !ok {
		return loop, nil, false
	}
	loop, ok = enclosingLoop(stmt)
	if !ok {
		return loop, nil, false
	}
	if stmt.ParentEdgeKind() == edge.CommClause_Comm {
		clause := stmt.Parent()
		for i := range clause.Node().(*ast.CommClause).Body {
			region = append(region, clause.ChildAt(edge.CommClause_Body, i))
		}
		return loop, region, true
	}
	for s, ok := stmt, true; ok; s, ok = s.NextSibling() {
		region = append(region, s)
	}
	return loop, region, true
}

// enclosingListStmt returns the statement around cur that is an element of
// a statement list (a block, a case body), or the comm of a select case.
func enclosingListStmt(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := cur; c.Valid(); c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body, edge.CommClause_Comm:
			return c, true
		}
		switch c.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return c, false
		}
	}
	return cur, false
}

// enclosingLoop returns the innermost for or range statement whose body
// holds cur, within cur's function.
func enclosingLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := cur; c.Valid(); c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.ForStmt_Body, edge.RangeStmt_Body:
			return c.Parent(), true
		}
		switch c.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return c, false
		}
	}
	return cur, false
}

// isSignalChan reports whether t is a channel of os.Signal.
func isSignalChan(t types.Type) bool {
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	return ok && isSignalType(ch.Elem())
}

// closesEachTime reports whether site, a call in the signal region of loop,
// closes a channel again on every iteration, and describes the close for a
// message: close(done), or a call of a function of the package that
// closes a channel unconditionally.
func (pi *pkgInfo) closesEachTime(site, loop inspector.Cursor) (string, bool) {
	call, ok := site.Node().(*ast.CallExpr)
	if !ok || inFuncLitBelow(site, loop) {
		return "", false
	}
	info := pi.pass.TypesInfo
	var ch ast.Expr
	var what string
	if analysisutil.IsBuiltin(info, call.Fun, "close") && len(call.Args) == 1 {
		ch = call.Args[0]
		what = "close(" + types.ExprString(ch) + ") runs"
	} else {
		fn, _ := analysisutil.CalleeObject(info, call).(*types.Func)
		c, ok := pi.closers()[fn]
		if !ok {
			return "", false
		}
		ch = c.ch
		if c.param >= 0 {
			if c.param >= len(call.Args) {
				return "", false
			}
			ch = call.Args[c.param]
		}
		what = types.ExprString(call.Fun) + " closes " + types.ExprString(ch)
	}
	if pi.isFreshEachIteration(ch, loop) || pi.loopReceivesFrom(loop, ch) || pi.isGuarded(site, loop) || pi.leavesLoop(site, loop) {
		return "", false
	}
	return what, true
}

// inFuncLitBelow reports whether a function literal between cur and loop
// holds cur: its code runs when and where the literal is called
// (sync.Once.Do, a goroutine, a callback).
func inFuncLitBelow(cur, loop inspector.Cursor) bool {
	for c := cur.Parent(); c.Valid() && c != loop; c = c.Parent() {
		if _, ok := c.Node().(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// isFreshEachIteration reports whether the closed channel ch is a new one
// on each iteration: a variable declared in the loop, or one the loop
// assigns, or a make call.
func (pi *pkgInfo) isFreshEachIteration(ch ast.Expr, loop inspector.Cursor) bool {
	info := pi.pass.TypesInfo
	if isMakeCall(info, ch) {
		return true
	}
	v, ok := varOf(info, ch)
	if !ok {
		return true // not something this check follows
	}
	l := loop.Node()
	if !v.IsField() && v.Pos() >= l.Pos() && v.Pos() < l.End() {
		return true
	}
	for as := range loop.Preorder((*ast.AssignStmt)(nil)) {
		for _, lhs := range as.Node().(*ast.AssignStmt).Lhs {
			if sameVar(info, lhs, ch) {
				return true
			}
		}
	}
	return false
}

// loopReceivesFrom reports whether the loop also receives from the closed
// channel ch, so that it notices the close (select { case <-done: return }).
func (pi *pkgInfo) loopReceivesFrom(loop inspector.Cursor, ch ast.Expr) bool {
	for u := range loop.Preorder((*ast.UnaryExpr)(nil)) {
		if n := u.Node().(*ast.UnaryExpr); n.Op == token.ARROW && sameVar(pi.pass.TypesInfo, n.X, ch) {
			return true
		}
	}
	return false
}

// isGuarded reports whether an if or switch between the loop and site
// decides on state kept across iterations (see isStateGuard).
//
//	if !closed { closed = true; close(done) }
func (pi *pkgInfo) isGuarded(site, loop inspector.Cursor) bool {
	for c := site; c.Valid() && c != loop; c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.IfStmt_Body, edge.IfStmt_Else:
			if ifs := c.Parent().Node().(*ast.IfStmt); pi.isStateGuard(ifs.Cond, loop) {
				return true
			}
		case edge.CaseClause_Body:
			cc := c.Parent().Node().(*ast.CaseClause)
			for _, e := range cc.List {
				if pi.isStateGuard(e, loop) {
					return true
				}
			}
			if sw, ok := c.Parent().Parent().Parent().Node().(*ast.SwitchStmt); ok && sw.Tag != nil && pi.isStateGuard(sw.Tag, loop) {
				return true
			}
		}
	}
	return false
}

// isStateGuard reports whether the condition e reads state that outlives an
// iteration of loop: a variable declared outside it, a field, or the
// result of a call (an atomic, a method) — anything but the values of the
// current iteration and constants.
//
//	!closed, s.stopping, flag.CompareAndSwap(false, true)
func (pi *pkgInfo) isStateGuard(e ast.Expr, loop inspector.Cursor) bool {
	info := pi.pass.TypesInfo
	l := loop.Node()
	guard := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv := info.Types[n.Fun]; !tv.IsType() && !tv.IsBuiltin() {
				guard = true
			}
		case *ast.SelectorExpr:
			if _, ok := info.Selections[n]; ok {
				guard = true
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && (v.Pos() < l.Pos() || v.Pos() >= l.End()) {
				guard = true
			}
		}
		return !guard
	})
	return guard
}

// leavesLoop reports whether, after the call at site, control always leaves
// the loop before its next iteration: a return, a break out of it, a
// panic or exit, or a goto.
func (pi *pkgInfo) leavesLoop(site, loop inspector.Cursor) bool {
	stmt, ok := enclosingListStmt(site)
	for ok {
		switch stmt.Node().(type) {
		case *ast.CaseClause, *ast.CommClause:
			stmt, ok = enclosingListStmt(stmt.Parent())
			continue
		}
		if stmt.ParentEdgeKind() == edge.CommClause_Comm {
			return false
		}
		for next, more := stmt.NextSibling(); more; next, more = next.NextSibling() {
			if pi.terminates(next, loop) {
				return true
			}
			if br, isBr := next.Node().(*ast.BranchStmt); isBr && br.Tok == token.CONTINUE {
				return false
			}
		}
		list := stmt.Parent()
		if k := list.ParentEdgeKind(); (k == edge.ForStmt_Body || k == edge.RangeStmt_Body) && list.Parent() == loop {
			return false
		}
		stmt, ok = enclosingListStmt(list)
	}
	return false
}

// terminates reports whether the statement at cur always leaves loop: a
// return, a panic or well-known exit, a goto, a break of loop or of a
// labeled statement around it, a continue of an outer loop, or a block or
// if/else whose every branch does.
func (pi *pkgInfo) terminates(cur, loop inspector.Cursor) bool {
	switch s := cur.Node().(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && (analysisutil.IsBuiltin(pi.pass.TypesInfo, call.Fun, "panic") || analysisutil.IsNoReturn(analysisutil.CalleeObject(pi.pass.TypesInfo, call)))
	case *ast.BranchStmt:
		switch s.Tok {
		case token.GOTO:
			return true
		case token.BREAK:
			if s.Label == nil {
				target, ok := breakTarget(cur)
				return ok && target == loop
			}
			return labelOutside(pi.pass.TypesInfo, s.Label, loop, true)
		case token.CONTINUE:
			return s.Label != nil && labelOutside(pi.pass.TypesInfo, s.Label, loop, false)
		}
	case *ast.BlockStmt:
		if n := len(s.List); n > 0 {
			return pi.terminates(cur.ChildAt(edge.BlockStmt_List, n-1), loop)
		}
	case *ast.IfStmt:
		if s.Else == nil {
			return false
		}
		return pi.terminates(cur.ChildAt(edge.IfStmt_Body, -1), loop) && pi.terminates(cur.ChildAt(edge.IfStmt_Else, -1), loop)
	}
	return false
}

// breakTarget returns the statement an unlabeled break at cur leaves: the
// innermost for, range, switch or select around it.
func breakTarget(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil),
		(*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch c.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return c, false
		}
		return c, true
	}
	return cur, false
}

// labelOutside reports whether the label of a break (or continue) names
// loop itself (for break) or a statement around loop.
func labelOutside(info *types.Info, label *ast.Ident, loop inspector.Cursor, isBreak bool) bool {
	obj := info.Uses[label]
	if obj == nil {
		return false
	}
	l := loop.Node()
	if lab, ok := loop.Parent().Node().(*ast.LabeledStmt); ok && info.Defs[lab.Label] == obj {
		return isBreak
	}
	return obj.Pos() < l.Pos() || obj.Pos() >= l.End()
}

// A closer is a function of the package that closes a channel every time
// it is called: the channel ch (a field, a global, or its parameter param).
type closer struct {
	ch    ast.Expr
	param int // index of the parameter closed, or -1
}

// closers returns the functions of the package that close a channel at the
// top level of their body (not under a condition, a loop or sync.Once),
// directly or through another such function.
//
//	func (s *server) stop() { close(s.done) }
func (pi *pkgInfo) closers() map[*types.Func]closer {
	if pi.closerFuncs != nil {
		return pi.closerFuncs
	}
	pi.closerFuncs = make(map[*types.Func]closer)
	info := pi.pass.TypesInfo
	decls := make(map[*types.Func]*ast.FuncDecl)
	for cur := range pi.in.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if fn, ok := info.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			decls[fn] = fd
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, fd := range decls {
			if _, done := pi.closerFuncs[fn]; done {
				continue
			}
			if c, ok := pi.topLevelClose(fd); ok {
				pi.closerFuncs[fn] = c
				changed = true
			}
		}
	}
	return pi.closerFuncs
}

// topLevelClose finds in the top-level statements of fd a close of a
// channel that is not a local variable, or a call of a known closer that
// closes a field or global.
func (pi *pkgInfo) topLevelClose(fd *ast.FuncDecl) (closer, bool) {
	info := pi.pass.TypesInfo
	params := paramVars(info, fd)
	for _, stmt := range fd.Body.List {
		var call *ast.CallExpr
		switch s := stmt.(type) {
		case *ast.ExprStmt:
			call, _ = ast.Unparen(s.X).(*ast.CallExpr)
		case *ast.DeferStmt:
			call = s.Call
		}
		if call == nil {
			continue
		}
		if analysisutil.IsBuiltin(info, call.Fun, "close") && len(call.Args) == 1 {
			v, ok := varOf(info, call.Args[0])
			if !ok {
				continue
			}
			if i, isParam := params[v]; isParam {
				return closer{ch: call.Args[0], param: i}, true
			}
			if v.IsField() || v.Parent() == pi.pass.Pkg.Scope() {
				return closer{ch: call.Args[0], param: -1}, true
			}
			continue
		}
		fn, _ := analysisutil.CalleeObject(info, call).(*types.Func)
		if c, ok := pi.closerFuncs[fn]; ok && c.param < 0 {
			return c, true
		}
	}
	return closer{}, false
}

// paramVars maps the parameters of fd (not its receiver) to their index
// among the call's arguments.
func paramVars(info *types.Info, fd *ast.FuncDecl) map[*types.Var]int {
	m := make(map[*types.Var]int)
	i := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			i++
		}
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				m[v] = i
			}
			i++
		}
	}
	return m
}
