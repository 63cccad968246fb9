package httpshutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// maxDepth bounds how many variables, channels, returns and calls the error
// of a serve call is followed through.
const maxDepth = 6

// A failure is where the error of a serve call is treated as a failure.
type failure struct {
	at     inspector.Cursor // the sink call, or the return nobody in the package checks
	kind   sinkKind         // notSink for such a return
	name   string           // the sink ("log.Fatal") or the function returning the error
	errVar *types.Var       // the variable holding the error where it is treated, if any
	guard  *ast.IfStmt      // the `if err != nil` leading to the sink, if any
}

// A closedCheck follows the error of one serve call of a server that the
// package shuts down or closes.
type closedCheck struct {
	*state
	serve   serverCall
	closers []serverCall
	closer  *serverCall // the Shutdown or Close the message names
	seen    map[ast.Node]bool
}

// flow follows the error value of the expression at c, which entered the
// current function at origin (the serve call, a receive, a call), up to
// where it is treated as a failure, or returns nil.
func (cc *closedCheck) flow(c, origin inspector.Cursor, depth int) *failure {
	if depth > maxDepth {
		return nil
	}
	for {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr:
			c = p
			continue
		case *ast.SelectorExpr: // err.Error()
			if call, ok := p.Parent().Node().(*ast.CallExpr); ok && call.Fun == pn && pn.Sel.Name == "Error" && len(call.Args) == 0 {
				c = p.Parent()
				continue
			}
			return nil
		case *ast.CallExpr:
			if pn.Fun == c.Node() {
				return nil
			}
			if kind, name := sinkOf(cc.pass, pn); kind != notSink {
				if !isUnconditional(cc.info, p, origin) || cc.mentionsClosed(p) {
					return nil
				}
				return &failure{at: p, kind: kind, name: name}
			}
			if carriesError(cc.info, pn) {
				c = p
				continue
			}
			return nil
		case *ast.ReturnStmt:
			if !isUnconditional(cc.info, p, origin) || cc.mentionsClosed(p) {
				return nil
			}
			return cc.followReturn(p, c.Node(), depth+1)
		case *ast.SendStmt:
			if pn.Value != c.Node() || !isUnconditional(cc.info, p, origin) || cc.mentionsClosed(p) {
				return nil
			}
			return cc.followChan(keyOf(cc.info, pn.Chan), depth+1)
		case *ast.AssignStmt:
			if len(pn.Lhs) != len(pn.Rhs) {
				return nil
			}
			for i, rhs := range pn.Rhs {
				if rhs == c.Node() {
					if v := localVar(cc.info, pn.Lhs[i]); v != nil {
						return cc.followVar(v, p, pn.End(), depth+1)
					}
				}
			}
			return nil
		case *ast.ValueSpec:
			for i, val := range pn.Values {
				if val == c.Node() && len(pn.Names) == len(pn.Values) {
					if v, ok := cc.info.Defs[pn.Names[i]].(*types.Var); ok {
						return cc.followVar(v, p, pn.End(), depth+1)
					}
				}
			}
			return nil
		default:
			return nil
		}
	}
}

// followVar follows the error held by v from the statement at def (uses
// from position from on) and reports where it is treated as a failure: a
// use that flows into a sink, or a sink in the body of `if v != nil`. It is
// silent when the function compares v with anything but nil, or mentions
// http.ErrServerClosed.
func (cc *closedCheck) followVar(v *types.Var, def inspector.Cursor, from token.Pos, depth int) *failure {
	if depth > maxDepth || cc.seen[def.Node()] {
		return nil
	}
	cc.seen[def.Node()] = true
	fn, ok := enclosingFunc(def)
	if !ok || cc.mentionsClosed(def) {
		return nil
	}
	to := nextAssignment(cc.info, fn, v, from)
	var uses []inspector.Cursor
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if cc.info.Uses[id] == v && id.Pos() >= from && id.Pos() < to && !isAssigned(c) {
			if isExamined(cc.info, c) {
				return nil // compared with another error, or inspected: the author tells errors apart
			}
			uses = append(uses, c)
		}
	}
	for _, u := range uses {
		if f := cc.flow(u, def, depth); f != nil {
			if f.errVar == nil {
				f.errVar = v
			}
			return f
		}
	}
	for c := range fn.Preorder((*ast.IfStmt)(nil)) {
		ifs := c.Node().(*ast.IfStmt)
		if ifs.Cond.Pos() < from || ifs.Cond.Pos() >= to || nilChecked(cc.info, ifs.Cond, token.NEQ) != v {
			continue
		}
		for _, st := range ifs.Body.List {
			es, ok := st.(*ast.ExprStmt)
			if !ok {
				continue
			}
			call, ok := ast.Unparen(es.X).(*ast.CallExpr)
			if !ok {
				continue
			}
			if kind, name := sinkOf(cc.pass, call); kind != notSink {
				sc, ok := c.FindNode(call)
				if ok && isUnconditional(cc.info, sc, def) {
					return &failure{at: sc, kind: kind, name: name, errVar: v, guard: ifs}
				}
			}
		}
	}
	return nil
}

// followChan follows the errors sent on the channel held by ch to the
// receives that may happen after the server is shut down.
func (cc *closedCheck) followChan(ch types.Object, depth int) *failure {
	if ch == nil || depth > maxDepth {
		return nil
	}
	for c := range cc.insp.Root().Preorder((*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.UnaryExpr:
			if n.Op != token.ARROW || !cc.alias.same(keyOf(cc.info, n.X), ch) || !cc.closedBefore(c) {
				continue
			}
			if f := cc.flow(c, c, depth); f != nil {
				return f
			}
		case *ast.RangeStmt:
			if !cc.alias.same(keyOf(cc.info, n.X), ch) || !cc.closedBefore(c) {
				continue
			}
			if v := localVar(cc.info, n.Key); v != nil {
				if f := cc.followVar(v, c, n.X.End(), depth+1); f != nil {
					return f
				}
			}
		}
	}
	return nil
}

// followReturn follows an error returned by the statement at ret (result
// e) to the callers of its function: the calls of a declared function in
// the package, or the Wait of the errgroup that runs a function literal. An
// error returned by a function nothing in the package calls is a failure
// for its callers elsewhere.
func (cc *closedCheck) followReturn(ret inspector.Cursor, e ast.Node, depth int) *failure {
	rs := ret.Node().(*ast.ReturnStmt)
	idx := -1
	for i, r := range rs.Results {
		if r == e {
			idx = i
		}
	}
	fn, ok := enclosingFunc(ret)
	if !ok || idx < 0 || depth > maxDepth {
		return nil
	}
	switch f := fn.Node().(type) {
	case *ast.FuncLit:
		p := fn.Parent()
		call, ok := p.Node().(*ast.CallExpr)
		if !ok {
			return nil
		}
		if call.Fun == f && len(rs.Results) == 1 { // func() error { ... }()
			return cc.flow(p, p, depth)
		}
		if isErrgroupGo(cc.info, call) {
			return cc.followWait(p, depth)
		}
		return nil // a callback of unknown use: oklog/run actors, retry helpers
	case *ast.FuncDecl:
		obj, _ := cc.info.Defs[f.Name].(*types.Func)
		if obj == nil {
			return nil
		}
		return cc.followCalls(ret, obj, idx, len(rs.Results), depth)
	}
	return nil
}

// followCalls follows result idx of nres of function obj to its callers in
// the package. When nothing in the package calls or refers to obj, the
// return at ret hands the error to callers elsewhere as a failure.
func (cc *closedCheck) followCalls(ret inspector.Cursor, obj *types.Func, idx, nres, depth int) *failure {
	refs := 0
	for c := range cc.insp.Root().Preorder((*ast.Ident)(nil)) {
		if cc.info.Uses[c.Node().(*ast.Ident)] != obj {
			continue
		}
		refs++
		e := c
		if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == c.Node() {
			e = c.Parent()
		}
		p := e.Parent()
		call, ok := p.Node().(*ast.CallExpr)
		if !ok || call.Fun != e.Node() {
			if ok && isErrgroupGo(cc.info, call) {
				if f := cc.followWait(p, depth); f != nil {
					return f
				}
			}
			continue
		}
		switch p.Parent().Node().(type) {
		case *ast.GoStmt, *ast.DeferStmt, *ast.ExprStmt:
			continue // the result is discarded
		}
		if !cc.closedBefore(p) {
			continue
		}
		if nres == 1 {
			if f := cc.flow(p, p, depth); f != nil {
				return f
			}
			continue
		}
		if as, ok := p.Parent().Node().(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) == nres {
			if v := localVar(cc.info, as.Lhs[idx]); v != nil {
				if f := cc.followVar(v, p.Parent(), as.End(), depth+1); f != nil {
					return f
				}
			}
		}
	}
	if refs == 0 && (obj.Exported() || obj.Signature().Recv() != nil) && !slices.Contains(serveMethods, obj.Name()) {
		// Called from other packages, or through an interface. A wrapper
		// named like the serve method it wraps (Serve, ListenAndServe)
		// promises its contract, http.ErrServerClosed included.
		return &failure{at: ret, kind: notSink, name: obj.Name()}
	}
	return nil
}

// followWait follows the error of a function run by the errgroup call at
// goCall to the Wait calls of the same group.
func (cc *closedCheck) followWait(goCall inspector.Cursor, depth int) *failure {
	sel, ok := ast.Unparen(goCall.Node().(*ast.CallExpr).Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	group := keyOf(cc.info, sel.X)
	if group == nil {
		return nil
	}
	for c := range cc.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if !analysisutil.IsMethod(analysisutil.CalleeObject(cc.info, call), "golang.org/x/sync/errgroup", "Group", "Wait") {
			continue
		}
		wsel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || keyOf(cc.info, wsel.X) != group || !cc.closedBefore(c) {
			continue
		}
		if f := cc.flow(c, c, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// isErrgroupGo reports whether call is (*errgroup.Group).Go or TryGo.
func isErrgroupGo(info *types.Info, call *ast.CallExpr) bool {
	return analysisutil.IsMethod(analysisutil.CalleeObject(info, call), "golang.org/x/sync/errgroup", "Group", "Go", "TryGo")
}

// carriesError reports whether call passes an error given as argument on in
// its result: a wrapper (fmt.Errorf, errors.Join, errors.Wrap) or a
// formatter (fmt.Sprintf) whose one result is an error or a string.
func carriesError(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call]
	if !ok || tv.IsType() {
		return false
	}
	if isErrorType(tv.Type) {
		return true
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// isExamined reports whether the use of an error variable at c tells errors
// apart: a comparison with something other than nil, a call returning bool
// (errors.Is, errors.As, strings.Contains(err.Error(), ...)), a switch or a
// type assertion.
func isExamined(info *types.Info, c inspector.Cursor) bool {
	for {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr:
			c = p
			continue
		case *ast.SelectorExpr:
			if call, ok := p.Parent().Node().(*ast.CallExpr); ok && call.Fun == pn && pn.Sel.Name == "Error" {
				c = p.Parent()
				continue
			}
			return false
		case *ast.BinaryExpr:
			if pn.Op != token.EQL && pn.Op != token.NEQ {
				return false
			}
			other := pn.X
			if other == c.Node() {
				other = pn.Y
			}
			return !analysisutil.IsNil(info, other)
		case *ast.CallExpr:
			if pn.Fun == c.Node() {
				return false
			}
			if tv, ok := info.Types[pn]; ok {
				if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
					return true
				}
				if t, ok := tv.Type.(*types.Tuple); ok && t.Len() > 0 {
					if b, ok := t.At(t.Len() - 1).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
						return true
					}
				}
			}
			if carriesError(info, pn) {
				c = p
				continue
			}
			return false
		case *ast.SwitchStmt:
			return pn.Tag == c.Node()
		case *ast.TypeAssertExpr:
			return true
		}
		return false
	}
}

// isUnconditional reports whether the node at c runs whenever the code at
// origin has produced its error: the only conditions between them are nil
// checks of an error (`if err != nil`), so no other state (a shutting-down
// flag, a second error check) decides.
func isUnconditional(info *types.Info, c, origin inspector.Cursor) bool {
	o := origin.Node()
	for cur := c; ; {
		if contains(cur.Node(), o) {
			return true
		}
		p := cur.Parent()
		switch pn := p.Node().(type) {
		case nil:
			return true
		case *ast.IfStmt:
			if cur.Node() == pn.Body && !isNilCheck(info, pn.Cond, token.NEQ) || cur.Node() == pn.Else && !isNilCheck(info, pn.Cond, token.EQL) {
				return false
			}
		case *ast.CaseClause:
			if !contains(pn, o) {
				return false
			}
		case *ast.FuncLit, *ast.FuncDecl:
			return true
		}
		cur = p
	}
}

// contains reports whether node n encloses node o.
func contains(n, o ast.Node) bool {
	return n != nil && n.Pos() <= o.Pos() && o.End() <= n.End()
}

// isNilCheck reports whether cond is `x != nil` (op NEQ) or `x == nil` (op
// EQL) for a variable x.
func isNilCheck(info *types.Info, cond ast.Expr, op token.Token) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return false
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if analysisutil.IsNil(info, x) {
		x, y = y, x
	}
	id, isID := x.(*ast.Ident)
	if !isID || !analysisutil.IsNil(info, y) {
		return false
	}
	_, isVar := info.Uses[id].(*types.Var)
	return isVar
}

// nilChecked returns the variable that cond compares with nil by op
// (`v != nil`), or nil.
func nilChecked(info *types.Info, cond ast.Expr, op token.Token) *types.Var {
	if !isNilCheck(info, cond, op) {
		return nil
	}
	b := ast.Unparen(cond).(*ast.BinaryExpr)
	for _, e := range []ast.Expr{b.X, b.Y} {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				return v
			}
		}
	}
	return nil
}

// localVar returns the variable that the assignment target e names, or nil
// (blank, fields, index expressions).
func localVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

// isAssigned reports whether the identifier at c is the target of an
// assignment.
func isAssigned(c inspector.Cursor) bool {
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if l == c.Node() {
			return true
		}
	}
	return false
}

// nextAssignment returns the position of the first assignment to v in fn
// after pos, or the end of fn.
func nextAssignment(info *types.Info, fn inspector.Cursor, v *types.Var, pos token.Pos) token.Pos {
	end := fn.Node().End()
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		if as.Pos() <= pos || as.Pos() >= end {
			continue
		}
		for _, l := range as.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
				end = as.Pos()
			}
		}
	}
	return end
}
