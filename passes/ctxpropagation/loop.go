package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A goroutineBody is the function a goroutine runs, with the context
// available in it.
type goroutineBody struct {
	body    inspector.Cursor // the *ast.BlockStmt
	ctxName string           // "ctx", "r.Context()"
}

// uncancellableLoops reports the unbounded loops of goroutines that have a
// context available and that nothing can leave.
func (c *checker) uncancellableLoops() {
	endless := c.endlessChannels()
	seen := make(map[ast.Node]bool)
	for _, g := range c.goroutineBodies() {
		g.body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)}, func(cur inspector.Cursor) bool {
			loop := cur.Node()
			if _, ok := loop.(*ast.FuncLit); ok {
				return false // another function
			}
			if !seen[loop] {
				seen[loop] = true
				c.checkLoop(cur, g.ctxName, endless)
			}
			return true
		})
	}
}

// checkLoop reports the loop at cur when it is unbounded and has no exit.
func (c *checker) checkLoop(cur inspector.Cursor, ctxName string, endless map[types.Object]string) {
	var forPos token.Pos
	ranged := ""
	switch loop := cur.Node().(type) {
	case *ast.ForStmt:
		if loop.Cond != nil {
			return
		}
		forPos = loop.For
	case *ast.RangeStmt:
		if ranged = c.endlessChannel(loop.X, endless); ranged == "" {
			return
		}
		forPos = loop.For
	}
	exit, selectBreak := c.loopExit(cur)
	if exit {
		return
	}
	what := "loop has no exit: nothing returns or breaks out of it"
	if ranged != "" {
		what = fmt.Sprintf("loop ranges over %s, which is never closed, and nothing returns or breaks out of it", ranged)
	}
	if selectBreak.IsValid() {
		what = fmt.Sprintf("loop has no exit: the break on line %d leaves only the %s, not the loop",
			c.pass.Fset.Position(selectBreak).Line, breakTargetName(c.insp, selectBreak))
	}
	c.r.Reportf(uncancellableLoop, span{forPos, forPos + token.Pos(len("for"))},
		"goroutine %s, so it keeps running after %s is cancelled at shutdown; return when <-%s.Done() is ready (or on another stop signal)",
		what, ctxName, ctxName)
}

// span is an analysis.Range.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// breakTargetName names the statement an unlabeled break at pos leaves.
func breakTargetName(insp *inspector.Inspector, pos token.Pos) string {
	cur, ok := insp.Root().FindByPos(pos, pos+token.Pos(len("break")))
	if !ok {
		return "select"
	}
	if t, ok := innermost(cur, breakables...); ok {
		if _, ok := t.Node().(*ast.SelectStmt); !ok {
			return "switch"
		}
	}
	return "select"
}

// loops are the loop statements.
var loops = []ast.Node{(*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)}

// innermost returns the innermost node of one of types enclosing c (c
// excluded).
func innermost(c inspector.Cursor, types ...ast.Node) (inspector.Cursor, bool) {
	for t := range c.Parent().Enclosing(types...) {
		return t, true
	}
	return inspector.Cursor{}, false
}

// isSelectOrSwitch reports whether n is a select or switch statement.
func isSelectOrSwitch(n ast.Node) bool {
	switch n.(type) {
	case *ast.SelectStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
		return true
	}
	return false
}

// breakables are the statements an unlabeled break leaves.
var breakables = []ast.Node{
	(*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil),
	(*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil),
}

// loopExit reports whether something in the loop at cur leaves it: a
// return, a break of the loop or of an enclosing statement, a continue of
// an enclosing loop, a goto out of it, or a call that ends the goroutine or
// the process (analysisutil.IsNoReturnCall: panic, os.Exit, log.Fatal, the
// fatal functions of logrus, zap, klog and glog). selectBreak is the
// position of an unlabeled break that leaves only a select or switch inside
// the loop, when there is one.
//
//	for { select { case <-ctx.Done(): return } }   // exit
//	for { select { case <-ctx.Done(): break } }    // no exit: leaves the select
func (c *checker) loopExit(cur inspector.Cursor) (exit bool, selectBreak token.Pos) {
	info := c.pass.TypesInfo
	loop := cur.Node()
	cur.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.BranchStmt)(nil), (*ast.CallExpr)(nil)}, func(n inspector.Cursor) bool {
		switch s := n.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			exit = true
		case *ast.CallExpr:
			exit = exit || analysisutil.IsNoReturnCall(info, s)
		case *ast.BranchStmt:
			switch {
			case s.Label != nil:
				exit = exit || labelOutside(info, s.Label, loop)
			case s.Tok == token.BREAK:
				t, _ := innermost(n, breakables...)
				if t.Node() == loop {
					exit = true
				} else if isSelectOrSwitch(t.Node()) && !selectBreak.IsValid() {
					if l, _ := innermost(t, loops...); l.Node() == loop {
						selectBreak = s.Pos()
					}
				}
			}
		}
		return !exit
	})
	return exit, selectBreak
}

// labelOutside reports whether the label of a labeled break, continue or
// goto is declared outside loop, so that the branch leaves it.
func labelOutside(info *types.Info, label *ast.Ident, loop ast.Node) bool {
	obj := info.Uses[label]
	if obj == nil {
		return true // be silent when unsure
	}
	return obj.Pos() < loop.Pos() || obj.Pos() >= loop.End()
}

// endlessChannel returns how a message names the channel x when ranging
// over it never ends — a ticker's or timer's C, time.Tick's channel, a
// channel registered with signal.Notify, or a variable holding one of
// them — or "".
//
//	for range ticker.C
//	for range time.Tick(d)
//	signal.Notify(sigs, ...); for range sigs
func (c *checker) endlessChannel(x ast.Expr, endless map[types.Object]string) string {
	info := c.pass.TypesInfo
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok && analysisutil.IsFunc(analysisutil.CalleeObject(info, call), "time", "Tick") {
		return "time.Tick's channel"
	}
	if isTickerChannel(info, x) {
		return types.ExprString(x)
	}
	if obj := exprObject(info, x); obj != nil {
		if what, ok := endless[obj]; ok {
			return types.ExprString(x) + what
		}
	}
	return ""
}

// isTickerChannel reports whether x is the C field of a time.Ticker or
// time.Timer.
func isTickerChannel(info *types.Info, x ast.Expr) bool {
	sel, ok := x.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || sel.Sel.Name != "C" {
		return false
	}
	return analysisutil.IsNamedType(s.Recv(), "time", "Ticker") || analysisutil.IsNamedType(s.Recv(), "time", "Timer")
}

// exprObject returns the variable or field x denotes, or nil.
func exprObject(info *types.Info, x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return info.Uses[x]
	case *ast.SelectorExpr:
		return info.Uses[x.Sel]
	}
	return nil
}

// endlessChannels returns the variables and fields of the package that hold
// channels nobody closes: those registered with signal.Notify (" (a
// signal channel)") and those assigned time.Tick's channel or a ticker's C.
func (c *checker) endlessChannels() map[types.Object]string {
	info := c.pass.TypesInfo
	endless := make(map[types.Object]string)
	assign := func(lhs, rhs ast.Expr) {
		obj := exprObject(info, lhs)
		if id, ok := lhs.(*ast.Ident); ok && obj == nil {
			obj = info.Defs[id]
		}
		if obj == nil {
			return
		}
		if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && analysisutil.IsFunc(analysisutil.CalleeObject(info, call), "time", "Tick") {
			endless[obj] = " (time.Tick's channel)"
		} else if isTickerChannel(info, ast.Unparen(rhs)) {
			endless[obj] = " (a ticker's channel)"
		}
	}
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if analysisutil.IsFunc(analysisutil.CalleeObject(info, n), "os/signal", "Notify") && len(n.Args) > 0 {
				if obj := exprObject(info, n.Args[0]); obj != nil {
					endless[obj] = " (a signal channel)"
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					assign(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					assign(n.Names[i], n.Values[i])
				}
			}
		}
	}
	return endless
}

// goroutineBodies returns the bodies of the functions goroutines of the
// package run that have a context available: function literals launched
// where a context is visible, the package's functions launched by name
// (go s.worker(ctx), g.Go(s.run)) that take a context, and the package's
// functions that take a context and that a launched function literal calls
// (go func() { defer wg.Done(); s.run(ctx) }()).
func (c *checker) goroutineBodies() []goroutineBody {
	info := c.pass.TypesInfo
	decls := c.decls()
	var bodies []goroutineBody
	named := func(e ast.Expr) {
		fc, ok := decls[funcObject(info, e)]
		if !ok {
			return
		}
		fd := fc.Node().(*ast.FuncDecl)
		if name, _ := contextParam(info, fd.Type); name != "" && fd.Body != nil {
			bodies = append(bodies, goroutineBody{fc.ChildAt(edge.FuncDecl_Body, -1), name})
		}
	}
	for cur := range c.insp.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		launch, ok := analysisutil.LaunchOf(info, cur.Node())
		if !ok {
			continue
		}
		lit, ok := launch.Fun.(*ast.FuncLit)
		if !ok {
			named(launch.Fun)
			continue
		}
		litCur, ok := cur.FindNode(lit)
		if !ok {
			continue
		}
		body := litCur.ChildAt(edge.FuncLit_Body, -1)
		if name := visibleContext(c.pass.Pkg, lit.Body.Lbrace+1); name != "" {
			bodies = append(bodies, goroutineBody{body, name})
		}
		body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(n inspector.Cursor) bool {
			if call, ok := n.Node().(*ast.CallExpr); ok {
				named(call.Fun)
				return true
			}
			return false // another function
		})
	}
	return bodies
}

// funcObject returns the function or method (generic origin) that e
// statically denotes: f, pkg.F, s.method, or nil.
func funcObject(info *types.Info, e ast.Expr) *types.Func {
	e = ast.Unparen(e)
	if ix, ok := e.(*ast.IndexExpr); ok {
		e = ix.X
	}
	var fn *types.Func
	switch e := e.(type) {
	case *ast.Ident:
		fn, _ = info.Uses[e].(*types.Func)
	case *ast.SelectorExpr:
		fn, _ = info.Uses[e.Sel].(*types.Func)
	}
	if fn == nil {
		return nil
	}
	return fn.Origin()
}
