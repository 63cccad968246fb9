package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A capture is a variable that a deferred closure in a loop reads and that
// all iterations share.
type capture struct {
	v   *types.Var
	ref *ast.Ident // the closure's first reference to v
	why string     // "loop variable v, which all iterations share in this go1.21 file"
}

// checkCaptures reports the variables the deferred closure of s reads
// although all iterations share them, with a fix that passes them as
// arguments.
func checkCaptures(r *analysisutil.Reporter, s *site) {
	lit := s.deferredLit()
	if lit == nil {
		return
	}
	caps := capturesOf(s, lit)
	if len(caps) == 0 {
		return
	}
	vars := make([]*types.Var, len(caps))
	for i, c := range caps {
		vars[i] = c.v
	}
	fix, passed := argFix(s, lit, vars)
	for _, c := range caps {
		d := analysis.Diagnostic{
			Pos:      c.ref.Pos(),
			End:      c.ref.End(),
			Category: slugCaptures,
			Message:  "deferred closure reads " + c.why + ": every deferred call sees its last value",
		}
		if slices.Contains(passed, c.v) {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		r.Report(d)
	}
}

// capturesOf returns the variables the closure lit deferred at s reads
// whose value all iterations share, in order of first reference.
func capturesOf(s *site, lit *ast.FuncLit) []capture {
	info := s.pass.TypesInfo
	litCur, ok := s.cur.FindNode(lit)
	if !ok {
		return nil
	}
	seen := make(map[*types.Var]bool)
	var caps []capture
	for c := range litCur.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		v, ok := info.Uses[id].(*types.Var)
		if !ok || seen[v] || v.IsField() || within(lit, v.Pos()) || isPackageLevel(v) {
			continue
		}
		seen[v] = true
		if why, ok := sharedBy(s, litCur, v); ok {
			caps = append(caps, capture{v: v, ref: id, why: why})
		}
	}
	return caps
}

// isPackageLevel reports whether v is a package-level variable.
func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// sharedBy reports whether all iterations of a loop around s share v and
// change it, and says why: v is the loop variable of a loop in a file
// before Go 1.22, or v is declared outside a loop and assigned inside it
// (outside the deferred closure at litCur). Result parameters and error
// variables the closure only compares with nil are read for their final
// value by design.
func sharedBy(s *site, litCur inspector.Cursor, v *types.Var) (string, bool) {
	info := s.pass.TypesInfo
	for _, loop := range s.loops {
		if isLoopVar(info, loop.Node(), v) {
			newer, known := analysisutil.AtLeastGo(s.pass, s.stmt.Pos(), "go1.22")
			if !known || newer {
				return "", false
			}
			return "loop variable " + v.Name() + ", which all iterations share in this " + analysisutil.FileVersion(s.pass, s.stmt.Pos()) + " file", true
		}
	}
	if s.isResult(v) || isNilGuard(info, litCur, v) {
		return "", false
	}
	for _, loop := range s.loops {
		if !within(loop.Node(), v.Pos()) && analysisutil.Reassigns(info, loop.Node(), v, litCur.Node()) {
			return v.Name() + ", declared outside the loop and assigned in it", true
		}
	}
	return "", false
}

// isLoopVar reports whether v is declared by the header of loop:
//
//	for v := 0; ...; ... {}    for k, v := range xs {}
func isLoopVar(info *types.Info, loop ast.Node, v *types.Var) bool {
	var ids []ast.Expr
	switch loop := loop.(type) {
	case *ast.ForStmt:
		if init, ok := loop.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
			ids = init.Lhs
		}
	case *ast.RangeStmt:
		if loop.Tok == token.DEFINE {
			ids = []ast.Expr{loop.Key, loop.Value}
		}
	}
	for _, e := range ids {
		if id, ok := e.(*ast.Ident); ok && info.Defs[id] == v {
			return true
		}
	}
	return false
}

// isNilGuard reports whether v is an error variable that the closure at
// litCur only compares with nil, as the failure-only cleanup idiom does:
//
//	defer func() { if err != nil { f.Close() } }()
func isNilGuard(info *types.Info, litCur inspector.Cursor, v *types.Var) bool {
	if !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	for c := range litCur.Preorder((*ast.Ident)(nil)) {
		if info.Uses[c.Node().(*ast.Ident)] != v {
			continue
		}
		bin, ok := c.Parent().Node().(*ast.BinaryExpr)
		if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) || (!analysisutil.IsNil(info, bin.X) && !analysisutil.IsNil(info, bin.Y)) {
			return false
		}
	}
	return true
}
