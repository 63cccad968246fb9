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

// bindLitVars fills litVars: the local variables assigned once, to a
// function literal, and whose address is never taken.
func (c *checker) bindLitVars(in *inspector.Inspector) {
	info := c.pass.TypesInfo
	assigned := make(map[*types.Var]int)
	bound := make(map[*types.Var]*ast.FuncLit)
	local := func(id *ast.Ident) *types.Var {
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
			return nil
		}
		return v
	}
	bind := func(lhs []*ast.Ident, rhs []ast.Expr) {
		for i, id := range lhs {
			v := local(id)
			if v == nil {
				continue
			}
			assigned[v]++
			if len(rhs) == len(lhs) {
				if lit, ok := ast.Unparen(rhs[i]).(*ast.FuncLit); ok {
					bound[v] = lit
				}
			}
		}
	}
	for cur := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			var ids []*ast.Ident
			for _, e := range n.Lhs {
				id, _ := ast.Unparen(e).(*ast.Ident)
				if id == nil {
					id = &ast.Ident{Name: "_"} // keeps indices aligned
				}
				ids = append(ids, id)
			}
			bind(ids, n.Rhs)
		case *ast.ValueSpec:
			if len(n.Values) > 0 {
				bind(n.Names, n.Values)
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v := local(id); v != nil {
					assigned[v] += 2 // may change through the pointer
				}
			}
		}
	}
	for v, lit := range bound {
		if assigned[v] == 1 {
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
