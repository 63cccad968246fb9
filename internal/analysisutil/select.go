package analysisutil

import (
	"go/ast"
	"go/token"
)

// CommRecv returns the channel operand (unparenthesized) of the receive a select case waits
// on, or nil when the case sends or is the default case:
//
//	case <-ch:          // ch
//	case v := <-ch:     // ch
//	case v, ok = <-ch:  // ch
//	case ch <- v:       // nil
func CommRecv(comm ast.Stmt) ast.Expr {
	var x ast.Expr
	switch comm := comm.(type) {
	case *ast.ExprStmt:
		x = comm.X
	case *ast.AssignStmt:
		if len(comm.Rhs) == 1 {
			x = comm.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return ast.Unparen(u.X)
	}
	return nil
}
