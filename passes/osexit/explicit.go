package osexit

import (
	"go/ast"
	"go/types"
)

// isDoneBeforeExit reports whether the work of the deferred call d, of
// f's own body, is done explicitly on every path from d to the exit at
// ev: a statement equal to the deferred call runs before the exit, after
// d, in the exit's block or in a block enclosing it.
//
//	defer w.Flush()
//	...
//	if err != nil {
//		w.Flush()
//		os.Exit(1)
//	}
func (c *checker) isDoneBeforeExit(f *funcInfo, d *ast.DeferStmt, ev event) bool {
	call := c.deferredWork(d)
	if call == nil {
		return false
	}
	cur, ok := f.cur.FindNode(ev.at)
	if !ok {
		return false
	}
	for ; cur.Node() != f.node(); cur = cur.Parent() {
		if _, ok := cur.Node().(*ast.FuncLit); ok {
			return false
		}
		for prev, ok := cur.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
			s, isStmt := prev.Node().(ast.Stmt)
			if !isStmt || s.Pos() < d.End() {
				break
			}
			if c.stmtCalls(s, call) {
				return true
			}
		}
		if cur.Node().Pos() < d.Pos() {
			return false // left the block that holds the defer
		}
	}
	return false
}

// deferredWork returns the call that does the work of d: its call, or the
// only call of a deferred function literal.
//
//	defer f.Close()
//	defer func() { _ = f.Close() }()
func (c *checker) deferredWork(d *ast.DeferStmt) *ast.CallExpr {
	lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok {
		return d.Call
	}
	var only *ast.CallExpr
	n := 0
	ast.Inspect(lit.Body, func(n2 ast.Node) bool {
		if call, ok := n2.(*ast.CallExpr); ok {
			only = call
			n++
		}
		return n <= 1
	})
	if n != 1 {
		return nil
	}
	return only
}

// stmtCalls reports whether the statement s is a call equal to call, as a
// statement or assigned: w.Flush(), _ = w.Flush(), err = w.Flush().
func (c *checker) stmtCalls(s ast.Stmt, call *ast.CallExpr) bool {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) != 1 {
			return false
		}
		e = s.Rhs[0]
	default:
		return false
	}
	other, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && c.sameCall(other, call)
}

// sameCall reports whether the calls a and b are written alike and their
// identifiers denote the same objects.
func (c *checker) sameCall(a, b *ast.CallExpr) bool {
	if types.ExprString(a) != types.ExprString(b) {
		return false
	}
	ia, ib := idents(a), idents(b)
	if len(ia) != len(ib) {
		return false
	}
	for i := range ia {
		if c.pass.TypesInfo.ObjectOf(ia[i]) != c.pass.TypesInfo.ObjectOf(ib[i]) {
			return false
		}
	}
	return true
}

// idents returns the identifiers of n in source order.
func idents(n ast.Node) []*ast.Ident {
	var ids []*ast.Ident
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			ids = append(ids, id)
		}
		return true
	})
	return ids
}
