package deferloop

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A site is a defer statement inside a loop of the function whose return
// runs the deferred call.
type site struct {
	pass *analysis.Pass
	cur  inspector.Cursor
	stmt *ast.DeferStmt
	fn   ast.Node       // *ast.FuncDecl or *ast.FuncLit
	body *ast.BlockStmt // fn's body
	// loops are the *ast.ForStmt and *ast.RangeStmt between stmt and fn,
	// innermost first.
	loops []inspector.Cursor
}

// siteOf returns the site of the defer statement at cur, or nil when no
// loop of its own function encloses it or all of them provably iterate at
// most once.
func siteOf(pass *analysis.Pass, cur inspector.Cursor) *site {
	s := &site{pass: pass, cur: cur, stmt: cur.Node().(*ast.DeferStmt)}
	for c := range cur.Parent().Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			s.fn, s.body = n, n.Body
		case *ast.FuncLit:
			s.fn, s.body = n, n.Body
		default:
			s.loops = append(s.loops, c)
			continue
		}
		break
	}
	if s.body == nil || len(s.loops) == 0 {
		return nil
	}
	if inTimerCase(pass.TypesInfo, s) {
		return nil // the select case of a timer that fires once
	}
	for _, loop := range s.loops {
		if !runsAtMostOnce(pass.TypesInfo, loop.Node()) {
			return s
		}
	}
	return nil // every loop around the defer iterates at most once
}

// funcName names the function whose return runs the deferred calls, for
// messages: "ExtractAll", or "the function literal".
func (s *site) funcName() string {
	if fd, ok := s.fn.(*ast.FuncDecl); ok {
		return fd.Name.Name
	}
	return "the function literal"
}

// funcType is the signature syntax of the site's function.
func (s *site) funcType() *ast.FuncType {
	if fd, ok := s.fn.(*ast.FuncDecl); ok {
		return fd.Type
	}
	return s.fn.(*ast.FuncLit).Type
}

// deferredLit returns the function literal of a deferred closure call,
// defer func() { ... }(), or nil.
func (s *site) deferredLit() *ast.FuncLit {
	lit, _ := ast.Unparen(s.stmt.Call.Fun).(*ast.FuncLit)
	return lit
}

// isResult reports whether v is a named result parameter of the site's
// function.
func (s *site) isResult(v *types.Var) bool {
	results := s.funcType().Results
	if results == nil {
		return false
	}
	for _, f := range results.List {
		for _, name := range f.Names {
			if s.pass.TypesInfo.Defs[name] == v {
				return true
			}
		}
	}
	return false
}

// within reports whether pos lies inside node n.
func within(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}

// runsAtMostOnce reports whether loop provably iterates at most once: a
// counting loop whose constant bounds allow one iteration, or a range over
// a constant integer of at most 1.
//
//	for i := 0; i < 1; i++ { ... }    for range 1 { ... }
func runsAtMostOnce(info *types.Info, loop ast.Node) bool {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		n, ok := constInt(info, loop.X)
		return ok && n <= 1
	case *ast.ForStmt:
		init, ok := loop.Init.(*ast.AssignStmt)
		if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || loop.Post == nil {
			return false
		}
		id, ok := init.Lhs[0].(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		from, okFrom := constInt(info, init.Rhs[0])
		cond, okCond := ast.Unparen(loop.Cond).(*ast.BinaryExpr)
		inc, okInc := loop.Post.(*ast.IncDecStmt)
		if !ok || !okFrom || !okCond || !okInc || inc.Tok != token.INC || !isIdentOf(info, inc.X, v) ||
			!isIdentOf(info, cond.X, v) || analysisutil.Reassigns(info, loop.Body, v, nil) {
			return false
		}
		to, ok := constInt(info, cond.Y)
		switch {
		case !ok:
			return false
		case cond.Op == token.LSS:
			return to-from <= 1
		case cond.Op == token.LEQ:
			return to-from <= 0
		}
	}
	return false
}

// constInt returns the value of the integer constant expression e.
func constInt(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// isIdentOf reports whether e is an identifier denoting v.
func isIdentOf(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && v != nil && info.Uses[id] == v
}

// inTimerCase reports whether the defer of s sits in a select case, inside
// the innermost loop, that receives from the channel of a *time.Timer
// declared outside that loop, which the loop neither resets nor assigns:
// the timer fires once, so the case runs at most once.
//
//	t := time.NewTimer(d)
//	for { select { case <-t.C: ctx, cancel := ...; defer cancel() ... } }
func inTimerCase(info *types.Info, s *site) bool {
	loop := s.loops[0]
	for cc := range s.cur.Enclosing((*ast.CommClause)(nil)) {
		if !loop.Contains(cc) {
			return false
		}
		clause := cc.Node().(*ast.CommClause)
		sel, ok := analysisutil.CommRecv(clause.Comm).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "C" || !analysisutil.IsNamedType(info.TypeOf(sel.X), "time", "Timer") {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return false
		}
		t, ok := info.Uses[id].(*types.Var)
		return ok && !within(loop.Node(), t.Pos()) && !analysisutil.Reassigns(info, loop.Node(), t, nil) && !callsReset(info, loop.Node(), t)
	}
	return false
}

// callsReset reports whether root calls t.Reset, other than in the body of
// an if whose condition stops t: if t.Stop() { t.Reset(d) } re-arms only a
// timer that has not fired.
func callsReset(info *types.Info, root ast.Node, t *types.Var) bool {
	isCallOn := func(n ast.Node, method string) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !analysisutil.IsMethod(analysisutil.Callee(info, call), "time", "Timer", method) {
			return false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && info.Uses[id] == t
	}
	stops := func(cond ast.Expr) bool {
		found := false
		ast.Inspect(cond, func(n ast.Node) bool {
			found = found || isCallOn(n, "Stop")
			return !found
		})
		return found
	}
	found := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if found {
			return false
		}
		if ifs, ok := n.(*ast.IfStmt); ok && stops(ifs.Cond) {
			for _, part := range []ast.Node{ifs.Init, ifs.Else} {
				if part != nil {
					ast.Inspect(part, visit)
				}
			}
			return false
		}
		found = isCallOn(n, "Reset")
		return !found
	}
	ast.Inspect(root, visit)
	return found
}
