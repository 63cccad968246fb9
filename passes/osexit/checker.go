package osexit

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// A checker holds what the pass knows about the functions of one package.
type checker struct {
	pass     *analysis.Pass
	r        *analysisutil.Reporter
	decls    map[*types.Func]*funcInfo // functions and methods with a body
	declList []*funcInfo               // the same, in source order
	lits     map[*ast.FuncLit]*funcInfo
	frames   []*funcInfo // every function body, in source order
	// litVars maps a local variable assigned exactly once, to a function
	// literal, to that literal: check := func(err error) {...}.
	litVars map[*types.Var]*ast.FuncLit

	runFix     *analysis.SuggestedFix // the run() extraction of main, once computed
	runFixDone bool
}

// A funcInfo is one function body: a declared function or a literal.
type funcInfo struct {
	decl  *ast.FuncDecl // nil for a literal
	lit   *ast.FuncLit  // nil for a declaration
	body  *ast.BlockStmt
	cur   inspector.Cursor
	state uint8 // stateNew, stateBusy, stateDone
	class class
	graph *flowGraph
	// cleanup says whether the function returns a benign cleanup
	// function: 0 unknown yet, 1 yes, -1 no.
	cleanup int8
}

const (
	stateNew = iota
	stateBusy
	stateDone
)

func (f *funcInfo) node() ast.Node {
	if f.decl != nil {
		return f.decl
	}
	return f.lit
}

// newChecker indexes the function bodies of the pass's package.
func newChecker(pass *analysis.Pass, r *analysisutil.Reporter, in *inspector.Inspector) *checker {
	c := &checker{
		pass:    pass,
		r:       r,
		decls:   make(map[*types.Func]*funcInfo),
		lits:    make(map[*ast.FuncLit]*funcInfo),
		litVars: make(map[*types.Var]*ast.FuncLit),
	}
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			fn, _ := pass.TypesInfo.Defs[n.Name].(*types.Func)
			if n.Body == nil || fn == nil {
				continue
			}
			f := &funcInfo{decl: n, body: n.Body, cur: cur}
			c.decls[fn] = f
			c.declList = append(c.declList, f)
			c.frames = append(c.frames, f)
		case *ast.FuncLit:
			f := &funcInfo{lit: n, body: n.Body, cur: cur}
			c.lits[n] = f
			c.frames = append(c.frames, f)
		}
	}
	c.bindLitVars(in)
	return c
}

// bindLitVars fills litVars: the local variables declared with a function
// literal as value and never assigned again nor addressed.
//
//	check := func(err error) {...}
//	var fatal = func(msg string) {...}
func (c *checker) bindLitVars(in *inspector.Inspector) {
	info := c.pass.TypesInfo
	for cur := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var names []*ast.Ident
		var values []ast.Expr
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				continue
			}
			for _, e := range n.Lhs {
				id, _ := e.(*ast.Ident)
				names = append(names, id)
			}
			values = n.Rhs
		case *ast.ValueSpec:
			names, values = n.Names, n.Values
		}
		if len(names) != len(values) {
			continue
		}
		for i, id := range names {
			lit, ok := ast.Unparen(values[i]).(*ast.FuncLit)
			if !ok || id == nil {
				continue
			}
			v, _ := info.Defs[id].(*types.Var)
			scope := c.enclosing(cur)
			if v == nil || scope == nil || analysisutil.Reassigns(info, scope.body, v, nil) {
				continue // package-level, or it may hold another function later
			}
			c.litVars[v] = lit
		}
	}
}

// callee returns the function call statically calls, or nil.
func (c *checker) callee(call *ast.CallExpr) *types.Func {
	return analysisutil.Callee(c.pass.TypesInfo, call)
}

// boundLit returns the function literal that call calls through a local
// variable bound to it once, or nil.
func (c *checker) boundLit(call *ast.CallExpr) *funcInfo {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	if lit := c.litVars[v]; lit != nil {
		return c.lits[lit]
	}
	return nil
}

// graphOf returns the control-flow graph of f, building it on first use:
// calls that stop the goroutine (terminating calls, Goexit, functions that
// never return) and panics end their block.
func (c *checker) graphOf(f *funcInfo) *flowGraph {
	if f.graph == nil {
		g := cfg.New(f.body, func(call *ast.CallExpr) bool {
			return !c.isPanic(call) && c.callStop(call) == noStop
		})
		f.graph = newFlowGraph(g)
	}
	return f.graph
}
