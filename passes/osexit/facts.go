package osexit

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/cfg"
)

// neverReturns is the fact of a function that never returns normally: every
// path through it ends in a call that terminates the process (or, with
// Goexit, in runtime.Goexit), directly or through another such function.
type neverReturns struct{ Goexit bool }

func (*neverReturns) AFact() {}

func (f *neverReturns) String() string {
	if f.Goexit {
		return "goexits"
	}
	return "exits"
}

// mayExit is the fact of a function that terminates the process (or calls
// runtime.Goexit) on some of its paths. It is exported only for packages
// with a known module, and used only by packages of the same module.
type mayExit struct {
	Module       string
	Exit, Goexit bool
}

func (*mayExit) AFact() {}

func (f *mayExit) String() string {
	switch {
	case f.Exit && f.Goexit:
		return "mayExit mayGoexit"
	case f.Goexit:
		return "mayGoexit"
	}
	return "mayExit"
}

// benignCleanup is the fact of a function that returns cleanup functions
// whose effect dies with the process: bit i of Results is set when result
// i is a func() to which each return statement gives nil or a function
// literal that only does benign things (see diesWithProcess), so that
// defer stopStats()() or defer closeLog() (from h, closeLog := setup())
// skip nothing that matters.
type benignCleanup struct{ Results uint64 }

func (*benignCleanup) AFact() {}

func (f *benignCleanup) String() string {
	var idx []string
	for i := range 64 {
		if f.Results&(1<<i) != 0 {
			idx = append(idx, strconv.Itoa(i))
		}
	}
	return "benignCleanup(" + strings.Join(idx, ",") + ")"
}

// A class is what a function does to the goroutine that calls it.
type class struct {
	always             stop // exitStop or goexitStop when every path ends so
	mayExit, mayGoexit bool // some path ends so (and not every path)
}

// classOf returns the class of the function f, computing it on first use.
// A function met again while its class is being computed (recursion) is
// taken to return.
func (c *checker) classOf(f *funcInfo) class {
	switch f.state {
	case stateDone:
		return f.class
	case stateBusy:
		return class{}
	}
	f.state = stateBusy
	if c.hasStopStmt(f.body) {
		f.class = c.classifyGraph(c.graphOf(f).g)
	}
	f.state = stateDone
	return f.class
}

// exportFacts exports the class of each function and method declared in
// the package, unless no other package can import it (package main, an
// external test package).
func (c *checker) exportFacts() {
	if name := c.pass.Pkg.Name(); name == "main" || strings.HasSuffix(name, "_test") {
		return
	}
	for _, f := range c.declList {
		cl := c.classOf(f)
		obj := c.pass.TypesInfo.Defs[f.decl.Name]
		if mask := c.cleanupResults(f); mask != 0 {
			c.pass.ExportObjectFact(obj, &benignCleanup{Results: mask})
		}
		switch {
		case cl.always != noStop:
			c.pass.ExportObjectFact(obj, &neverReturns{Goexit: cl.always == goexitStop})
		case (cl.mayExit || cl.mayGoexit) && c.module() != "":
			c.pass.ExportObjectFact(obj, &mayExit{Module: c.module(), Exit: cl.mayExit, Goexit: cl.mayGoexit})
		}
	}
}

// module returns the path of the module of the package, or "" when it is
// unknown (GOPATH mode, the standard library, drivers that do not say).
func (c *checker) module() string {
	if c.pass.Module == nil {
		return ""
	}
	return c.pass.Module.Path
}

// hasStopStmt reports whether body, outside its function literals, has a
// statement that is a call of a stopping function; only such a function
// can exit, so the others need no control-flow graph.
//
//	os.Exit(1)
//	fatal(err)   // fatal never returns
func (c *checker) hasStopStmt(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && c.callStop(call) != noStop {
				found = true
			}
		}
		return !found
	})
	return found
}

// classifyGraph classifies a function from its control-flow graph, built
// with stopping calls and panics ending their block. Every path ends in an
// exit when no return is reachable, every reachable dead end is an exit
// call (not a panic), and every reachable block can still reach such a
// call (no loop that only spins).
func (c *checker) classifyGraph(g *cfg.CFG) class {
	var cl class
	var exits, goexits []*cfg.Block
	other := false // a reachable return, panic or other dead end
	for _, b := range g.Blocks {
		if !b.Live || len(b.Succs) > 0 {
			continue
		}
		switch c.blockStop(b) {
		case exitStop:
			exits = append(exits, b)
		case goexitStop:
			goexits = append(goexits, b)
		default:
			other = true
		}
	}
	switch {
	case !other && len(goexits) == 0 && len(exits) > 0 && reachesAll(g, exits):
		cl.always = exitStop
	case !other && len(exits) == 0 && len(goexits) > 0 && reachesAll(g, goexits):
		cl.always = goexitStop
	default:
		cl.mayExit, cl.mayGoexit = len(exits) > 0, len(goexits) > 0
	}
	return cl
}

// blockStop returns how the dead-end block b stops: by a call of a
// stopping function as its last statement, or not (a return, a panic).
func (c *checker) blockStop(b *cfg.Block) stop {
	if len(b.Nodes) == 0 {
		return noStop
	}
	es, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
	if !ok {
		return noStop
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return noStop
	}
	return c.callStop(call)
}

// reachesAll reports whether every live block of g reaches one of sinks.
func reachesAll(g *cfg.CFG, sinks []*cfg.Block) bool {
	preds := make(map[*cfg.Block][]*cfg.Block)
	for _, b := range g.Blocks {
		for _, s := range b.Succs {
			preds[s] = append(preds[s], b)
		}
	}
	seen := make(map[*cfg.Block]bool)
	q := append([]*cfg.Block(nil), sinks...)
	for len(q) > 0 {
		b := q[len(q)-1]
		q = q[:len(q)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		q = append(q, preds[b]...)
	}
	for _, b := range g.Blocks {
		if b.Live && !seen[b] {
			return false
		}
	}
	return true
}

// callStop returns how call stops the calling goroutine: a terminating
// call of the table or of -osexit.exit-funcs, runtime.Goexit, or a call of
// a function that never returns (a fact, a function of this package, or a
// local variable bound to such a function literal).
func (c *checker) callStop(call *ast.CallExpr) stop {
	fn := c.callee(call)
	if fn == nil {
		if f := c.boundLit(call); f != nil {
			return c.classOf(f).always
		}
		return noStop
	}
	if s := c.directStop(call, fn); s != noStop {
		return s
	}
	if f := c.decls[fn]; f != nil {
		return c.classOf(f).always
	}
	var fact neverReturns
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &fact) {
		if fact.Goexit {
			return goexitStop
		}
		return exitStop
	}
	return noStop
}

// directStop returns how the call of fn stops by itself, without looking
// into functions: the table, -osexit.exit-funcs and zerolog fatal events.
func (c *checker) directStop(call *ast.CallExpr, fn *types.Func) stop {
	if s := tableStop(fn); s != noStop {
		return s
	}
	if exitFuncs.match(fn) || isZerologFatal(c.pass.TypesInfo, call) {
		return exitStop
	}
	return noStop
}

// callMay returns whether call may exit the process or call Goexit on
// some paths: a helper of this module whose class says so.
func (c *checker) callMay(call *ast.CallExpr) (exit, goexit bool) {
	fn := c.callee(call)
	var cl class
	switch {
	case fn == nil:
		if f := c.boundLit(call); f != nil {
			cl = c.classOf(f)
		}
	case c.decls[fn] != nil:
		cl = c.classOf(c.decls[fn])
	default:
		var fact mayExit
		if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &fact) &&
			fact.Module != "" && fact.Module == c.module() {
			return fact.Exit, fact.Goexit
		}
	}
	return cl.mayExit, cl.mayGoexit
}

// isPanic reports whether call is a call of the builtin panic.
func (c *checker) isPanic(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == "panic"
}
