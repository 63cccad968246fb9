package httpshutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"

	"golang.org/x/tools/go/ast/inspector"
)

// closedBefore reports whether one of the server's Shutdown or Close calls
// may run before the code at p observes the serve error, and remembers it
// for the message.
func (cc *closedCheck) closedBefore(p inspector.Cursor) bool {
	for i := range cc.closers {
		if cc.mayPrecede(cc.closers[i], p) {
			if cc.closer == nil {
				cc.closer = &cc.closers[i]
			}
			return true
		}
	}
	return false
}

// mayPrecede reports whether the closing call c may run before p: it runs
// in another goroutine or callback, or earlier in p's function (or in a
// loop around both). A deferred close in p's own function runs after p, and
// a close in a helper runs when the helper is called.
func (cc *closedCheck) mayPrecede(c serverCall, p inspector.Cursor) bool {
	if c.value {
		return true // a method value: when it runs is unknown
	}
	fc, ok1 := enclosingFunc(c.cur)
	fp, ok2 := enclosingFunc(p)
	if !ok1 || !ok2 {
		return true
	}
	if fc.Node() != fp.Node() {
		if contains(fc.Node(), fp.Node()) {
			return true // p runs in a closure of the closer's function: a goroutine or callback
		}
		if fd, ok := fc.Node().(*ast.FuncDecl); ok {
			return cc.calledBefore(fd, fp, p)
		}
		return true // a goroutine, callback or closure
	}
	return !c.deferred && precedes(cc.info, c.cur, p)
}

// calledBefore reports whether the function fd may run before p, which lies
// in function fp: nothing in the package refers to it (callers elsewhere
// may call it at any time), it is referred to outside fp, started as a
// goroutine, or called before p in fp.
func (cc *closedCheck) calledBefore(fd *ast.FuncDecl, fp, p inspector.Cursor) bool {
	obj := cc.info.Defs[fd.Name]
	if obj == nil {
		return true
	}
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
		call, ok := e.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != e.Node() {
			return true // a function value
		}
		f, ok := enclosingFunc(e)
		if !ok || f.Node() != fp.Node() {
			return true
		}
		switch e.Parent().Parent().Node().(type) {
		case *ast.GoStmt:
			return true
		case *ast.DeferStmt:
			continue
		}
		if precedes(cc.info, e.Parent(), p) {
			return true
		}
	}
	return refs == 0 // called from other packages, at any time
}

// precedes reports whether a, in the same function as b, may run before b:
// it comes first and is not in an exclusive branch, or a loop encloses both
// and the iteration goes on after a.
func precedes(info *types.Info, a, b inspector.Cursor) bool {
	if a.Node().Pos() < b.Node().Pos() && !exclusive(a, b) {
		return true
	}
	for l := range a.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch l.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		if contains(l.Node(), b.Node()) {
			return !leavesAfter(info, a)
		}
	}
	return false
}

// exclusive reports whether a and b lie in different branches of one if,
// switch or select statement.
func exclusive(a, b inspector.Cursor) bool {
	anc := make(map[ast.Node]bool)
	for c := range a.Enclosing() {
		anc[c.Node()] = true
	}
	childB := b.Node()
	for c := range b.Enclosing() {
		if !anc[c.Node()] {
			childB = c.Node()
			continue
		}
		// c is the lowest common ancestor; find a's child of it.
		childA := a.Node()
		for x := range a.Enclosing() {
			if x.Node() == c.Node() {
				break
			}
			childA = x.Node()
		}
		switch lca := c.Node().(type) {
		case *ast.IfStmt:
			return childA != childB && (childA == lca.Body || childA == lca.Else) && (childB == lca.Body || childB == lca.Else)
		case *ast.BlockStmt:
			switch c.Parent().Node().(type) {
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				return childA != childB
			}
		}
		return false
	}
	return false
}

// leavesAfter reports whether the statement list holding the statement at
// a ends by leaving the loop: a return, break, goto, or a terminating call.
func leavesAfter(info *types.Info, a inspector.Cursor) bool {
	for c := range a.Enclosing() {
		var list []ast.Stmt
		switch n := c.Node().(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		case *ast.FuncLit, *ast.FuncDecl, *ast.ForStmt, *ast.RangeStmt:
			return false
		default:
			continue
		}
		if len(list) == 0 {
			return false
		}
		switch last := list[len(list)-1].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			return last.Tok == token.BREAK || last.Tok == token.GOTO
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(last.X).(*ast.CallExpr); ok && analysisutil.IsNoReturnCall(info, call) {
				return true // panic, os.Exit, log.Fatal
			}
		}
		return false
	}
	return false
}

// mentionsClosed reports whether the function declaration (or package-level
// function literal) containing c refers to http.ErrServerClosed: the author
// knows the error and handles it somewhere in it.
func (st *state) mentionsClosed(c inspector.Cursor) bool {
	var outer ast.Node
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = f.Node()
	}
	if outer == nil || st.errServerClosed == nil {
		return false
	}
	if m, ok := st.mentions[outer]; ok {
		return m
	}
	found := false
	ast.Inspect(outer, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && st.info.Uses[id] == st.errServerClosed {
			found = true
		}
		return !found
	})
	st.mentions[outer] = found
	return found
}
