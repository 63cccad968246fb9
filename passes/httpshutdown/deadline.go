package httpshutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A ctxClass is what is known about a context where Shutdown gets it.
type ctxClass struct {
	done       string // why it is already done ("the signal.NotifyContext context"), or ""
	noDeadline string // why it has no deadline ("context.Background()"), or ""
}

// checkShutdownContexts reports Shutdown calls given a context that is
// already done (shutdown-with-done-context) or has no deadline
// (shutdown-without-deadline).
func checkShutdownContexts(st *state, closers []serverCall) {
	timeouts := writeTimeouts(st)
	for _, c := range closers {
		if c.value || c.method != "Shutdown" || isTestFile(st.pass, c.cur.Node().Pos()) {
			continue // tests shut servers down under the test's own timeout
		}
		call := c.cur.Node().(*ast.CallExpr)
		if len(call.Args) != 1 {
			continue
		}
		cls := st.classifyCtx(call.Args[0], c.cur, 0)
		srv := exprString(c.sel)
		arg := exprString(call.Args[0])
		switch {
		case cls.done != "":
			d := analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(), Category: checkDoneContext,
				Message: fmt.Sprintf("%s gets %s, which is already done when the shutdown starts (%s): Shutdown returns at once and cuts in-flight requests", srv, arg, cls.done),
			}
			if fix := st.contextFix(c, true, "Shut down with a context that is not cancelled, bounded by a timeout"); fix != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{*fix}
			}
			st.r.Report(d)
		case cls.noDeadline != "" && !timeouts[st.alias.find(c.key)] && !st.hasWatchdog(c):
			d := analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(), Category: checkNoDeadline,
				Message: fmt.Sprintf("%s gets %s, which has no deadline (%s): Shutdown waits for every connection to go idle and the exit hangs until the process is killed", srv, arg, cls.noDeadline),
			}
			if fix := st.contextFix(c, false, "Bound the shutdown with context.WithTimeout"); fix != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{*fix}
			}
			st.r.Report(d)
		}
	}
}

// classifyCtx says whether the context expression e, evaluated by the code
// at at, is already done or has no deadline. Unknown contexts (parameters,
// fields, results of other calls) are neither.
func (st *state) classifyCtx(e ast.Expr, at inspector.Cursor, depth int) ctxClass {
	return st.classifyResult(e, 0, at, depth)
}

// classifyResult is classifyCtx for result idx of e (a call returning
// several values, such as context.WithCancel).
func (st *state) classifyResult(e ast.Expr, idx int, at inspector.Cursor, depth int) ctxClass {
	if depth > maxDepth {
		return ctxClass{}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := analysisutil.CalleeObject(st.info, e)
		parent := func() ctxClass {
			if len(e.Args) == 0 {
				return ctxClass{}
			}
			return st.classifyCtx(e.Args[0], at, depth+1)
		}
		switch {
		case analysisutil.IsFreshContext(fn):
			return ctxClass{noDeadline: exprString(e)}
		case analysisutil.IsFunc(fn, "context", "WithoutCancel"):
			return ctxClass{noDeadline: "context.WithoutCancel drops the deadline"}
		case analysisutil.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue") && idx == 0:
			p := parent()
			if p.noDeadline != "" {
				p.noDeadline = fmt.Sprintf("context.%s of %s", fn.Name(), p.noDeadline)
			}
			return p
		case analysisutil.IsFunc(fn, "context", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause") && idx == 0:
			return ctxClass{done: parent().done}
		case analysisutil.IsFunc(fn, "os/signal", "NotifyContext") && idx == 0:
			return ctxClass{done: "the signal.NotifyContext context", noDeadline: parent().noDeadline}
		case analysisutil.IsFunc(fn, "golang.org/x/sync/errgroup", "WithContext") && idx == 1:
			return parent()
		}
	case *ast.Ident:
		v, ok := st.info.Uses[e].(*types.Var)
		if !ok || v.IsField() {
			return ctxClass{}
		}
		recv, done := st.doneReceived(v, at)
		rhs, i, def, ok := st.reachingDef(v, at)
		if done && (!ok || def.Node().Pos() < recv) {
			return ctxClass{done: fmt.Sprintf("after <-%s.Done()", v.Name())}
		}
		if !ok {
			return ctxClass{}
		}
		cls := st.classifyResult(rhs, i, def, depth+1) // assigned after the receive: a fresh value
		if cls.done != "" && st.inLiveCase(v, at) {
			cls.done = ""
		}
		return cls
	}
	return ctxClass{}
}

// doneReceived reports whether a receive from v.Done() precedes at in the
// same function: `<-ctx.Done()` as a statement or a select case; last is
// the position of the last such receive.
func (st *state) doneReceived(v *types.Var, at inspector.Cursor) (last token.Pos, received bool) {
	fn, found := enclosingFunc(at)
	if !found {
		return token.NoPos, false
	}
	for c := range fn.Preorder((*ast.UnaryExpr)(nil)) {
		u := c.Node().(*ast.UnaryExpr)
		if u.Op != token.ARROW || u.Pos() >= at.Node().Pos() {
			continue
		}
		if !st.isDoneCall(u.X, v) {
			continue
		}
		if f, _ := enclosingFunc(c); f.Node() != fn.Node() || exclusive(c, at) {
			continue
		}
		if receiveCovers(c, at) {
			last, received = u.Pos(), true
		}
	}
	return last, received
}

// inLiveCase reports whether at lies in a select case, in its own
// function, whose select has another case receiving from v.Done(): that
// case runs while v is not done yet.
//
//	select { case <-ctx.Done(): ...; case err := <-errc: srv.Shutdown(ctx) }
func (st *state) inLiveCase(v *types.Var, at inspector.Cursor) bool {
	for c := range at.Enclosing((*ast.CommClause)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		clause, ok := c.Node().(*ast.CommClause)
		if !ok {
			return false
		}
		if st.isDoneReceive(clause.Comm, v) {
			return false
		}
		sel, ok := c.Parent().Parent().Node().(*ast.SelectStmt)
		if !ok {
			return false
		}
		for _, other := range sel.Body.List {
			if cc, ok := other.(*ast.CommClause); ok && st.isDoneReceive(cc.Comm, v) {
				return true
			}
		}
	}
	return false
}

// isDoneReceive reports whether the select case statement comm receives
// from v.Done():
//
//	case <-ctx.Done():
func (st *state) isDoneReceive(comm ast.Stmt, v *types.Var) bool {
	return st.isDoneCall(analysisutil.CommRecv(comm), v)
}

// isDoneCall reports whether e is the call v.Done() of the context
// variable v.
func (st *state) isDoneCall(e ast.Expr, v *types.Var) bool {
	id, ok := analysisutil.DoneContext(st.info, e).(*ast.Ident)
	return ok && st.info.Uses[id] == v
}

// receiveCovers reports whether the receive at c has happened whenever at
// runs: the receive is a statement of its own, or at lies in the select
// case it guards.
func receiveCovers(c, at inspector.Cursor) bool {
	stmt := c.Parent()
	switch stmt.Node().(type) {
	case *ast.AssignStmt, *ast.ExprStmt:
	default:
		return false
	}
	if cc, ok := stmt.Parent().Node().(*ast.CommClause); ok && cc.Comm == stmt.Node() {
		return contains(cc, at.Node())
	}
	return true
}

// reachingDef returns the value last assigned to v before at in source
// order (the expression, the index of v among the results it yields, and
// the cursor of the assignment); ok is false when v has no visible
// assignment before at (a parameter).
func (st *state) reachingDef(v *types.Var, at inspector.Cursor) (rhs ast.Expr, idx int, def inspector.Cursor, ok bool) {
	var best token.Pos
	for c := range st.insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		if c.Node().Pos() >= at.Node().Pos() || c.Node().Pos() < best {
			continue
		}
		var lhs []ast.Expr
		var values []ast.Expr
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			lhs, values = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, name := range n.Names {
				lhs = append(lhs, name)
			}
			values = n.Values
		}
		for i, l := range lhs {
			id, isID := ast.Unparen(l).(*ast.Ident)
			if !isID || st.info.ObjectOf(id) != v {
				continue
			}
			switch {
			case len(values) == len(lhs):
				rhs, idx = values[i], 0
			case len(values) == 1:
				rhs, idx = values[0], i
			default:
				continue
			}
			def, ok, best = c, true, c.Node().Pos()
		}
	}
	return rhs, idx, def, ok
}

// writeTimeouts returns the servers (alias roots) that visibly set a
// WriteTimeout, in a composite literal or by assignment.
func writeTimeouts(st *state) map[types.Object]bool {
	set := make(map[types.Object]bool)
	for c := range st.insp.Root().Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.KeyValueExpr:
			if !isWriteTimeoutField(st.info, n.Key) || isZero(n.Value) {
				continue
			}
			if key := literalTarget(st.info, c.Parent()); key != nil {
				set[st.alias.find(key)] = true
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if ok && len(n.Lhs) == len(n.Rhs) && isWriteTimeoutField(st.info, sel.Sel) && !isZero(n.Rhs[i]) {
					if key := keyOf(st.info, sel.X); key != nil {
						set[st.alias.find(key)] = true
					}
				}
			}
		}
	}
	return set
}

// isWriteTimeoutField reports whether e names the WriteTimeout field of http.Server.
func isWriteTimeoutField(info *types.Info, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	f, ok := info.ObjectOf(id).(*types.Var)
	return ok && f.IsField() && f.Name() == "WriteTimeout" && f.Pkg() != nil && f.Pkg().Path() == "net/http"
}

// isZero reports whether e is the literal 0.
func isZero(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	return ok && lit.Value == "0"
}

// literalTarget returns the variable or field that the composite literal at
// c (possibly behind &) is assigned to, or nil.
func literalTarget(info *types.Info, c inspector.Cursor) types.Object {
	n := c.Node()
	p := c.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		n, p = u, p.Parent()
	}
	switch pn := p.Node().(type) {
	case *ast.AssignStmt:
		for i, r := range pn.Rhs {
			if r == n && len(pn.Lhs) == len(pn.Rhs) {
				return keyOf(info, pn.Lhs[i])
			}
		}
	case *ast.ValueSpec:
		for i, r := range pn.Values {
			if r == n && len(pn.Names) == len(pn.Values) {
				return info.Defs[pn.Names[i]]
			}
		}
	case *ast.KeyValueExpr:
		if id, ok := pn.Key.(*ast.Ident); ok && pn.Value == n {
			return info.Uses[id]
		}
	}
	return nil
}

// contextFix returns the fix that hands Shutdown a context bounded by a
// timeout: it declares one before the statement holding the call and
// replaces the argument. The new context derives from the argument, or,
// when the argument is done, from context.WithoutCancel of it (Go 1.21 and
// later) or a fresh context.Background() when that leaves no variable
// unused.
func (st *state) contextFix(c serverCall, done bool, msg string) *analysis.SuggestedFix {
	call := c.cur.Node().(*ast.CallExpr)
	stmt, ok := stmtInList(c.cur)
	if !ok {
		return nil
	}
	switch stmt.Node().(type) {
	case *ast.DeferStmt, *ast.GoStmt:
		return nil // the timeout would start when the statement is reached, not when Shutdown runs
	}
	fn, ok := enclosingFunc(c.cur)
	if !ok || inLoop(stmt) {
		return nil // a deferred cancel per iteration would pile up
	}
	fx := st.newFixer(call.Pos())
	if fx == nil {
		return nil
	}
	pos := stmt.Node().Pos()
	ctxName, ok1 := fx.pkgName("context", pos)
	timeName, ok2 := fx.pkgName("time", pos)
	if !ok1 || !ok2 {
		return nil
	}
	arg := call.Args[0]
	parent := fx.text(arg)
	if done {
		if ok, _ := analysisutil.AtLeastGo(st.pass, pos, "go1.21"); ok {
			parent = ctxName + ".WithoutCancel(" + parent + ")"
		} else if st.onlyUse(arg, fn) {
			return nil // dropping the argument would leave its variable unused
		} else {
			parent = ctxName + ".Background()"
		}
	}
	sctx := fx.freshName("shutdownCtx", fn.Node(), pos)
	cancel := fx.freshName("cancelShutdown", fn.Node(), pos)
	ind := fx.indent(pos)
	fx.insert(pos, fmt.Sprintf("%s, %s := %s.WithTimeout(%s, 10*%s.Second)\n%sdefer %s()\n%s", sctx, cancel, ctxName, parent, timeName, ind, cancel, ind))
	fx.replace(arg, sctx)
	return fx.suggested(msg)
}

// onlyUse reports whether e is a local variable used nowhere else in the
// function fn.
func (st *state) onlyUse(e ast.Expr, fn inspector.Cursor) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := st.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		if other := c.Node().(*ast.Ident); other != id && st.info.Uses[other] == v {
			return false
		}
	}
	return true
}

// inLoop reports whether a loop of the same function encloses c.
func inLoop(c inspector.Cursor) bool {
	for l := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch l.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
		return false
	}
	return false
}

// isTestFile reports whether pos lies in a _test.go file.
func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.File(pos).Name(), "_test.go")
}

// hasWatchdog reports whether, before the Shutdown call c and in the same
// function declaration, a watchdog is armed that ends the process once a
// timeout expires, so that the exit cannot hang however long Shutdown
// waits:
//
//	time.AfterFunc(d, func() { log.Fatal("shutdown timeout") })
//	go func() { time.Sleep(d); os.Exit(1) }()
func (st *state) hasWatchdog(c serverCall) bool {
	var outer inspector.Cursor
	for f := range c.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = f
	}
	if outer.Node() == nil {
		return false
	}
	for cur := range outer.Preorder((*ast.CallExpr)(nil), (*ast.GoStmt)(nil)) {
		if cur.Node().Pos() >= c.cur.Node().Pos() || exclusive(cur, c.cur) {
			continue
		}
		var body ast.Expr
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if !analysisutil.IsFunc(analysisutil.CalleeObject(st.info, n), "time", "AfterFunc") || len(n.Args) != 2 {
				continue
			}
			body = n.Args[1]
		case *ast.GoStmt:
			if !st.waitsForTimer(n.Call) {
				continue
			}
			body = n.Call
		}
		if st.exits(body) {
			return true
		}
	}
	return false
}

// waitsForTimer reports whether the goroutine's function literal sleeps or
// waits for a timer: time.Sleep, time.After, time.NewTimer, time.Tick.
func (st *state) waitsForTimer(call *ast.CallExpr) bool {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && analysisutil.IsFunc(analysisutil.CalleeObject(st.info, c), "time", "Sleep", "After", "NewTimer", "Tick") {
			found = true
		}
		return !found
	})
	return found
}

// exits reports whether the function literal e (or the function literal
// that the call e runs) contains a call that ends the process: os.Exit,
// log.Fatal, a logger's Fatal (zerolog's log.Fatal().Msg included), panic.
func (st *state) exits(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		e = ast.Unparen(call.Fun)
	}
	lit, ok := e.(*ast.FuncLit)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if kind, _ := sinkOf(st.pass, x); kind == exitSink || analysisutil.IsNoReturnCall(st.info, x) {
				found = true
			}
		}
		return !found
	})
	return found
}
