package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"
)

// IsNil reports whether e is the predeclared nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.Nil)
	return ok
}

// Reassigns reports whether root, outside the subtree skip (nil: none),
// assigns the variable v after its declaration or takes its address, so
// that v may hold another value later:
//
//	v = x    v += x    x, v := f() (v redeclared)    v++    for v = range xs    &v
func Reassigns(info *types.Info, root ast.Node, v *types.Var, skip ast.Node) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found || (skip != nil && n == skip) {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || is(lhs)
			}
		case *ast.IncDecStmt:
			found = is(n.X)
		case *ast.RangeStmt:
			found = n.Tok == token.ASSIGN && ((n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value)))
		case *ast.UnaryExpr:
			found = n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}
