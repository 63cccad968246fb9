package httpshutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// checkUnstoppableServers reports, in a main package that handles
// termination signals, servers nothing can shut down: http.ListenAndServe
// and friends, and *http.Server values that are served but never shut down
// or closed (unstoppable-server).
func checkUnstoppableServers(st *state, serves, closers []serverCall) {
	if st.pass.Pkg.Name() != "main" || !analysisutil.HandlesTermination(st.pass) {
		return
	}
	for c := range st.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := analysisutil.CalleeObject(st.info, call)
		if analysisutil.IsFunc(fn, "net/http", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS") {
			st.r.Reportf(checkUnstoppable, call,
				"http.%s runs a server nothing can shut down in a program that handles termination signals: in-flight requests are cut when it exits; use an *http.Server and call its Shutdown", fn.Name())
		}
	}
	reported := make(map[types.Object]bool)
	for _, sv := range serves {
		if sv.key == nil || reported[st.alias.find(sv.key)] {
			continue
		}
		if slices.ContainsFunc(closers, func(c serverCall) bool { return st.alias.same(c.key, sv.key) }) || st.escapes(sv.key) {
			continue
		}
		reported[st.alias.find(sv.key)] = true
		srv := exprString(sv.sel.X)
		st.r.Reportf(checkUnstoppable, sv.cur.Node(),
			"%s is never shut down or closed in a program that handles termination signals: in-flight requests are cut when it exits; call %s.Shutdown when the signal arrives", srv, srv)
	}
}

// escapes reports whether a server held by an alias of key is handed to
// code the package cannot see: passed to a function of another package,
// stored in an interface, returned, appended. Such code may shut it down.
func (st *state) escapes(key types.Object) bool {
	root := st.alias.find(key)
	for c := range st.insp.Root().Preorder((*ast.Ident)(nil)) {
		obj := st.info.Uses[c.Node().(*ast.Ident)]
		if obj == nil || st.alias.find(obj) != root {
			continue
		}
		e := c
		if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == c.Node() {
			e = c.Parent()
		}
		if !st.staysTracked(e, root) {
			return true
		}
	}
	return false
}

// staysTracked reports whether the use of a server at e keeps it among the
// aliases of root: a method call or field access on it, an assignment to
// or from an alias, a parameter of the package's functions that is an alias.
func (st *state) staysTracked(e inspector.Cursor, root types.Object) bool {
	same := func(o types.Object) bool { return o != nil && st.alias.find(o) == root }
	for {
		p := e.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			e = p
			continue
		case *ast.UnaryExpr:
			if pn.Op == token.AND {
				e = p
				continue
			}
			return false
		case *ast.SelectorExpr:
			return pn.X == e.Node()
		case *ast.AssignStmt:
			for i, l := range pn.Lhs {
				if l == e.Node() {
					return true // assigned to
				}
				if len(pn.Lhs) == len(pn.Rhs) && pn.Rhs[i] == e.Node() {
					return same(keyOf(st.info, l))
				}
			}
			return false
		case *ast.ValueSpec:
			for i, v := range pn.Values {
				if v == e.Node() && len(pn.Names) == len(pn.Values) {
					return same(st.info.Defs[pn.Names[i]])
				}
			}
			return false
		case *ast.KeyValueExpr:
			if id, ok := pn.Key.(*ast.Ident); ok && pn.Value == e.Node() {
				return same(st.info.Uses[id])
			}
			return pn.Key == e.Node()
		case *ast.RangeStmt:
			return pn.X == e.Node() && pn.Value != nil && same(keyOf(st.info, pn.Value))
		case *ast.CallExpr:
			fn := analysisutil.Callee(st.info, pn)
			if fn == nil || pn.Fun == e.Node() {
				return false
			}
			params := fn.Signature().Params()
			for i, a := range pn.Args {
				if a == e.Node() && i < params.Len() {
					return same(params.At(i))
				}
			}
			return false
		case *ast.BinaryExpr:
			return true // compared with nil
		case *ast.IndexExpr:
			return pn.X == e.Node()
		}
		return false
	}
}
