package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// funcNodes are the node types that start a function body.
var funcNodes = []ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}

// funcType returns the type of a *ast.FuncDecl or *ast.FuncLit.
func funcType(n ast.Node) *ast.FuncType {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type
	case *ast.FuncLit:
		return n.Type
	}
	return nil
}

// contextParam returns how a parameter of ft gives a context — "ctx" for a
// context.Context parameter, "r.Context()" for an *http.Request one — or ""
// when none does. ignored reports a blank or unnamed context.Context
// parameter: the function chose not to use the context it is given.
func contextParam(info *types.Info, ft *ast.FuncType) (name string, ignored bool) {
	if ft == nil || ft.Params == nil {
		return "", false
	}
	req := ""
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 && analysisutil.IsContext(info.TypeOf(field.Type)) {
			ignored = true
		}
		for _, id := range field.Names {
			v, _ := info.Defs[id].(*types.Var)
			switch {
			case v == nil:
			case v.Name() == "_":
				ignored = ignored || analysisutil.IsContext(v.Type())
			case analysisutil.IsContext(v.Type()):
				return v.Name(), false
			case isHTTPRequest(v.Type()) && req == "":
				req = v.Name() + ".Context()"
			}
		}
	}
	if ignored {
		return "", true
	}
	return req, false
}

// isHTTPRequest reports whether t is *http.Request.
func isHTTPRequest(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && analysisutil.IsNamedType(p.Elem(), "net/http", "Request")
}

// contextInScope returns how the function around c, or a function
// enclosing it, receives a context as a parameter ("ctx", "r.Context()"),
// or "" when none does or when the innermost function given one ignores it
// (a blank or unnamed parameter).
func contextInScope(info *types.Info, c inspector.Cursor) string {
	for fc := range c.Enclosing(funcNodes...) {
		name, ignored := contextParam(info, funcType(fc.Node()))
		if name != "" || ignored {
			return name
		}
	}
	return ""
}

// visibleContext returns the name of a context (a context.Context
// variable, or r.Context() of an *http.Request variable) declared in a
// function scope and visible at pos, or "".
//
//	func worker(ctx context.Context) { ... pos ... }
//	ctx, stop := signal.NotifyContext(...); go func() { ... pos ... }()
func visibleContext(pkg *types.Package, pos token.Pos) string {
	for s := pkg.Scope().Innermost(pos); s != nil && s != pkg.Scope() && s.Parent() != pkg.Scope(); s = s.Parent() {
		// In each scope, the context declared last: g, gctx := errgroup.WithContext(ctx).
		var best *types.Var
		req := ""
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || name == "_" || v.Pos() >= pos {
				continue
			}
			switch {
			case analysisutil.IsContext(v.Type()):
				if best == nil || v.Pos() > best.Pos() {
					best = v
				}
			case isHTTPRequest(v.Type()) && req == "":
				req = name + ".Context()"
			}
		}
		if best != nil {
			return best.Name()
		}
		if req != "" {
			return req
		}
	}
	return ""
}

// isContextLike reports whether t is context.Context or implements it
// (Deadline, Done, Err and Value methods), like a framework's request
// context.
func isContextLike(t types.Type) bool {
	if t == nil {
		return false
	}
	if analysisutil.IsContext(t) {
		return true
	}
	for _, m := range []string{"Deadline", "Done", "Err", "Value"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m)
		if _, ok := obj.(*types.Func); !ok {
			return false
		}
	}
	return true
}

// isContextMethodCall reports whether e calls one of the methods names on a
// context: ctx.Done(), ctx.Err().
func isContextMethodCall(info *types.Info, e ast.Expr, names ...string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Signature().Recv() == nil {
		return false
	}
	found := false
	for _, n := range names {
		found = found || fn.Name() == n
	}
	return found && isContextLike(info.TypeOf(sel.X))
}

// isDoneReceive reports whether e receives from a context's Done channel:
//
//	<-ctx.Done()
func isDoneReceive(info *types.Info, e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW && isContextMethodCall(info, u.X, "Done")
}

// waitsForDone reports whether n, outside function literals, receives from
// a context's Done channel or tests its Err: once n has run, the context
// may be done.
//
//	<-ctx.Done()
//	select { case <-ctx.Done(): ... }
//	if ctx.Err() != nil { ... }
func waitsForDone(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case ast.Expr:
			if isDoneReceive(info, n) || isContextMethodCall(info, n, "Err") {
				found = true
			}
		}
		return !found
	})
	return found
}

// afterDone reports whether the code at c runs once a context is done: a
// statement before it (in its block or an enclosing one), the select case
// or the if condition it is in waits for Done or tests Err.
//
//	<-ctx.Done(); ... c ...
//	case <-ctx.Done(): ... c ...
//	context.AfterFunc(ctx, func() { ... c ... })
func afterDone(info *types.Info, c inspector.Cursor) bool {
	for cur := c; ; cur = cur.Parent() {
		if isSequential(cur.Node()) {
			for prev, ok := cur.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
				if _, isStmt := prev.Node().(ast.Stmt); isStmt && waitsForDone(info, prev.Node()) {
					return true
				}
			}
		}
		switch n := cur.Node().(type) {
		case *ast.CommClause:
			if n.Comm != nil && !containsCursor(n.Comm, c) && waitsForDone(info, n.Comm) {
				return true
			}
		case *ast.IfStmt:
			if containsCursor(n.Body, c) && waitsForDone(info, n.Cond) {
				return true
			}
		case *ast.FuncLit:
			if isAfterFuncArg(info, cur) {
				return true
			}
		case *ast.FuncDecl, *ast.File:
			return false
		}
	}
}

// isSequential reports whether n is a statement that runs after the
// statements before it. The clauses of a select or switch are alternatives:
// the code of one clause does not run after its sibling clauses.
//
//	select {
//	case <-ctx.Done(): return
//	case o := <-orders: go charge(context.Background(), o) // not after Done
//	}
func isSequential(n ast.Node) bool {
	switch n.(type) {
	case *ast.CommClause, *ast.CaseClause:
		return false
	}
	_, ok := n.(ast.Stmt)
	return ok
}

// containsCursor reports whether the node at c lies within n.
func containsCursor(n ast.Node, c inspector.Cursor) bool {
	return n.Pos() <= c.Node().Pos() && c.Node().End() <= n.End()
}

// isAfterFuncArg reports whether the function literal at c is the function
// of context.AfterFunc, which runs once the context is done.
//
//	context.AfterFunc(ctx, func() { ... })
func isAfterFuncArg(info *types.Info, c inspector.Cursor) bool {
	call, ok := c.Parent().Node().(*ast.CallExpr)
	return ok && analysisutil.IsFunc(analysisutil.CalleeObject(info, call), "context", "AfterFunc")
}

// cleanupPrefixes start the names of functions and methods that shut
// something down or clean up; a fresh context given to them must not be the
// done context of the code that stops.
var cleanupPrefixes = []string{
	"shutdown", "close", "stop", "gracefulstop", "cleanup", "clean", "teardown",
	"drain", "flush", "terminate", "release", "deregister", "unregister",
	"dispose", "destroy", "unsubscribe", "disconnect", "logout", "rollback",
	"abort", "exit", "quit",
}

// isCleanupFunc reports whether fn's name says it shuts something down or
// cleans up: Shutdown, Close, Stop, GracefulStop, Cleanup, Flush, Exit, ...
func isCleanupFunc(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	name := strings.ToLower(fn.Name())
	for _, p := range cleanupPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// isFreshContextCall reports whether e calls context.Background or
// context.TODO.
func isFreshContextCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && analysisutil.IsFreshContext(analysisutil.CalleeObject(info, call))
}

// calleeName returns how a message names the function call calls.
func calleeName(info *types.Info, call *ast.CallExpr) string {
	fn := analysisutil.Callee(info, call)
	if fn == nil {
		return "the function"
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}
