package osexit

import (
	"go/ast"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/ast/inspector"
)

// reportDeepExits reports the terminating calls made outside main.main,
// the init functions of package main, TestMain and test examples.
func (c *checker) reportDeepExits(in *inspector.Inspector) {
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := c.callee(call)
		if fn == nil || c.directStop(call, fn) != exitStop {
			continue
		}
		where := "package-level code"
		var decl *ast.FuncDecl
		for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			decl = e.Node().(*ast.FuncDecl)
		}
		if decl != nil {
			if c.mayExitIn(decl) {
				continue
			}
			where = c.frameName(&funcInfo{decl: decl})
		}
		c.r.Reportf("deep-exit", call, "%s in %s terminates the process outside main; return an error and let main decide", c.callName(call, fn), where)
	}
}

// mayExitIn reports whether decl is a function where terminating the
// process is the program's own decision: func main and the init functions
// of package main, TestMain, and the examples of a test file (which stand
// for a main function).
func (c *checker) mayExitIn(decl *ast.FuncDecl) bool {
	if decl.Recv != nil {
		return false
	}
	name := decl.Name.Name
	switch {
	case c.pass.Pkg.Name() == "main" && (name == "main" || name == "init"):
		return true
	case c.isTestMain(decl):
		return true
	}
	return c.isTestExample(decl)
}

// isTestExample reports whether decl is an example function of a test
// file: func Example, ExampleF, ExampleT_m, without parameters.
func (c *checker) isTestExample(decl *ast.FuncDecl) bool {
	if !strings.HasSuffix(c.pass.Fset.File(decl.Pos()).Name(), "_test.go") || decl.Type.Params.NumFields() != 0 {
		return false
	}
	rest, ok := strings.CutPrefix(decl.Name.Name, "Example")
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLower(r)
}
