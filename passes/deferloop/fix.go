package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// wrapFix runs the body of the loop innermost around the defer in a
// function literal of its own, so that the deferred call runs at the end
// of every iteration; a continue of that loop becomes a return:
//
//	for ... { f := open(); defer f.Close(); if bad(f) { continue }; use(f) }
//	for ... { func() { f := open(); defer f.Close(); if bad(f) { return }; use(f) }() }
//
// It offers no fix when the body leaves the literal otherwise: a return, a
// goto, a break of the loop or of an enclosing statement, a labelled
// continue, or a continue of an enclosing loop. Moved into a function
// literal they would no longer compile or would change meaning.
func wrapFix(s *site) (analysis.SuggestedFix, bool) {
	loop := s.loops[0]
	var body inspector.Cursor
	switch loop.Node().(type) {
	case *ast.ForStmt:
		body = loop.ChildAt(edge.ForStmt_Body, -1)
	case *ast.RangeStmt:
		body = loop.ChildAt(edge.RangeStmt_Body, -1)
	}
	continues, ok := wrapExits(s.pass.TypesInfo, body)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	block := body.Node().(*ast.BlockStmt)
	edits := []analysis.TextEdit{{Pos: block.Lbrace + 1, End: block.Lbrace + 1, NewText: []byte("\nfunc() {")}}
	for _, br := range continues {
		edits = append(edits, analysis.TextEdit{Pos: br.Pos(), End: br.End(), NewText: []byte("return")})
	}
	edits = append(edits, analysis.TextEdit{Pos: block.Rbrace, End: block.Rbrace, NewText: []byte("}()\n")})
	return analysis.SuggestedFix{
		Message:   "Run each iteration in its own function literal so that the deferred call runs at its end",
		TextEdits: edits,
	}, true
}

// wrapExits returns the unlabelled continue statements of the loop whose
// body is at body, and reports whether the body still compiles and means
// the same inside func() { ... }() once they become returns: no return, no
// goto, and every other break and continue targets a statement inside the
// body (function literals inside the body do not matter).
func wrapExits(info *types.Info, body inspector.Cursor) ([]*ast.BranchStmt, bool) {
	var continues []*ast.BranchStmt
	ok := true
	types := []ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.BranchStmt)(nil)}
	body.Inspect(types, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			ok = false
		case *ast.BranchStmt:
			switch {
			case branchStaysIn(info, c, n, body):
			case n.Tok == token.CONTINUE && n.Label == nil && continuesBody(c, body):
				continues = append(continues, n)
			default:
				ok = false
			}
		}
		return ok
	})
	return continues, ok
}

// continuesBody reports whether the unlabelled continue at c continues the
// loop whose body is at body.
func continuesBody(c, body inspector.Cursor) bool {
	for loop := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		return loop == body.Parent()
	}
	return false
}

// branchStaysIn reports whether the branch statement br at c targets a
// statement inside body: a labelled one declared there, or the innermost
// enclosing loop (continue) or loop, switch or select (break) when that
// lies inside body. A goto is never kept.
func branchStaysIn(info *types.Info, c inspector.Cursor, br *ast.BranchStmt, body inspector.Cursor) bool {
	switch br.Tok {
	case token.GOTO:
		return false
	case token.FALLTHROUGH:
		return true
	}
	if br.Label != nil {
		lbl := info.Uses[br.Label]
		return lbl != nil && within(body.Node(), lbl.Pos())
	}
	targets := []ast.Node{(*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)}
	if br.Tok == token.BREAK {
		targets = append(targets, (*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil))
	}
	for t := range c.Enclosing(targets...) {
		return body.Contains(t)
	}
	return false
}

// argFix passes the variables vars, which the deferred closure lit reads,
// as arguments evaluated at the defer:
//
//	defer func() { use(v) }()
//	defer func(v T) { use(v) }(v)
//
// Variables the closure assigns, whose type cannot be written at the
// closure, or whose name a parameter already has are left out. It returns
// the fix and the variables it passes (none for a variadic closure).
func argFix(s *site, lit *ast.FuncLit, vars []*types.Var) (analysis.SuggestedFix, []*types.Var) {
	params := lit.Type.Params
	if s.stmt.Call.Ellipsis.IsValid() || (len(params.List) > 0 && isVariadic(params.List[len(params.List)-1])) {
		return analysis.SuggestedFix{}, nil
	}
	taken := make(map[string]bool)
	for _, f := range params.List {
		for _, name := range f.Names {
			taken[name.Name] = true
		}
	}
	var (
		decls, names []string
		passed       []*types.Var
	)
	for _, v := range vars {
		t, ok := typeExpr(s.pass, lit.Pos(), v.Type())
		if !ok || taken[v.Name()] || v.Name() == "_" || analysisutil.Reassigns(s.pass.TypesInfo, lit.Body, v, nil) {
			continue
		}
		taken[v.Name()] = true
		decls = append(decls, v.Name()+" "+t)
		names = append(names, v.Name())
		passed = append(passed, v)
	}
	if len(passed) == 0 {
		return analysis.SuggestedFix{}, nil
	}
	paramPos, paramText := params.Closing, ", "+strings.Join(decls, ", ")
	if len(params.List) == 0 {
		paramText = paramText[2:]
	}
	argText := ", " + strings.Join(names, ", ")
	if len(s.stmt.Call.Args) == 0 {
		argText = argText[2:]
	}
	return analysis.SuggestedFix{
		Message: "Pass " + strings.Join(names, ", ") + " to the deferred closure as arguments",
		TextEdits: []analysis.TextEdit{
			{Pos: paramPos, End: paramPos, NewText: []byte(paramText)},
			{Pos: s.stmt.Call.Rparen, End: s.stmt.Call.Rparen, NewText: []byte(argText)},
		},
	}, passed
}

func isVariadic(f *ast.Field) bool {
	_, ok := f.Type.(*ast.Ellipsis)
	return ok
}

// typeExpr writes t as it must be spelled at pos, and reports whether that
// spelling denotes t there (its packages imported under those names, its
// types exported or local and not shadowed).
func typeExpr(pass *analysis.Pass, pos token.Pos, t types.Type) (string, bool) {
	file := analysisutil.File(pass, pos)
	if file == nil {
		return "", false
	}
	qualifier := func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		for _, imp := range file.Imports {
			pkgName := pass.TypesInfo.PkgNameOf(imp)
			if pkgName == nil || pkgName.Imported() != p || pkgName.Name() == "_" {
				continue
			}
			if pkgName.Name() == "." {
				return ""
			}
			return pkgName.Name()
		}
		return p.Name() // not imported: Eval fails below
	}
	expr := types.TypeString(t, qualifier)
	tv, err := types.Eval(pass.Fset, pass.Pkg, pos, expr)
	if err != nil || !tv.IsType() || !types.Identical(tv.Type, t) {
		return "", false
	}
	return expr, true
}
