package recoverpath

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// A recoverFact records, for a package-level function or method, what it
// does about panics, so that callers in other packages can judge their
// calls and goroutines.
type recoverFact struct {
	// Recovers: the function calls recover itself to stop a panic (not
	// only to re-panic it). It stops a panic only when it is the deferred
	// function: defer f(), not defer func() { f() }().
	Recovers bool
	// Defers: the function defers a call that recovers, so a goroutine
	// running it is protected.
	Defers bool
	// Launches lists the function parameters that the function runs in a
	// goroutine, as go fn() or go func() { ...; fn() }() does.
	Launches []launchedParam
}

// A launchedParam is a function parameter that a function runs in a goroutine.
type launchedParam struct {
	Param     int    // index in the parameter list
	Name      string // for messages and String
	Recovered bool   // the goroutine defers a recover before it calls the parameter
}

func (*recoverFact) AFact() {}

func (f *recoverFact) String() string {
	var parts []string
	if f.Recovers {
		parts = append(parts, "recovers")
	}
	if f.Defers {
		parts = append(parts, "defers recover")
	}
	for _, l := range f.Launches {
		if l.Recovered {
			parts = append(parts, "launches "+l.Name+" under recover")
		} else {
			parts = append(parts, "launches "+l.Name)
		}
	}
	return strings.Join(parts, ", ")
}

func (f *recoverFact) empty() bool {
	return !f.Recovers && !f.Defers && len(f.Launches) == 0
}

// facts holds the facts of the package being analyzed and reads those of
// its imports.
type facts struct {
	pass  *analysis.Pass
	local map[*types.Func]*recoverFact
}

// of returns the fact of fn, or nil.
func (fs *facts) of(fn *types.Func) *recoverFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == fs.pass.Pkg {
		return fs.local[fn]
	}
	f := new(recoverFact)
	if fs.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// computeFacts computes the facts of the package's function declarations
// from their syntax (cheap: it runs on every dependency, all of std
// included) and exports the non-empty ones.
func computeFacts(pass *analysis.Pass) *facts {
	fs := &facts{pass: pass, local: make(map[*types.Func]*recoverFact)}
	var decls []*ast.FuncDecl
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	fact := func(fd *ast.FuncDecl) *recoverFact {
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil {
			return nil
		}
		f := fs.local[fn]
		if f == nil {
			f = new(recoverFact)
			fs.local[fn] = f
		}
		return f
	}
	// Recovers first: Defers and Launches depend on it.
	for _, fd := range decls {
		if stopsPanics(pass.TypesInfo, fd.Body) {
			fact(fd).Recovers = true
		}
	}
	for _, fd := range decls {
		if fs.installsRecover(fd.Body) {
			fact(fd).Defers = true
		}
	}
	// Launches through launchers of the same package: iterate to a fixpoint.
	for changed := true; changed; {
		changed = false
		for _, fd := range decls {
			ls := fs.launchesParams(fd)
			if len(ls) == 0 {
				continue
			}
			if f := fact(fd); !slices.Equal(f.Launches, ls) {
				f.Launches = ls
				changed = true
			}
		}
	}
	for fn, f := range fs.local {
		if !f.empty() {
			pass.ExportObjectFact(fn, f)
		}
	}
	return fs
}

// callsRecover reports whether body calls recover itself, outside the
// function literals it contains (defer recover() and go recover() are not
// calls by body).
func callsRecover(info *types.Info, body *ast.BlockStmt) bool {
	return len(ownRecoverCalls(info, body)) > 0
}

// stopsPanics reports whether body calls recover itself in a way that can
// stop a panic: not only to re-panic the value after a look at it.
//
//	if r := recover(); r != nil { log.Print(r) }             // stops
//	if r := recover(); r != nil { rollback(); panic(r) }     // does not
func stopsPanics(info *types.Info, body *ast.BlockStmt) bool {
	calls := ownRecoverCalls(info, body)
	if len(calls) == 0 {
		return false
	}
	repanicked := repanickedRecovers(info, body)
	for _, call := range calls {
		if !repanicked[call] {
			return true
		}
	}
	return false
}

// ownRecoverCalls returns the recover calls of body outside the function
// literals it contains, leaving out defer recover() and go recover().
func ownRecoverCalls(info *types.Info, body *ast.BlockStmt) []*ast.CallExpr {
	var calls []*ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			return !isRecoverCall(info, n.Call)
		case *ast.GoStmt:
			return !isRecoverCall(info, n.Call)
		case *ast.CallExpr:
			if isRecoverCall(info, n) {
				calls = append(calls, n)
			}
		}
		return true
	})
	return calls
}

// repanickedRecovers returns the recover calls of body (outside function
// literals) whose value only decides a re-panic: the recover sits in the
// header of an if without else whose body ends in panic, or is assigned
// just before such an if that tests the variable.
//
//	if r := recover(); r != nil { ...; panic(r) }
//	r := recover(); if r != nil { ...; panic(r) }
func repanickedRecovers(info *types.Info, body *ast.BlockStmt) map[*ast.CallExpr]bool {
	set := make(map[*ast.CallExpr]bool)
	addRecovers := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && isRecoverCall(info, call) {
				set[call] = true
			}
			_, lit := n.(*ast.FuncLit)
			return !lit
		})
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if endsInPanic(info, n) {
				addRecovers(n.Init)
				addRecovers(n.Cond)
			}
		case *ast.BlockStmt:
			for i, stmt := range n.List[:max(len(n.List)-1, 0)] {
				if next, ok := n.List[i+1].(*ast.IfStmt); ok && next.Init == nil && endsInPanic(info, next) {
					if as, ok := stmt.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
						addRecovers(as.Rhs[0])
					}
				}
			}
		}
		return true
	})
	return set
}

// endsInPanic reports whether the if statement has no else and its body
// ends with a call of panic.
func endsInPanic(info *types.Info, ifs *ast.IfStmt) bool {
	if ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	last, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(last.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "panic"
}

// isRecoverCall reports whether call calls the builtin recover.
func isRecoverCall(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

// inspectOwn calls f for every node of body outside function literals.
func inspectOwn(body ast.Node, f func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			f(n)
		}
		return true
	})
}

// installsRecover reports whether body, outside the function literals it
// contains, defers a call that recovers: a function literal that calls
// recover, a function whose fact says it recovers, or a local variable
// holding such a literal.
//
//	defer func() { if r := recover(); r != nil { ... } }()
//	defer handlePanic()
func (fs *facts) installsRecover(body *ast.BlockStmt) bool {
	return fs.firstRecoverDefer(body).IsValid()
}

// firstRecoverDefer returns the position of the first defer statement of
// body, outside the function literals it contains, that installs a
// recover (see installsRecover), or token.NoPos.
func (fs *facts) firstRecoverDefer(body *ast.BlockStmt) token.Pos {
	first := token.NoPos
	inspectOwn(body, func(n ast.Node) {
		if d, ok := n.(*ast.DeferStmt); ok && !first.IsValid() && fs.isRecoveringCall(body, d.Call) {
			first = d.Pos()
		}
	})
	return first
}

// isRecoveringCall reports whether call, when deferred, recovers: its
// function is a literal that calls recover, a function that recovers, or a
// local variable of body assigned such a literal.
func (fs *facts) isRecoveringCall(body *ast.BlockStmt, call *ast.CallExpr) bool {
	info := fs.pass.TypesInfo
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		return stopsPanics(info, fun.Body)
	case *ast.Ident:
		if v, ok := info.Uses[fun].(*types.Var); ok {
			lit := assignedLit(info, body, v)
			return lit != nil && stopsPanics(info, lit.Body)
		}
	}
	f := fs.of(analysisutil.Callee(info, call))
	return f != nil && f.Recovers
}

// assignedLit returns the function literal that body assigns to v, when
// that is its only assignment:
//
//	handle := func() { recover() }
func assignedLit(info *types.Info, body *ast.BlockStmt, v *types.Var) *ast.FuncLit {
	var lit *ast.FuncLit
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			for i, lhs := range node.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
					n++
					if len(node.Rhs) == len(node.Lhs) {
						lit, _ = ast.Unparen(node.Rhs[i]).(*ast.FuncLit)
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range node.Names {
				if info.Defs[name] == v && i < len(node.Values) {
					n++
					lit, _ = ast.Unparen(node.Values[i]).(*ast.FuncLit)
				}
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return lit
}

// launchesParams returns the function parameters of fd that it runs in a
// goroutine: by a launch whose function is the parameter (go fn(),
// g.Go(fn)) or a literal calling it (go func() { defer ...; fn() }()), or
// by passing it to a launcher.
func (fs *facts) launchesParams(fd *ast.FuncDecl) []launchedParam {
	info := fs.pass.TypesInfo
	params := funcParams(info, fd)
	if len(params) == 0 {
		return nil
	}
	byParam := make(map[int]*launchedParam)
	record := func(v *types.Var, recovered bool) {
		i, ok := params[v]
		if !ok {
			return
		}
		if l, ok := byParam[i]; ok {
			l.Recovered = l.Recovered && recovered
			return
		}
		byParam[i] = &launchedParam{Param: i, Name: v.Name(), Recovered: recovered}
	}
	// run records the parameters the goroutine function fun runs.
	run := func(fun ast.Expr, recovered bool) {
		switch fun := ast.Unparen(fun).(type) {
		case *ast.Ident:
			if v, ok := info.Uses[fun].(*types.Var); ok {
				record(v, recovered)
			}
		case *ast.FuncLit:
			recovered = recovered || fs.installsRecover(fun.Body)
			inspectOwn(fun.Body, func(n ast.Node) {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok {
							record(v, recovered)
						}
					}
				}
			})
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if l, ok := analysisutil.LaunchOf(info, n); ok {
			run(l.Fun, false)
			return true
		}
		if call, ok := n.(*ast.CallExpr); ok {
			for _, arg := range fs.wrapperArgs(call) {
				run(arg.fun, arg.recovered)
			}
		}
		return true
	})
	var ls []launchedParam
	for _, l := range byParam {
		ls = append(ls, *l)
	}
	slices.SortFunc(ls, func(a, b launchedParam) int { return a.Param - b.Param })
	return ls
}

// A wrapperArg is the argument of a call of a launcher wrapper that the
// wrapper runs in a goroutine.
type wrapperArg struct {
	fun       ast.Expr
	recovered bool
}

// wrapperArgs returns the arguments of call that its callee, a launcher
// wrapper by its fact, runs in a goroutine.
func (fs *facts) wrapperArgs(call *ast.CallExpr) []wrapperArg {
	f := fs.of(analysisutil.Callee(fs.pass.TypesInfo, call))
	if f == nil {
		return nil
	}
	var args []wrapperArg
	for _, l := range f.Launches {
		if l.Param < len(call.Args) && !call.Ellipsis.IsValid() {
			args = append(args, wrapperArg{fun: call.Args[l.Param], recovered: l.Recovered})
		}
	}
	return args
}

// funcParams maps the function-typed parameters of fd to their index.
func funcParams(info *types.Info, fd *ast.FuncDecl) map[*types.Var]int {
	params := make(map[*types.Var]int)
	i := 0
	for _, field := range fd.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, name := range names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				if _, ok := v.Type().Underlying().(*types.Signature); ok {
					params[v] = i
				}
			}
			i++
		}
	}
	return params
}
