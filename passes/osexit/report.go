package osexit

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// An event is a call, in one function body, that stops or may stop the
// goroutine that runs it.
type event struct {
	call   *ast.CallExpr
	at     ast.Node // where it runs in its body: the call, or its defer or go statement
	mode   mode
	stop   stop
	may    bool        // the call may stop (a helper of the module), not must
	direct bool        // the call is a terminating call itself, not a helper
	fn     *types.Func // the callee, or nil for a function literal variable
}

// events returns the calls of f's body (not of its function literals)
// that stop or may stop the goroutine.
func (c *checker) events(f *funcInfo) []event {
	var evs []event
	f.cur.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(cur inspector.Cursor) bool {
		call, ok := cur.Node().(*ast.CallExpr)
		if !ok {
			return cur.Node() == f.node() // the body's own literal, not nested ones
		}
		if ev, ok := c.eventOf(call, cur); ok {
			evs = append(evs, ev)
		}
		return true
	})
	return evs
}

// eventOf describes call, at cursor cur, if it stops or may stop.
func (c *checker) eventOf(call *ast.CallExpr, cur inspector.Cursor) (event, bool) {
	ev := event{call: call, at: call, fn: c.callee(call)}
	switch cur.ParentEdgeKind() {
	case edge.DeferStmt_Call:
		ev.at, ev.mode = cur.Parent().Node(), deferredMode
	case edge.GoStmt_Call:
		ev.at, ev.mode = cur.Parent().Node(), goroutineMode
	}
	if ev.fn != nil {
		ev.direct = c.directStop(call, ev.fn) != noStop
	}
	if ev.stop = c.callStop(call); ev.stop != noStop {
		return ev, true
	}
	exit, goexit := c.callMay(call)
	switch {
	case exit:
		ev.stop, ev.may = exitStop, true
	case goexit:
		ev.stop, ev.may = goexitStop, true
	default:
		return event{}, false
	}
	return ev, true
}

// A skipped is a deferred call that an exit skips, and the function whose
// defer it is.
type skipped struct {
	d     *ast.DeferStmt
	frame *funcInfo
}

// skippedDefers returns the deferred calls pending when the stop at ev
// runs in f: those of f and, when f is a function literal run in place,
// deferred or as a goroutine, those of the enclosing functions at that
// point. goroutine reports whether the stop runs in another goroutine
// than the function whose deferred calls it skips.
func (c *checker) skippedDefers(f *funcInfo, ev event) (out []skipped, goroutine bool) {
	at, m := ev.at, ev.mode
	recovering := c.isRecovering(f, ev.call)
	for {
		if m == goroutineMode {
			goroutine = true
		}
		for _, d := range c.graphOf(f).pending(at, m) {
			out = append(out, skipped{d, f})
		}
		if f.lit == nil {
			return out, goroutine
		}
		parentAt, pm, ok := c.launchOf(f)
		if !ok {
			return out, goroutine
		}
		parent := c.enclosing(f.cur)
		if parent == nil {
			return out, goroutine
		}
		if pm == goroutineMode && recovering {
			// An exit that handles a panic of a goroutine: without it the
			// panic would crash the process, skipping these defers too.
			return out, goroutine
		}
		if m != goroutineMode {
			m = pm
		}
		f, at = parent, parentAt
	}
}

// isRecovering reports whether call, in f, runs only when recover found a
// panic:
//
//	if r := recover(); r != nil {
//		log.Fatal(r)
//	}
func (c *checker) isRecovering(f *funcInfo, call *ast.CallExpr) bool {
	cur, ok := f.cur.FindNode(call)
	if !ok {
		return false
	}
	for e := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := e.Node().(*ast.IfStmt)
		if !ok {
			return false // the literal of f: no guard found
		}
		if ifs.Body.Pos() <= call.Pos() && call.End() <= ifs.Body.End() && c.isRecoverGuard(ifs.Cond, c.recoverVars(ifs.Init)) {
			return true
		}
	}
	return false
}

// isRecoverGuard reports whether cond holds only when recover returned a
// panic value: r != nil (r in vars, set from recover()) or recover() != nil,
// possibly among other && operands.
func (c *checker) isRecoverGuard(cond ast.Expr, vars map[types.Object]bool) bool {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch e.Op {
	case token.LAND:
		return c.isRecoverGuard(e.X, vars) || c.isRecoverGuard(e.Y, vars)
	case token.NEQ:
		if !c.pass.TypesInfo.Types[e.Y].IsNil() {
			return false
		}
		switch x := ast.Unparen(e.X).(type) {
		case *ast.Ident:
			return vars[c.pass.TypesInfo.ObjectOf(x)]
		case *ast.CallExpr:
			return c.isRecoverCall(x)
		}
	}
	return false
}

// recoverVars returns the variables that the statement s (r := recover())
// sets from recover.
func (c *checker) recoverVars(s ast.Stmt) map[types.Object]bool {
	vars := make(map[types.Object]bool)
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return vars
	}
	if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && c.isRecoverCall(call) {
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			vars[c.pass.TypesInfo.ObjectOf(id)] = true
		}
	}
	return vars
}

// isRecoverCall reports whether call is a call of the builtin recover.
func (c *checker) isRecoverCall(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

// launchOf returns where and how the function literal f runs in its
// enclosing function: called in place, deferred, or started as a
// goroutine (a go statement or a goroutine launcher). ok is false when
// the literal escapes (stored, passed to an unknown function).
func (c *checker) launchOf(f *funcInfo) (at ast.Node, m mode, ok bool) {
	cur := f.cur
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	parent := cur.Parent()
	call, isCall := parent.Node().(*ast.CallExpr)
	if !isCall {
		return nil, 0, false
	}
	switch cur.ParentEdgeKind() {
	case edge.CallExpr_Fun:
		switch parent.ParentEdgeKind() {
		case edge.DeferStmt_Call:
			return parent.Parent().Node(), deferredMode, true
		case edge.GoStmt_Call:
			return parent.Parent().Node(), goroutineMode, true
		}
		return call, syncMode, true
	case edge.CallExpr_Args:
		// LaunchOf needs a static callee (it passes a nil *types.Func on).
		if c.callee(call) == nil {
			return nil, 0, false
		}
		if l, ok := analysisutil.LaunchOf(c.pass.TypesInfo, call); ok && ast.Unparen(l.Fun) == f.lit {
			return call, goroutineMode, true
		}
	}
	return nil, 0, false
}

// enclosing returns the function body that contains cur's node, or nil.
func (c *checker) enclosing(cur inspector.Cursor) *funcInfo {
	for e := range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncLit:
			return c.lits[n]
		case *ast.FuncDecl:
			if fn, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				return c.decls[fn]
			}
			return nil
		}
	}
	return nil
}

// reportExits reports the exits of f's body that skip deferred calls and
// the Goexit calls that run on the main goroutine.
func (c *checker) reportExits(f *funcInfo) {
	for _, ev := range c.events(f) {
		switch ev.stop {
		case exitStop:
			c.reportExit(f, ev)
		case goexitStop:
			c.reportGoexit(f, ev)
		}
	}
}

// reportExit reports ev if the deferred calls it skips do work that dies
// with the process otherwise.
func (c *checker) reportExit(f *funcInfo, ev event) {
	if ev.may && (c.inTest(f, ev.call) || c.constantArgs(ev.call)) {
		return
	}
	all, goroutine := c.skippedDefers(f, ev)
	var lost []skipped
	for _, s := range all {
		if !c.isBenignDefer(s.d, ev.fn) && (s.frame != f || !c.isDoneBeforeExit(f, s.d, ev)) {
			lost = append(lost, s)
		}
	}
	if len(lost) == 0 {
		return
	}
	slices.SortFunc(lost, func(a, b skipped) int { return cmp.Compare(a.d.Pos(), b.d.Pos()) })
	d := analysis.Diagnostic{
		Pos:      ev.call.Pos(),
		End:      ev.call.End(),
		Category: "exit-skips-defer",
		Message:  c.exitMessage(f, ev, lost, goroutine),
	}
	if ev.mode == syncMode && !goroutine {
		d.SuggestedFixes = c.fixes(f, ev)
	}
	c.r.Report(d)
}

// inTest reports whether call, in f, is test code: in a test file, or in
// a function (or a literal within one) that takes a *testing.T, B or F or a
// testing.TB. A "may" helper failing there fails a test, not a shutdown.
func (c *checker) inTest(f *funcInfo, call *ast.CallExpr) bool {
	if strings.HasSuffix(c.pass.Fset.File(call.Pos()).Name(), "_test.go") {
		return true
	}
	for ; f != nil; f = c.enclosing(f.cur) {
		var params *ast.FieldList
		if f.decl != nil {
			params = f.decl.Type.Params
		} else {
			params = f.lit.Type.Params
		}
		for _, p := range params.List {
			t := c.pass.TypesInfo.TypeOf(p.Type)
			for _, name := range []string{"T", "B", "F", "TB"} {
				if t != nil && analysisutil.IsNamedType(t, "testing", name) {
					return true
				}
			}
		}
		if f.decl != nil {
			return false
		}
	}
	return false
}

// constantArgs reports whether every argument of call is a constant, as in
// mustParse("2001-02-03"): a helper that fails on bad input does not fail
// on a constant that works once.
func (c *checker) constantArgs(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if c.pass.TypesInfo.Types[a].Value == nil {
			return false
		}
	}
	return len(call.Args) > 0
}

// exitMessage says what skips which deferred calls, e.g.
// "os.Exit skips 2 deferred calls: w.Flush (line 12), os.RemoveAll (line 14)".
func (c *checker) exitMessage(f *funcInfo, ev event, lost []skipped, goroutine bool) string {
	var b strings.Builder
	b.WriteString(c.callName(ev.call, ev.fn))
	if goroutine {
		b.WriteString(" in a goroutine")
	}
	switch {
	case ev.may:
		b.WriteString(" may exit the process and skip ")
	case !ev.direct:
		b.WriteString(" exits the process and skips ")
	default:
		b.WriteString(" skips ")
	}
	if len(lost) == 1 {
		b.WriteString("deferred call ")
	} else {
		fmt.Fprintf(&b, "%d deferred calls: ", len(lost))
	}
	for i, s := range lost {
		if i > 0 {
			b.WriteString(", ")
		}
		line := c.pass.Fset.Position(s.d.Pos()).Line
		fmt.Fprintf(&b, "%s (line %d", deferName(s.d), line)
		if s.frame != f {
			fmt.Fprintf(&b, " in %s", c.frameName(s.frame))
		}
		b.WriteString(")")
	}
	return b.String()
}

// reportGoexit reports ev if it runs on the main goroutine: in main.main,
// or in a function literal main calls in place or defers.
func (c *checker) reportGoexit(f *funcInfo, ev event) {
	if ev.mode == goroutineMode {
		return
	}
	if _, reachable := c.graphOf(f).locate(ev.at); !reachable {
		return
	}
	for f.lit != nil {
		_, m, ok := c.launchOf(f)
		if !ok || m == goroutineMode {
			return
		}
		if f = c.enclosing(f.cur); f == nil {
			return
		}
	}
	if !c.isMainMain(f.decl) {
		return
	}
	name := c.callName(ev.call, ev.fn)
	verb := name + " calls runtime.Goexit"
	switch {
	case ev.direct:
		verb = name
	case ev.may:
		verb = name + " may call runtime.Goexit"
	}
	c.r.Reportf("goexit-in-main", ev.call,
		"%s on the main goroutine: main never returns and the program crashes with \"no goroutines (main called runtime.Goexit) - deadlock!\" once the other goroutines finish", verb)
}

// isMainMain reports whether decl is func main of package main.
func (c *checker) isMainMain(decl *ast.FuncDecl) bool {
	return decl != nil && decl.Recv == nil && decl.Name.Name == "main" && c.pass.Pkg.Name() == "main"
}

// callName names the callee of call as the reader knows it: os.Exit,
// logger.Fatal, fatal, log.Fatal().Msg.
func (c *checker) callName(call *ast.CallExpr, fn *types.Func) string {
	if isZerologFatal(c.pass.TypesInfo, call) {
		return "zerolog's Fatal()." + fn.Name()
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun.Name
	case *ast.SelectorExpr:
		if x, ok := ast.Unparen(fun.X).(*ast.Ident); ok {
			if pn, ok := c.pass.TypesInfo.Uses[x].(*types.PkgName); ok {
				return pn.Imported().Name() + "." + fun.Sel.Name
			}
			return x.Name + "." + fun.Sel.Name
		}
	}
	if fn == nil {
		return "the call"
	}
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), (*types.Package).Name) + ")." + fn.Name()
	}
	return fn.Name()
}

// deferName names a deferred call: f.Close, cleanup, func literal.
func deferName(d *ast.DeferStmt) string {
	fun := ast.Unparen(d.Call.Fun)
	if _, ok := fun.(*ast.FuncLit); ok {
		return "func literal"
	}
	s := types.ExprString(fun)
	if len(s) > 40 {
		if sel, ok := fun.(*ast.SelectorExpr); ok {
			return "..." + sel.Sel.Name
		}
	}
	return s
}

// frameName names a function body for a message: main, Server.run, the
// func literal at line 12.
func (c *checker) frameName(f *funcInfo) string {
	if f.decl == nil {
		return fmt.Sprintf("the func literal at line %d", c.pass.Fset.Position(f.lit.Pos()).Line)
	}
	if f.decl.Recv != nil && len(f.decl.Recv.List) == 1 {
		t := f.decl.Recv.List[0].Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		if ix, ok := t.(*ast.IndexExpr); ok {
			t = ix.X
		}
		if ix, ok := t.(*ast.IndexListExpr); ok {
			t = ix.X
		}
		if id, ok := t.(*ast.Ident); ok {
			return id.Name + "." + f.decl.Name.Name
		}
	}
	return f.decl.Name.Name
}
