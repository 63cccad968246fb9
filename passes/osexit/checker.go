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
	// resultVars maps a local variable assigned exactly once, from a
	// result of a call, to that call and result: h, closeFn := setup().
	resultVars map[*types.Var]callResult

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
	// cleanup has bit i set when result i is a benign cleanup function
	// (see cleanupResults); valid once cleanupDone.
	cleanup     uint64
	cleanupDone bool
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
		pass:       pass,
		r:          r,
		decls:      make(map[*types.Func]*funcInfo),
		lits:       make(map[*ast.FuncLit]*funcInfo),
		litVars:    make(map[*types.Var]*ast.FuncLit),
		resultVars: make(map[*types.Var]callResult),
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

// A callResult is result i of a call.
type callResult struct {
	call *ast.CallExpr
	i    int
}

// bindLitVars fills litVars and resultVars: the local variables declared
// with a function literal, or a result of a call, as value and never
// assigned again nor addressed.
//
//	check := func(err error) {...}
//	var fatal = func(msg string) {...}
//	h, closeFn := setup()
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
		for i, id := range names {
			var value ast.Expr
			switch {
			case len(values) == len(names):
				value = ast.Unparen(values[i])
			case len(values) == 1:
				value = ast.Unparen(values[0]) // x, y := f()
			default:
				continue
			}
			v, _ := info.Defs[id].(*types.Var)
			if id == nil || v == nil {
				continue
			}
			switch value := value.(type) {
			case *ast.FuncLit:
				if len(values) == len(names) && c.singleAssigned(cur, v) {
					c.litVars[v] = value
				}
			case *ast.CallExpr:
				r := callResult{value, 0}
				if len(values) == 1 {
					r.i = i
				}
				if c.singleAssigned(cur, v) {
					c.resultVars[v] = r
				}
			}
		}
	}
}

// singleAssigned reports whether the local variable v, declared at cur,
// is never assigned again nor addressed in its function.
func (c *checker) singleAssigned(cur inspector.Cursor, v *types.Var) bool {
	scope := c.enclosing(cur)
	return scope != nil && !analysisutil.Reassigns(c.pass.TypesInfo, scope.body, v, nil)
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
