package analysisutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
)

const varsSrc = `package p

func f(xs []int) {
	a := 1     // declared, never assigned again
	b := 1
	b = 2      // assigned
	c := 0
	c++        // incremented
	d := 0
	_ = &d     // address taken
	e := 0
	g, e := 1, 2 // e redeclared: assigned; g declared
	var h int
	for _, h = range xs { // range assignment
	}
	k := 0
	func() { k = 1 }() // assigned in the skipped literal
	_, _, _, _, _, _, _ = a, b, c, e, g, h, k
	if xs == nil {
	}
}
`

func TestReassignsAndIsNil(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", varsSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	vars := make(map[string]*types.Var)
	var lit *ast.FuncLit
	var cond ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.Defs[n].(*types.Var); ok && vars[n.Name] == nil {
				vars[n.Name] = v
			}
		case *ast.FuncLit:
			lit = n
		case *ast.IfStmt:
			cond = n.Cond
		}
		return true
	})
	body := f.Decls[0].(*ast.FuncDecl).Body
	for name, want := range map[string]bool{"a": false, "b": true, "c": true, "d": true, "e": true, "g": false, "h": true, "xs": false} {
		if got := analysisutil.Reassigns(info, body, vars[name], nil); got != want {
			t.Errorf("Reassigns(%s) = %v, want %v", name, got, want)
		}
	}
	if !analysisutil.Reassigns(info, body, vars["k"], nil) || analysisutil.Reassigns(info, body, vars["k"], lit) {
		t.Error("Reassigns(k) must see the assignment in the literal, and not when the literal is skipped")
	}
	bin := cond.(*ast.BinaryExpr)
	if !analysisutil.IsNil(info, bin.Y) || analysisutil.IsNil(info, bin.X) {
		t.Error("IsNil: want nil for the right operand only")
	}
}
