package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// detached reports context.Background() and context.TODO() given to
// goroutines (and, with -ctxpropagation.calls, to any call taking a
// context) in functions that receive a context.
func (c *checker) detached() {
	info := c.pass.TypesInfo
	reported := make(map[*ast.CallExpr]bool)
	for cur := range c.insp.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		if c.isTestFile(cur.Node()) {
			continue
		}
		if launch, ok := analysisutil.LaunchOf(info, cur.Node()); ok {
			c.detachedLaunch(cur, launch, reported)
		}
		if call, ok := cur.Node().(*ast.CallExpr); ok && calls && cur.ParentEdgeKind() != edge.GoStmt_Call {
			c.detachedCall(cur, call, reported) // a go statement's call is a launch
		}
	}
}

// isTestFile reports whether n is in a _test.go file, where fresh contexts
// are how tests start their work.
func (c *checker) isTestFile(n ast.Node) bool {
	return strings.HasSuffix(c.pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// detachedLaunch reports the fresh contexts a goroutine launch hands its
// function, or that its function literal creates.
//
//	go worker(context.Background())
//	g.Go(func() error { return fetch(context.TODO()) })
func (c *checker) detachedLaunch(cur inspector.Cursor, launch analysisutil.Launch, reported map[*ast.CallExpr]bool) {
	info := c.pass.TypesInfo
	ctxName := contextInScope(info, cur)
	if ctxName == "" || c.ownedGoroutine(cur, launch) {
		return
	}
	root, ok := cur.FindNode(launch.Fun)
	if launch.Call != nil {
		root, ok = cur.FindNode(launch.Call)
	}
	if !ok {
		return
	}
	for fc := range root.Preorder((*ast.CallExpr)(nil)) {
		call := fc.Node().(*ast.CallExpr)
		if reported[call] || !isFreshContextCall(info, call) || c.isDeliberateFresh(fc) {
			continue
		}
		reported[call] = true
		verb := "is given"
		if lit, ok := launch.Fun.(*ast.FuncLit); ok && containsCursor(lit.Body, fc) {
			verb = "creates"
		}
		c.r.Reportf(detachedContext, call, "goroutine %s %s, so neither cancelling %s nor shutdown can stop it; derive its context from %s or from a server-lifetime context%s",
			verb, freshName(info, call), ctxName, ctxName, c.detachHint(call, ctxName))
	}
}

// ownedGoroutine reports whether the goroutine launched at cur is tracked
// by a sync.WaitGroup stored in a struct field: its owner waits for it when
// it closes, so it has a lifetime of its own, which the context of the
// function that starts it (often a constructor's) does not bound.
//
//	b.wg.Add(1)
//	go b.commitLoop(context.Background())   // commitLoop: defer b.wg.Done()
func (c *checker) ownedGoroutine(cur inspector.Cursor, launch analysisutil.Launch) bool {
	info := c.pass.TypesInfo
	stmt := cur
	if _, ok := launch.Node.(*ast.CallExpr); ok {
		stmt = cur.Parent()
	}
	for prev, ok := stmt.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
		if callsFieldWaitGroup(info, prev.Node(), "Add") {
			return true
		}
	}
	var body ast.Node
	switch fun := launch.Fun.(type) {
	case *ast.FuncLit:
		body = fun.Body
	default:
		if decl, ok := c.decls()[funcObject(info, fun)]; ok {
			body = decl.Node().(*ast.FuncDecl).Body
		}
	}
	return body != nil && callsFieldWaitGroup(info, body, "Done")
}

// callsFieldWaitGroup reports whether n, outside function literals, calls
// the method name of a sync.WaitGroup that is a struct field.
//
//	s.wg.Add(1)
//	defer s.wg.Done()
func callsFieldWaitGroup(info *types.Info, n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || !analysisutil.IsMethod(analysisutil.CalleeObject(info, n), "sync", "WaitGroup", name) {
				break
			}
			if wg, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
				if v, ok := info.Uses[wg.Sel].(*types.Var); ok && v.IsField() {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// detachedCall reports, under -ctxpropagation.calls, the fresh contexts
// passed to a call that takes a context, in a function that receives one.
//
//	func handle(ctx context.Context) { fetch(context.Background()) }
func (c *checker) detachedCall(cur inspector.Cursor, call *ast.CallExpr, reported map[*ast.CallExpr]bool) {
	info := c.pass.TypesInfo
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return // conversion or builtin
	}
	var ctxName string
	for i, arg := range call.Args {
		fresh, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok || reported[fresh] || !isFreshContextCall(info, fresh) || !isContextLike(paramType(sig, i)) {
			continue
		}
		if ctxName == "" {
			if ctxName = contextInScope(info, cur); ctxName == "" {
				return
			}
		}
		fc, ok := cur.FindNode(fresh)
		if !ok || c.isDeliberateFresh(fc) {
			continue
		}
		reported[fresh] = true
		c.r.Reportf(detachedContext, fresh, "%s passed to %s cannot be cancelled through %s or at shutdown; pass %s or a context derived from it%s",
			freshName(info, fresh), calleeName(info, call), ctxName, ctxName, c.detachHint(fresh, ctxName))
	}
}

// paramType returns the type of the parameter that receives argument i of
// a call of sig, or nil.
func paramType(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	switch {
	case sig.Variadic() && i >= params.Len()-1:
		if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	case i < params.Len():
		return params.At(i).Type()
	}
	return nil
}

// freshName returns "context.Background()" or "context.TODO()" for a call
// of one of them.
func freshName(info *types.Info, call *ast.CallExpr) string {
	return "context." + analysisutil.Callee(info, call).Name() + "()"
}

// detachHint returns the end of a detached-context message: in files of Go
// 1.21 or later, how to detach deliberately.
func (c *checker) detachHint(call *ast.CallExpr, ctxName string) string {
	if ok, _ := analysisutil.AtLeastGo(c.pass, call.Pos(), "go1.21"); ok {
		return fmt.Sprintf(" (context.WithoutCancel(%s) if it must outlive it)", ctxName)
	}
	return ""
}

// isDeliberateFresh reports whether the fresh context at fc is meant to be
// independent of the context in scope — cleanup work that must not be cut
// short by a done context — or is not used at all.
//
//	<-ctx.Done(); srv.Shutdown(context.Background())
//	sctx, cancel := context.WithTimeout(context.Background(), d); srv.Shutdown(sctx)
//	defer func() { flush(context.Background()) }()
//	d.newInformer(context.Background())  // func (d *D) newInformer(_ context.Context)
func (c *checker) isDeliberateFresh(fc inspector.Cursor) bool {
	info := c.pass.TypesInfo
	if afterDone(info, fc) || inDefer(fc) || c.inCleanupFunc(fc) || c.ignoredByCallee(fc) {
		return true
	}
	return feedsCleanup(info, fc, 0)
}

// ignoredByCallee reports whether the expression at c is an argument of a
// call of a function of the package that ignores the parameter receiving
// it (blank or unnamed): nothing can be cancelled through it.
//
//	func (d *D) newInformer(_ context.Context) cache.SharedInformer
//	inf := d.newInformer(context.Background())
func (c *checker) ignoredByCallee(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || cur.ParentEdgeKind() != edge.CallExpr_Args || call.Ellipsis.IsValid() {
		return false
	}
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	decl, ok := c.decls()[fn.Origin()]
	if !ok {
		return false
	}
	name, ok := paramName(decl.Node().(*ast.FuncDecl).Type, cur.ParentEdgeIndex())
	return ok && (name == nil || name.Name == "_")
}

// paramName returns the name of the parameter of ft that receives argument
// i of a call (the variadic parameter for the arguments from its index
// on), nil for an unnamed parameter; ok is false when there is none.
func paramName(ft *ast.FuncType, i int) (name *ast.Ident, ok bool) {
	if ft.Params == nil {
		return nil, false
	}
	n := 0
	for j, field := range ft.Params.List {
		k := max(len(field.Names), 1)
		_, variadic := field.Type.(*ast.Ellipsis)
		if i < n+k || (variadic && j == len(ft.Params.List)-1) {
			if len(field.Names) == 0 {
				return nil, true
			}
			return field.Names[min(i-n, k-1)], true
		}
		n += k
	}
	return nil, false
}

// inCleanupFunc reports whether the code at c is in a function or method
// whose name says it cleans up (Close, Shutdown, Abort, ...), whose work
// must not be cut short by the context of the code that stops.
//
//	func (w *writer) Abort(ctx context.Context) error { return w.c.Abort(context.Background(), w.id) }
func (c *checker) inCleanupFunc(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, _ := c.pass.TypesInfo.Defs[fc.Node().(*ast.FuncDecl).Name].(*types.Func)
		return isCleanupFunc(fn)
	}
	return false
}

// inDefer reports whether the code at c runs in a deferred call of the
// function it is in (or of an enclosing one).
func inDefer(c inspector.Cursor) bool {
	for range c.Enclosing((*ast.DeferStmt)(nil)) {
		return true
	}
	return false
}

// feedsCleanup reports whether the context made by the expression at c ends
// up as an argument of a cleanup call (Shutdown, Close, Stop, ...), directly
// or through context derivations and variables.
//
//	srv.Shutdown(context.Background())
//	sctx, cancel := context.WithTimeout(context.Background(), d); srv.Shutdown(sctx)
func feedsCleanup(info *types.Info, c inspector.Cursor, depth int) bool {
	if depth > 3 {
		return false
	}
	parent := c.Parent()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		return feedsCleanup(info, parent, depth)
	case *ast.CallExpr:
		if c.ParentEdgeKind() != edge.CallExpr_Args {
			return false
		}
		if isCleanupFunc(analysisutil.Callee(info, p)) {
			return true
		}
		if isContextLike(resultType(info, p)) {
			return feedsCleanup(info, parent, depth+1)
		}
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			for _, lhs := range p.Lhs {
				if v := assignedVar(info, lhs); v != nil && isContextLike(v.Type()) {
					return varFeedsCleanup(info, c, v, depth)
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, name := range p.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && isContextLike(v.Type()) {
					return varFeedsCleanup(info, c, v, depth)
				}
			}
		}
	}
	return false
}

// resultType returns the type of the first result of call.
func resultType(info *types.Info, call *ast.CallExpr) types.Type {
	t := info.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		if tuple.Len() == 0 {
			return nil
		}
		return tuple.At(0).Type()
	}
	return t
}

// assignedVar returns the variable an assignment's left-hand side names.
func assignedVar(info *types.Info, lhs ast.Expr) *types.Var {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// varFeedsCleanup reports whether v, assigned at c, is an argument of a
// cleanup call in the function that assigns it.
func varFeedsCleanup(info *types.Info, c inspector.Cursor, v *types.Var, depth int) bool {
	fn, ok := enclosingFunc(c)
	if !ok {
		return false
	}
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] == v && feedsCleanup(info, id, depth+1) {
			return true
		}
	}
	return false
}

// enclosingFunc returns the innermost function declaration or literal
// around c.
func enclosingFunc(c inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range c.Enclosing(funcNodes...) {
		return fc, true
	}
	return inspector.Cursor{}, false
}
