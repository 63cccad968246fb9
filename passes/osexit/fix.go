package osexit

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// fixes returns the suggested fixes for the exit ev in f's own body:
// returning from TestMain, or moving main's body into run.
func (c *checker) fixes(f *funcInfo, ev event) []analysis.SuggestedFix {
	if f.decl == nil {
		return nil
	}
	var fix *analysis.SuggestedFix
	switch {
	case c.isTestMain(f.decl):
		fix = c.testMainFix(f, ev)
	case c.isMainMain(f.decl):
		if !c.runFixDone {
			c.runFix, c.runFixDone = c.makeRunFix(f), true
		}
		fix = c.runFix
	}
	if fix == nil {
		return nil
	}
	return []analysis.SuggestedFix{*fix}
}

// isTestMain reports whether decl is func TestMain(m *testing.M) of a test
// file.
func (c *checker) isTestMain(decl *ast.FuncDecl) bool {
	if decl.Recv != nil || decl.Name.Name != "TestMain" || !strings.HasSuffix(c.pass.Fset.File(decl.Pos()).Name(), "_test.go") {
		return false
	}
	fn, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if fn == nil || fn.Signature().Params().Len() != 1 {
		return false
	}
	return analysisutil.IsNamedType(fn.Signature().Params().At(0).Type(), "testing", "M")
}

// source gives the text of the file that holds a node.
type source struct {
	tf  *token.File
	src []byte
}

func (c *checker) sourceOf(pos token.Pos) (source, bool) {
	tf := c.pass.Fset.File(pos)
	if tf == nil || c.pass.ReadFile == nil {
		return source{}, false
	}
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return source{}, false
	}
	return source{tf, src}, true
}

func (s source) text(n ast.Node) string {
	return string(s.src[s.tf.Offset(n.Pos()):s.tf.Offset(n.End())])
}

// indent returns the leading white space of the line holding pos.
func (s source) indent(pos token.Pos) string {
	start := s.tf.Offset(s.tf.LineStart(s.tf.Line(pos)))
	end := start
	for end < len(s.src) && (s.src[end] == '\t' || s.src[end] == ' ') {
		end++
	}
	return string(s.src[start:end])
}

// lineRange returns the positions of the start of n's line and of the next
// line, so that deleting the range deletes the line.
func (s source) lineRange(n ast.Node) (token.Pos, token.Pos) {
	line := s.tf.Line(n.Pos())
	start := s.tf.LineStart(line)
	if line == s.tf.LineCount() {
		return start, n.End()
	}
	return start, s.tf.LineStart(line + 1)
}

// testMainFix returns the fix that replaces os.Exit(m.Run()) in TestMain
// by returning (since Go 1.15 the testing package exits with m.Run's
// result once TestMain returns), or nil when the file's Go version is older
// or unknown, or the code is not one of the two plain forms:
//
//	os.Exit(m.Run())
//	code := m.Run(); ...; os.Exit(code)
func (c *checker) testMainFix(f *funcInfo, ev event) *analysis.SuggestedFix {
	if !analysisutil.IsFunc(object(ev.fn), "os", "Exit") || len(ev.call.Args) != 1 || ev.mode != syncMode {
		return nil
	}
	if ok, known := analysisutil.AtLeastGo(c.pass, ev.call.Pos(), "go1.15"); !ok || !known {
		return nil
	}
	cur, ok := f.cur.FindNode(ev.call)
	if !ok || cur.ParentEdgeKind() != edge.ExprStmt_X {
		return nil
	}
	stmt := cur.Parent().Node().(*ast.ExprStmt)
	s, ok := c.sourceOf(stmt.Pos())
	if !ok {
		return nil
	}
	body := f.decl.Body.List
	last := body[len(body)-1] == stmt
	var edits []analysis.TextEdit
	if run, ok := ast.Unparen(ev.call.Args[0]).(*ast.CallExpr); ok && c.isMRun(run) {
		repl := s.text(run)
		if !last {
			repl += "\n" + s.indent(stmt.Pos()) + "return"
		}
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(repl)})
	} else if def, run := c.runResultDef(f, ev.call.Args[0]); def != nil {
		edits = append(edits, analysis.TextEdit{Pos: def.Pos(), End: def.End(), NewText: []byte(s.text(run))})
		if last {
			start, end := s.lineRange(stmt)
			edits = append(edits, analysis.TextEdit{Pos: start, End: end})
		} else {
			edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte("return")})
		}
	} else {
		return nil
	}
	if sel, ok := ast.Unparen(ev.call.Fun).(*ast.SelectorExpr); ok {
		edits = append(edits, c.dropImportIfUnused(s, sel)...)
	}
	return &analysis.SuggestedFix{Message: "Return from TestMain instead of calling os.Exit, so that deferred calls run", TextEdits: edits}
}

// isMRun reports whether call is m.Run() of a *testing.M.
func (c *checker) isMRun(call *ast.CallExpr) bool {
	return analysisutil.IsMethod(object(c.callee(call)), "testing", "M", "Run")
}

// runResultDef returns the statement code := m.Run() that defines the
// variable e when that os.Exit argument is its only other use.
func (c *checker) runResultDef(f *funcInfo, e ast.Expr) (*ast.AssignStmt, *ast.CallExpr) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v := c.pass.TypesInfo.Uses[id]
	if v == nil {
		return nil, nil
	}
	var def *ast.AssignStmt
	var run *ast.CallExpr
	uses := 0
	for cur := range f.cur.Preorder((*ast.Ident)(nil)) {
		x := cur.Node().(*ast.Ident)
		switch {
		case c.pass.TypesInfo.Uses[x] == v:
			uses++
		case c.pass.TypesInfo.Defs[x] == v:
			as, ok := cur.Parent().Node().(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return nil, nil
			}
			if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && c.isMRun(call) {
				def, run = as, call
			}
		}
	}
	if uses != 1 || def == nil {
		return nil, nil
	}
	return def, run
}

// dropImportIfUnused returns the edit deleting the import of the package
// that sel's qualifier names when sel is its file's only use of it.
func (c *checker) dropImportIfUnused(s source, sel *ast.SelectorExpr) []analysis.TextEdit {
	x, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	pn, ok := c.pass.TypesInfo.Uses[x].(*types.PkgName)
	if !ok {
		return nil
	}
	file := analysisutil.File(c.pass, sel.Pos())
	uses := 0
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == pn {
			uses++
		}
		return true
	})
	if uses != 1 {
		return nil
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			if c.pass.TypesInfo.PkgNameOf(is) != pn {
				continue
			}
			if gd.Lparen.IsValid() && len(gd.Specs) > 1 {
				start, end := s.lineRange(is)
				return []analysis.TextEdit{{Pos: start, End: end}}
			}
			start, end := s.lineRange(gd)
			if s.tf.Line(gd.Pos()) != s.tf.Line(gd.End()) {
				_, end = s.lineRange(&ast.Ident{NamePos: gd.End() - 1})
			}
			return []analysis.TextEdit{{Pos: start, End: end}}
		}
	}
	return nil
}

// makeRunFix returns the fix that moves the body of func main into
// func run() int and makes main call os.Exit(run()), so that the deferred
// calls run before the process exits:
//
//	func main() {            func main() {
//		defer w.Flush()          os.Exit(run())
//		...             =>   }
//		os.Exit(2)
//	}                        func run() int {
//		                         defer w.Flush()
//		                         ...
//		                         return 2
//		                     }
//
// It is nil unless the change is mechanical: every exit of main's own body
// is a statement os.Exit(code), syscall.Exit(code) or log.Fatal*(...)
// (which becomes log.Print*(...); return 1), and a free name for run
// exists.
func (c *checker) makeRunFix(f *funcInfo) *analysis.SuggestedFix {
	s, ok := c.sourceOf(f.decl.Pos())
	file := analysisutil.File(c.pass, f.decl.Pos())
	if !ok || file == nil {
		return nil
	}
	name := c.freeName(file, "run", "realMain", "runMain")
	osName, importEdit, ok := c.osImport(file)
	if name == "" || !ok {
		return nil
	}
	var edits []analysis.TextEdit
	mechanical := true
	f.cur.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.CallExpr)(nil)}, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			return false // its exits and returns are its own
		case *ast.ReturnStmt:
			edits = append(edits, analysis.TextEdit{Pos: n.Return + token.Pos(len("return")), End: n.Return + token.Pos(len("return")), NewText: []byte(" 0")})
		case *ast.CallExpr:
			if c.callStop(n) != exitStop {
				if exit, _ := c.callMay(n); !exit {
					return true
				}
			}
			e, ok := c.exitToReturn(s, n, cur)
			if !ok {
				mechanical = false
			}
			edits = append(edits, e...)
		}
		return mechanical
	})
	if !mechanical {
		return nil
	}
	body := f.decl.Body
	head := "\n\t" + osName + ".Exit(" + name + "())\n}\n\nfunc " + name + "() int {"
	edits = append(edits, analysis.TextEdit{Pos: body.Lbrace + 1, End: body.Lbrace + 1, NewText: []byte(head)})
	if len(body.List) == 0 || !c.endsFlow(body.List[len(body.List)-1]) {
		edits = append(edits, analysis.TextEdit{Pos: body.Rbrace, End: body.Rbrace, NewText: []byte("\treturn 0\n")})
	}
	edits = append(edits, importEdit...)
	return &analysis.SuggestedFix{
		Message:   "Move the body of main into func " + name + "() int and exit with its result, so that deferred calls run",
		TextEdits: edits,
	}
}

// exitToReturn returns the edits that turn the exit call (at cur) into a
// return from run, or false when the call is not one of the statements
// os.Exit(code), syscall.Exit(code), log.Fatal*(...), logger.Fatal*(...).
func (c *checker) exitToReturn(s source, call *ast.CallExpr, cur inspector.Cursor) ([]analysis.TextEdit, bool) {
	if cur.ParentEdgeKind() != edge.ExprStmt_X {
		return nil, false
	}
	fn := object(c.callee(call))
	switch {
	case (analysisutil.IsFunc(fn, "os", "Exit") || analysisutil.IsFunc(fn, "syscall", "Exit")) && len(call.Args) == 1:
		return []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte("return " + s.text(call.Args[0]))}}, true
	case analysisutil.IsFunc(fn, "log", "Fatal", "Fatalf", "Fatalln") || analysisutil.IsMethod(fn, "log", "Logger", "Fatal", "Fatalf", "Fatalln"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		printName := strings.Replace(fn.Name(), "Fatal", "Print", 1)
		return []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(printName)},
			{Pos: call.End(), End: call.End(), NewText: []byte("\n" + s.indent(call.Pos()) + "return 1")},
		}, true
	}
	return nil, false
}

// endsFlow reports whether control cannot fall off the end of the
// statement s at the end of run: a return, an exit that becomes one, a
// panic, an empty select, or a for loop without condition or break.
func (c *checker) endsFlow(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && (c.isPanic(call) || c.callStop(call) == exitStop)
	case *ast.SelectStmt:
		return len(s.Body.List) == 0
	case *ast.ForStmt:
		if s.Cond != nil {
			return false
		}
		brk := false
		ast.Inspect(s.Body, func(n ast.Node) bool {
			if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.BREAK {
				brk = true
			}
			return !brk
		})
		return !brk
	}
	return false
}

// freeName returns the first of names that the package and the file do
// not declare, or "".
func (c *checker) freeName(file *ast.File, names ...string) string {
	fileScope := c.pass.TypesInfo.Scopes[file]
	for _, n := range names {
		if c.pass.Pkg.Scope().Lookup(n) == nil && (fileScope == nil || fileScope.Lookup(n) == nil) {
			return n
		}
	}
	return ""
}

// osImport returns the name under which file imports package os, or the
// edit that imports it; ok is false when os is imported as _ or ., or its
// name is taken.
func (c *checker) osImport(file *ast.File) (name string, edits []analysis.TextEdit, ok bool) {
	for _, is := range file.Imports {
		if path, _ := strconv.Unquote(is.Path.Value); path == "os" {
			if is.Name == nil {
				return "os", nil, true
			}
			if is.Name.Name == "_" || is.Name.Name == "." {
				continue
			}
			return is.Name.Name, nil, true
		}
	}
	if c.freeName(file, "os") == "" {
		return "", nil, false
	}
	var last *ast.GenDecl
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			last = gd
		}
	}
	switch {
	case last == nil:
		edits = []analysis.TextEdit{{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport \"os\"")}}
	case last.Lparen.IsValid():
		edits = []analysis.TextEdit{{Pos: last.Lparen + 1, End: last.Lparen + 1, NewText: []byte("\n\t\"os\"")}}
	default:
		edits = []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte("\nimport \"os\"")}}
	}
	return "os", edits, true
}
