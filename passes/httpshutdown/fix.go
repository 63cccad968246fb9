package httpshutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// exprString renders e for a message.
func exprString(e ast.Expr) string { return types.ExprString(e) }

// A fixer builds the text edits of one suggested fix in one file.
type fixer struct {
	st    *state
	file  *ast.File
	src   []byte
	tf    *token.File
	edits []analysis.TextEdit
}

// newFixer returns a fixer for the file holding pos, or nil when its
// source cannot be read.
func (st *state) newFixer(pos token.Pos) *fixer {
	file := analysisutil.File(st.pass, pos)
	if file == nil {
		return nil
	}
	tf := st.pass.Fset.File(pos)
	src, err := st.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	return &fixer{st: st, file: file, src: src, tf: tf}
}

// text returns the source text of n.
func (fx *fixer) text(n ast.Node) string {
	return string(fx.src[fx.tf.Offset(n.Pos()):fx.tf.Offset(n.End())])
}

// textReplacing returns the source text of n with the text of inner (a node
// inside n) replaced by repl.
func (fx *fixer) textReplacing(n, inner ast.Node, repl string) string {
	s, is, ie := fx.tf.Offset(n.Pos()), fx.tf.Offset(inner.Pos()), fx.tf.Offset(inner.End())
	return string(fx.src[s:is]) + repl + string(fx.src[ie:fx.tf.Offset(n.End())])
}

// indent returns the indentation of the line holding pos.
func (fx *fixer) indent(pos token.Pos) string {
	line := fx.tf.LineStart(fx.tf.Line(pos))
	off := fx.tf.Offset(line)
	end := off
	for end < len(fx.src) && (fx.src[end] == ' ' || fx.src[end] == '\t') {
		end++
	}
	return string(fx.src[off:end])
}

// replace adds an edit replacing the text of n by s.
func (fx *fixer) replace(n ast.Node, s string) {
	fx.edits = append(fx.edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(s)})
}

// insert adds an edit inserting s at pos.
func (fx *fixer) insert(pos token.Pos, s string) {
	fx.edits = append(fx.edits, analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(s)})
}

// pkgName returns the name under which the file refers to the package
// path at pos, importing it when the file does not and its name is free;
// ok is false when neither is possible.
func (fx *fixer) pkgName(path string, pos token.Pos) (string, bool) {
	scope := fx.st.pass.TypesInfo.Scopes[fx.file]
	inner := fx.st.pass.Pkg.Scope().Innermost(pos)
	for _, spec := range fx.file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		var pn *types.PkgName
		if spec.Name != nil {
			pn, _ = fx.st.pass.TypesInfo.Defs[spec.Name].(*types.PkgName)
		} else {
			pn, _ = fx.st.pass.TypesInfo.Implicits[spec].(*types.PkgName)
		}
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if inner != nil {
			if _, obj := inner.LookupParent(pn.Name(), pos); obj != pn {
				return "", false // shadowed here
			}
		}
		return pn.Name(), true
	}
	name := path[strings.LastIndex(path, "/")+1:]
	if scope != nil && scope.Lookup(name) != nil {
		return "", false
	}
	if inner != nil {
		if _, obj := inner.LookupParent(name, pos); obj != nil {
			return "", false
		}
	}
	if !fx.addImport(path) {
		return "", false
	}
	return name, true
}

// addImport adds an edit importing path into the file's first import
// declaration: in sorted position within its first group of imports (the
// standard library's, by convention).
func (fx *fixer) addImport(path string) bool {
	for _, d := range fx.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		quoted := strconv.Quote(path)
		if !gd.Lparen.IsValid() || len(gd.Specs) == 0 {
			fx.insert(gd.Pos(), "import "+quoted+"\n")
			return true
		}
		last := gd.Specs[0]
		for i, s := range gd.Specs {
			if i > 0 && fx.tf.Line(s.Pos()) > fx.tf.Line(last.End())+1 {
				break // a blank line ends the first group
			}
			if s.(*ast.ImportSpec).Path.Value > quoted {
				fx.insert(s.Pos(), quoted+"\n"+fx.indent(s.Pos()))
				return true
			}
			last = s
		}
		fx.insert(last.End(), "\n"+fx.indent(last.Pos())+quoted)
		return true
	}
	return false
}

// freshName returns name, or name with a number appended, such that it is
// neither visible at pos nor declared anywhere in the function fn.
func (fx *fixer) freshName(name string, fn ast.Node, pos token.Pos) string {
	inner := fx.st.pass.Pkg.Scope().Innermost(pos)
	taken := func(n string) bool {
		if inner != nil {
			if _, obj := inner.LookupParent(n, pos); obj != nil {
				return true
			}
		}
		found := false
		ast.Inspect(fn, func(x ast.Node) bool {
			if id, ok := x.(*ast.Ident); ok && id.Name == n {
				found = true
			}
			return !found
		})
		return found
	}
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s%d", name, i)
		}
		if !taken(n) {
			return n
		}
	}
}

// suggested returns the fix with the given message, or nil when it has no edits.
func (fx *fixer) suggested(msg string) *analysis.SuggestedFix {
	if fx == nil || len(fx.edits) == 0 {
		return nil
	}
	return &analysis.SuggestedFix{Message: msg, TextEdits: fx.edits}
}

// stmtInList returns the cursor of the statement containing c that sits
// directly in a statement list (a block or a case body).
func stmtInList(c inspector.Cursor) (inspector.Cursor, bool) {
	for s := range c.Enclosing() {
		if _, ok := s.Node().(ast.Stmt); !ok {
			continue
		}
		switch s.Parent().Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return s, true
		case *ast.FuncLit, *ast.FuncDecl:
			return inspector.Cursor{}, false
		}
	}
	return inspector.Cursor{}, false
}

// mentionsName reports whether n contains an identifier spelled name.
func mentionsName(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}
