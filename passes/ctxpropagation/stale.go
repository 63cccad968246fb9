package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// A laterKind says how a closure comes to run after it is created.
type laterKind int

const (
	notLater laterKind = iota
	launched           // started as a goroutine: go, errgroup Go/TryGo, WaitGroup.Go
	deferred           // deferred: runs when the function returns
	escaping           // stored, sent, returned or given to time.AfterFunc: runs whenever
)

func (k laterKind) String() string {
	switch k {
	case launched:
		return "goroutine"
	case deferred:
		return "deferred function"
	}
	return "callback"
}

// staleCaptures reports context variables that closures running later
// capture and that are reassigned after the closure is created.
func (c *checker) staleCaptures(s *analysisutil.SSA) {
	vars := c.contextVarsByPos()
	if len(vars) == 0 {
		return
	}
	for _, fn := range s.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					c.checkClosure(fn, mc, vars)
				}
			}
		}
	}
}

// mayCaptureStale is the cheap syntactic test that decides whether the
// package needs its SSA form: a stale capture needs a function literal and
// a context variable that is assigned after its declaration (ctx = ...,
// ctx, cancel = ...) or a loop variable of context type (shared by all
// iterations before Go 1.22).
func (c *checker) mayCaptureStale() bool {
	info := c.pass.TypesInfo
	isCtxVar := func(e ast.Expr, defs bool) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		obj := info.Uses[id]
		if defs {
			obj = info.Defs[id]
		}
		v, ok := obj.(*types.Var)
		return ok && isContextLike(v.Type())
	}
	lits, assigns := false, false
	for cur := range c.insp.Root().Preorder((*ast.FuncLit)(nil), (*ast.AssignStmt)(nil), (*ast.RangeStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			lits = true
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				assigns = assigns || isCtxVar(lhs, false)
				if _, loop := cur.Parent().Node().(*ast.ForStmt); loop && n.Tok == token.DEFINE {
					assigns = assigns || isCtxVar(lhs, true)
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				assigns = assigns || isCtxVar(n.Key, true)
			}
			if n.Value != nil {
				assigns = assigns || isCtxVar(n.Value, true)
			}
		}
		if lits && assigns {
			return true
		}
	}
	return false
}

// contextVarsByPos maps the declaring positions of the package's context
// variables to them (a FreeVar's position is its variable's).
func (c *checker) contextVarsByPos() map[token.Pos]*types.Var {
	vars := make(map[token.Pos]*types.Var)
	for id, obj := range c.pass.TypesInfo.Defs {
		if v, ok := obj.(*types.Var); ok && !v.IsField() && isContextLike(v.Type()) {
			vars[id.Pos()] = v
		}
	}
	return vars
}

// A staleCapture is a context variable a closure captures and the store
// that reassigns it after the closure is created.
type staleCapture struct {
	v     *types.Var
	fv    *ssa.FreeVar
	store *ssa.Store
}

// checkClosure reports the context variables the closure mc, made in fn,
// captures when it runs later and they are reassigned after mc.
func (c *checker) checkClosure(fn *ssa.Function, mc *ssa.MakeClosure, vars map[token.Pos]*types.Var) {
	anon, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	lit, ok := anon.Syntax().(*ast.FuncLit)
	if !ok {
		return
	}
	kind := runsLater(mc, 0)
	if kind == notLater {
		return
	}
	var stale []staleCapture
	for i, fv := range anon.FreeVars {
		v := vars[fv.Pos()]
		if v == nil || i >= len(mc.Bindings) {
			continue
		}
		if st := storeAfter(fn, mc, mc.Bindings[i], kind == launched); st != nil {
			stale = append(stale, staleCapture{v, fv, st})
		}
	}
	for _, s := range stale {
		if kind == deferred && c.inspectsOnly(lit, s.v, 0) {
			continue // reads the final state on purpose, like a deferred err check
		}
		c.reportStale(lit, kind, s, len(stale) == 1)
	}
}

// reportStale reports the stale capture s by the function literal lit,
// with a fix that passes the context as a parameter when withFix and the
// literal is called by a go or defer statement.
func (c *checker) reportStale(lit *ast.FuncLit, kind laterKind, s staleCapture, withFix bool) {
	use := firstUse(c.pass.TypesInfo, lit.Body, s.v)
	if use == nil {
		return
	}
	line := c.pass.Fset.Position(s.store.Pos()).Line
	if !s.store.Pos().IsValid() {
		return
	}
	stmt := c.goOrDeferCall(lit)
	advice := fmt.Sprintf("copy %s into a variable that is not reassigned before creating the closure", s.v.Name())
	if stmt != nil {
		advice = fmt.Sprintf("pass %s to it as a parameter", s.v.Name())
	}
	diag := analysis.Diagnostic{
		Pos:      use.Pos(),
		End:      use.End(),
		Category: staleContextCapture,
		Message: fmt.Sprintf("%s reads %s when it runs, but %s is reassigned on line %d after the %s is created, so it may get a different, possibly cancelled, context; %s",
			kind, s.v.Name(), s.v.Name(), line, kind, advice),
	}
	if withFix && stmt != nil && !assignsFreeVar(s.fv) {
		if edits := c.paramEdits(lit, stmt, s.v); edits != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("Pass %s as a parameter", s.v.Name()),
				TextEdits: edits,
			}}
		}
	}
	c.r.Report(diag)
}

// inspectsOnly reports whether the function fun (a *ast.FuncLit or
// *ast.FuncDecl) uses the context variable v only to inspect it: its Err,
// Done, Deadline or Value methods, context.Cause, a comparison, or passing
// it to a function of the package that only inspects it. A deferred
// function that inspects a reassigned context reads its final state on
// purpose:
//
//	defer func() { if errors.Is(context.Cause(ctx), errTooSlow) { ... } }()
func (c *checker) inspectsOnly(fun ast.Node, v *types.Var, depth int) bool {
	cur, ok := c.insp.Root().FindNode(fun)
	if !ok || depth > 1 {
		return false
	}
	info := c.pass.TypesInfo
	only := true
	for id := range cur.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] != v {
			continue
		}
		if !c.inspects(id, depth) {
			only = false
			break
		}
	}
	return only
}

// inspects reports whether the use of a context variable at id only
// inspects it (see inspectsOnly).
func (c *checker) inspects(id inspector.Cursor, depth int) bool {
	info := c.pass.TypesInfo
	switch p := id.Parent().Node().(type) {
	case *ast.SelectorExpr:
		switch p.Sel.Name {
		case "Err", "Done", "Deadline", "Value":
			return true
		}
	case *ast.BinaryExpr:
		return p.Op == token.EQL || p.Op == token.NEQ
	case *ast.CallExpr:
		if id.ParentEdgeKind() != edge.CallExpr_Args {
			return false
		}
		fn := analysisutil.Callee(info, p)
		if fn == nil {
			return false
		}
		if analysisutil.IsFunc(fn, "context", "Cause") ||
			analysisutil.IsFunc(fn, "go.opentelemetry.io/otel/trace", "SpanFromContext", "SpanContextFromContext") {
			return true
		}
		decl, ok := c.decls()[fn]
		sig := fn.Signature()
		i := id.ParentEdgeIndex()
		if !ok || sig.Variadic() || i >= sig.Params().Len() {
			return false
		}
		return c.inspectsOnly(decl.Node(), sig.Params().At(i), depth+1)
	}
	return false
}

// runsLater reports how the closure mc comes to run after its creation:
// started as a goroutine, deferred, or escaping (stored, sent, returned,
// given to time.AfterFunc or context.AfterFunc). A closure called at once
// or passed to an arbitrary function (which may call it synchronously) does
// not run later.
func runsLater(v ssa.Value, depth int) laterKind {
	if depth > 2 {
		return notLater
	}
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Go:
			if ref.Call.Value == v {
				return launched
			}
		case *ssa.Defer:
			if ref.Call.Value == v {
				return deferred
			}
		case *ssa.Call:
			fn := staticCallee(ref.Common())
			switch {
			case analysisutil.IsLauncher(fn):
				return launched
			case analysisutil.IsFunc(fn, "time", "AfterFunc"), analysisutil.IsFunc(fn, "context", "AfterFunc"):
				return escaping
			}
		case *ssa.Store:
			if _, local := ref.Addr.(*ssa.Alloc); !local && ref.Val == v {
				return escaping
			}
		case *ssa.Send, *ssa.Return, *ssa.MapUpdate:
			return escaping
		case *ssa.ChangeType, *ssa.MakeInterface:
			if k := runsLater(ref.(ssa.Value), depth+1); k != notLater {
				return k
			}
		}
	}
	return notLater
}

// staticCallee returns the function a call statically calls, or nil.
func staticCallee(call *ssa.CallCommon) types.Object {
	if f := call.StaticCallee(); f != nil {
		if fn, _ := f.Object().(*types.Func); fn != nil {
			return fn.Origin()
		}
	}
	return nil
}

// storeAfter returns a store to the captured variable cell in fn that can
// run after mc on some path that does not first allocate a new instance of
// the variable (a variable declared in a loop body is a new one each
// iteration) — and, for a goroutine (waited), does not first wait for it
// (isWaitCall, or a receive from a channel the goroutine's function
// captures: see joinChans). It returns nil if there is none.
//
//	go func() { use(ctx) }()
//	ctx, cancel = context.WithTimeout(ctx, d)  // the store
func storeAfter(fn *ssa.Function, mc *ssa.MakeClosure, cell ssa.Value, waited bool) *ssa.Store {
	var chans map[ssa.Value]bool
	if waited {
		chans = joinChans(mc)
	}
	allocs := make(map[ssa.Instruction]bool)
	stores := make(map[ssa.Instruction]bool)
	addCell := func(cell ssa.Value) {
		if a, ok := cell.(*ssa.Alloc); ok {
			allocs[a] = true
		}
		for _, ref := range *cell.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == cell && st.Parent() == fn && changesCancellation(st) {
				stores[st] = true
			}
		}
	}
	addCell(cell)
	if phi, ok := cell.(*ssa.Phi); ok {
		for _, e := range phi.Edges {
			addCell(e)
		}
	}
	if len(stores) == 0 {
		return nil
	}
	visited := make(map[*ssa.BasicBlock]bool)
	var scan func(b *ssa.BasicBlock, from int) *ssa.Store
	scan = func(b *ssa.BasicBlock, from int) *ssa.Store {
		for _, instr := range b.Instrs[from:] {
			switch {
			case stores[instr]:
				return instr.(*ssa.Store)
			case allocs[instr], waited && (isWaitCall(instr) || receivesFrom(instr, chans)):
				return nil
			}
		}
		for _, succ := range b.Succs {
			if !visited[succ] {
				visited[succ] = true
				if st := scan(succ, 0); st != nil {
					return st
				}
			}
		}
		return nil
	}
	b := mc.Block()
	for i, instr := range b.Instrs {
		if instr == mc {
			return scan(b, i+1)
		}
	}
	return nil
}

// changesCancellation reports whether the store st to a context variable
// may change how the context it holds is cancelled: any store except one
// that only adds values to the variable's own context, which a closure may
// read in place of the old one with no change to its cancellation.
//
//	ctx, cancel = context.WithTimeout(ctx, d)  // changes
//	ctx = ctxs[i]                              // changes
//	ctx = context.WithValue(ctx, k, v)         // values only
//	ctx, span := tracer.Start(ctx, "op")        // values only
func changesCancellation(st *ssa.Store) bool {
	var call *ssa.Call
	switch v := st.Val.(type) {
	case *ssa.Call:
		call = v
	case *ssa.Extract:
		call, _ = v.Tuple.(*ssa.Call)
	}
	if call == nil {
		return true
	}
	fn := staticCallee(call.Common())
	if analysisutil.IsContextDerivation(fn) || analysisutil.IsFunc(fn, "context", "WithoutCancel") || returnsFunc(call) {
		return true
	}
	for _, arg := range call.Common().Args {
		if load, ok := arg.(*ssa.UnOp); ok && load.Op == token.MUL && load.X == st.Addr {
			return false
		}
	}
	return true
}

// returnsFunc reports whether call returns a function among its results,
// like the cancel function of a context derivation.
func returnsFunc(call *ssa.Call) bool {
	results := call.Common().Signature().Results()
	for i := range results.Len() {
		if _, ok := results.At(i).Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}

// isWaitCall reports whether instr waits for goroutines:
// (*sync.WaitGroup).Wait or (*errgroup.Group).Wait.
func isWaitCall(instr ssa.Instruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	fn := staticCallee(call.Common())
	return analysisutil.IsMethod(fn, "sync", "WaitGroup", "Wait") ||
		analysisutil.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Wait")
}

// joinChans returns the channels the closure mc captures, as values of its
// function (the channel, or the cell of a channel variable). A receive from
// one of them after the launch usually joins the goroutine — it closes a
// done channel or sends its result — so a store after that receive does not
// race with the goroutine's read of a context:
//
//	done := make(chan struct{})
//	go func() { defer close(done); use(ctx) }()
//	<-done
//	ctx, cancel = context.WithTimeout(parent, d) // not stale
func joinChans(mc *ssa.MakeClosure) map[ssa.Value]bool {
	chans := make(map[ssa.Value]bool)
	for _, b := range mc.Bindings {
		t := b.Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem() // the cell of a captured channel variable
		}
		if _, ok := t.Underlying().(*types.Chan); ok {
			chans[b] = true
		}
	}
	return chans
}

// receivesFrom reports whether instr receives from one of chans, or from
// the channel a cell of chans holds: <-done, v := <-results, or a blocking
// select with such a receive case.
func receivesFrom(instr ssa.Instruction, chans map[ssa.Value]bool) bool {
	if len(chans) == 0 {
		return false
	}
	isChan := func(v ssa.Value) bool {
		if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
			return chans[load.X]
		}
		return chans[v]
	}
	switch instr := instr.(type) {
	case *ssa.UnOp:
		return instr.Op == token.ARROW && isChan(instr.X)
	case *ssa.Select:
		if !instr.Blocking {
			return false
		}
		for _, st := range instr.States {
			if st.Dir == types.RecvOnly && isChan(st.Chan) {
				return true
			}
		}
	}
	return false
}

// assignsFreeVar reports whether the closure assigns the captured
// variable fv itself.
func assignsFreeVar(fv *ssa.FreeVar) bool {
	for _, ref := range *fv.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == fv {
			return true
		}
		if _, ok := ref.(*ssa.MakeClosure); ok {
			return true // a nested closure may assign it: no fix
		}
	}
	return false
}

// firstUse returns the first identifier of body that denotes v.
func firstUse(info *types.Info, body ast.Node, v *types.Var) *ast.Ident {
	var use *ast.Ident
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && use == nil && info.Uses[id] == v {
			use = id
		}
		return use == nil
	})
	return use
}

// goOrDeferCall returns the call of lit by a go or defer statement
// (go func() { ... }()), or nil.
func (c *checker) goOrDeferCall(lit *ast.FuncLit) *ast.CallExpr {
	cur, ok := c.insp.Root().FindNode(lit)
	if !ok {
		return nil
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != lit {
		return nil
	}
	switch stmt := cur.Parent().Parent().Node().(type) {
	case *ast.GoStmt:
		if stmt.Call == call {
			return call
		}
	case *ast.DeferStmt:
		if stmt.Call == call {
			return call
		}
	}
	return nil
}

// paramEdits returns the edits that make lit, called by call, take v as a
// parameter of the same name, or nil when that cannot be written: v is not
// a context.Context, the context package is not imported under a visible
// name, or the literal or call is variadic.
//
//	go func() { use(ctx) }()  =>  go func(ctx context.Context) { use(ctx) }(ctx)
func (c *checker) paramEdits(lit *ast.FuncLit, call *ast.CallExpr, v *types.Var) []analysis.TextEdit {
	if !analysisutil.IsContext(v.Type()) || call.Ellipsis.IsValid() {
		return nil
	}
	params := lit.Type.Params
	if n := len(params.List); n > 0 {
		if _, ok := params.List[n-1].Type.(*ast.Ellipsis); ok {
			return nil
		}
	}
	pkgName := c.contextPkgName(lit.Pos())
	if pkgName == "" {
		return nil
	}
	param := v.Name() + " " + pkgName + ".Context"
	if len(params.List) > 0 {
		param = ", " + param
	}
	arg := v.Name()
	if len(call.Args) > 0 {
		arg = ", " + arg
	}
	return []analysis.TextEdit{
		{Pos: params.Closing, End: params.Closing, NewText: []byte(param)},
		{Pos: call.Rparen, End: call.Rparen, NewText: []byte(arg)},
	}
}

// contextPkgName returns the name under which the file containing pos
// imports package context and which denotes it at pos, or "".
func (c *checker) contextPkgName(pos token.Pos) string {
	f := analysisutil.File(c.pass, pos)
	if f == nil {
		return ""
	}
	fileScope := c.pass.TypesInfo.Scopes[f]
	inner := c.pass.Pkg.Scope().Innermost(pos)
	if fileScope == nil || inner == nil {
		return ""
	}
	for _, name := range fileScope.Names() {
		pn, ok := fileScope.Lookup(name).(*types.PkgName)
		if !ok || pn.Imported().Path() != "context" || name == "_" || name == "." {
			continue
		}
		if _, obj := inner.LookupParent(name, pos); obj == pn {
			return name
		}
	}
	return ""
}
