package mainwait

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// A shape is what one function that ends the process (main, or the run
// function it delegates to) owns: the cancellations it can trigger and the
// goroutines it starts that observe them.
type shape struct {
	pass  *analysis.Pass
	info  *types.Info
	waits map[*types.Func]bool // the waiting functions of this package
	fd    *ast.FuncDecl

	ctxParent map[*types.Var]*types.Var // owned context -> the owned context it derives from, or nil
	cancelOf  map[*types.Var]*types.Var // cancel function -> the owned context it cancels
	signalCtx map[*types.Var]bool       // contexts from signal.NotifyContext
	timerCtx  map[*types.Var]bool       // contexts from context.WithTimeout or WithDeadline of no owned parent
	chans     map[*types.Var]bool       // channels the function creates and closes somewhere
	sigChans  map[*types.Var]bool       // channels registered with signal.Notify

	observed map[*types.Var]bool       // owned contexts and channels that started goroutines observe
	watchers map[*types.Var][]ast.Node // owned contexts and channels -> every launch referring to them
	launches map[ast.Node][]string     // observing launches -> the names they observe
	external bool                      // the cancellation can be triggered outside the function's own flow
	comms    map[ast.Node]bool         // the comm statements of selects, which the CFG evaluates up front
	// completions are the local channels a started goroutine closes or
	// sends on, and no goroutine observes as a cancellation: receiving
	// from them waits for that goroutine.
	completions   map[*types.Var]bool
	waitingSelect map[*ast.CommClause]bool // the cases of selects that wait for a completion
	ctxBits       map[*types.Var]uint64    // owned contexts -> their bit in a pathState's cancelled set
}

// newShape collects what fd owns, or returns nil when no goroutine it
// starts observes a cancellation it owns.
func newShape(pass *analysis.Pass, waits map[*types.Func]bool, fd *ast.FuncDecl) *shape {
	s := &shape{
		pass: pass, info: pass.TypesInfo, waits: waits, fd: fd,
		ctxParent: make(map[*types.Var]*types.Var),
		cancelOf:  make(map[*types.Var]*types.Var),
		signalCtx: make(map[*types.Var]bool),
		timerCtx:  make(map[*types.Var]bool),
		chans:     make(map[*types.Var]bool),
		sigChans:  make(map[*types.Var]bool),
		observed:  make(map[*types.Var]bool),
		launches:  make(map[ast.Node][]string),
	}
	s.collectSignalChans()
	s.collectOwned()
	if len(s.ctxParent) == 0 && len(s.chans) == 0 {
		return nil
	}
	s.collectLaunches()
	if len(s.launches) == 0 {
		return nil
	}
	s.external = s.triggeredElsewhere()
	return s
}

// collectOwned records the contexts the function derives, their cancel
// functions, the channels it creates and closes, and its signal channels.
func (s *shape) collectOwned() {
	closed := make(map[*types.Var]bool)
	made := make(map[*types.Var]bool)
	ast.Inspect(s.fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				s.derivation(n.Lhs, n.Rhs[0])
			}
			if len(n.Lhs) == len(n.Rhs) {
				for i, r := range n.Rhs {
					if isMakeChan(s.info, r) {
						if v := s.localVar(n.Lhs[i]); v != nil {
							made[v] = true
						}
					}
				}
			}
		case *ast.ValueSpec:
			var lhs []ast.Expr
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			if len(n.Values) == 1 {
				s.derivation(lhs, n.Values[0])
			}
			for i, r := range n.Values {
				if i < len(lhs) && isMakeChan(s.info, r) {
					if v := s.localVar(lhs[i]); v != nil {
						made[v] = true
					}
				}
			}
		case *ast.CallExpr:
			if v := s.closedChan(n); v != nil {
				closed[v] = true
			}
		}
		return true
	})
	for v := range made {
		if closed[v] && !s.sigChans[v] {
			s.chans[v] = true
		}
	}
}

// collectSignalChans records the channels, local or package-level, that the
// package registers with signal.Notify: receiving from them waits for a
// signal, not for goroutines.
func (s *shape) collectSignalChans() {
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if ok && len(call.Args) > 0 && analysisutil.IsFunc(analysisutil.CalleeObject(s.info, call), "os/signal", "Notify") {
				if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
					if v, ok := s.info.Uses[id].(*types.Var); ok {
						s.sigChans[v] = true
					}
				}
			}
			return true
		})
	}
}

// derivation records `ctx, cancel := context.WithCancel(parent)` and the
// other derivations of a cancellable context, and `ctx = context.WithValue(owned, ...)`.
func (s *shape) derivation(lhs []ast.Expr, rhs ast.Expr) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || len(lhs) == 0 {
		return
	}
	fn := analysisutil.CalleeObject(s.info, call)
	ctxIdx := 0
	if analysisutil.IsFunc(fn, "golang.org/x/sync/errgroup", "WithContext") {
		ctxIdx = 1 // the context is errgroup.WithContext's second result
	}
	if len(lhs) <= ctxIdx {
		return
	}
	ctx := s.localVar(lhs[ctxIdx])
	if ctx == nil {
		return
	}
	parent := s.localVar(call.Args[0])
	if _, owned := s.ctxParent[parent]; !owned || parent == ctx {
		parent = nil
	}
	switch {
	case analysisutil.IsFunc(fn, "context", "WithValue"), ctxIdx == 1:
		// No cancel function of its own: owned when its parent is (the
		// group's first error cancels it too, but that is no shutdown).
		if parent != nil {
			s.ctxParent[ctx] = parent
		}
	case analysisutil.IsContextDerivation(fn) && !analysisutil.IsFunc(fn, "golang.org/x/sync/errgroup", "WithContext"):
		if len(lhs) != 2 {
			return
		}
		s.ctxParent[ctx] = parent
		if cancel := s.localVar(lhs[1]); cancel != nil {
			s.cancelOf[cancel] = ctx
		}
		if analysisutil.IsFunc(fn, "os/signal", "NotifyContext") {
			s.signalCtx[ctx] = true
		}
		if parent == nil && analysisutil.IsFunc(fn, "context", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause") {
			s.timerCtx[ctx] = true
		}
	}
}

// collectLaunches records the goroutines started in the function (at any
// depth) that observe an owned context or channel, and are not themselves
// the trigger (a goroutine that waits for a signal and calls cancel).
func (s *shape) collectLaunches() {
	var all []ast.Node
	ast.Inspect(s.fd.Body, func(n ast.Node) bool {
		if l, ok := analysisutil.LaunchOf(s.info, n); ok {
			all = append(all, l.Node)
		}
		return true
	})
	s.watchers = make(map[*types.Var][]ast.Node)
	s.completions = make(map[*types.Var]bool)
	seen := make(map[ast.Node][]*types.Var)
	for _, n := range all {
		seen[n] = s.observes(n)
		for _, v := range seen[n] {
			s.watchers[v] = append(s.watchers[v], n)
		}
		for _, v := range s.signalled(n) {
			s.completions[v] = true
		}
	}
	for v := range s.completions {
		if len(s.watchers[v]) > 0 {
			delete(s.completions, v) // a cancellation channel
		}
	}
	for _, n := range all {
		if len(seen[n]) == 0 || s.triggers(n) {
			continue
		}
		for _, v := range seen[n] {
			s.observed[v] = true
			s.launches[n] = append(s.launches[n], v.Name())
		}
	}
}

// signalled returns the local channels that the launch n closes or sends
// on.
func (s *shape) signalled(n ast.Node) []*types.Var {
	var vars []*types.Var
	ast.Inspect(n, func(x ast.Node) bool {
		var v *types.Var
		switch x := x.(type) {
		case *ast.CallExpr:
			v = s.closedChan(x)
		case *ast.SendStmt:
			v = s.localVar(x.Chan)
		}
		if v != nil && !slices.Contains(vars, v) {
			vars = append(vars, v)
		}
		return true
	})
	return vars
}

// observes returns the owned contexts and channels that the launch n
// refers to (captured or passed), other than by closing them: a channel
// the goroutine closes is its own completion signal.
func (s *shape) observes(n ast.Node) []*types.Var {
	var vars []*types.Var
	closes := make(map[*types.Var]bool)
	ast.Inspect(n, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok {
			if v := s.closedChan(call); v != nil {
				closes[v] = true
			}
		}
		return true
	})
	ast.Inspect(n, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok && s.closedChan(call) != nil {
			return false
		}
		id, ok := x.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := s.info.Uses[id].(*types.Var)
		if !ok {
			return true
		}
		_, isCtx := s.ctxParent[v]
		if (isCtx || s.chans[v]) && !closes[v] && !slices.Contains(vars, v) {
			vars = append(vars, v)
		}
		return true
	})
	return vars
}

// triggers reports whether the node n calls an owned cancel function, or
// closes an owned channel that another started goroutine observes, declared
// outside n (a context it derives for its own work does not count, nor a
// channel it closes to tell main it has finished, as in
// `go func() { defer close(done); work(ctx) }()`).
func (s *shape) triggers(n ast.Node) bool {
	outside := func(v *types.Var) bool { return v != nil && (v.Pos() < n.Pos() || v.Pos() >= n.End()) }
	watchedByOthers := func(v *types.Var) bool {
		return slices.ContainsFunc(s.watchers[v], func(w ast.Node) bool { return w != n })
	}
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if v, ok := s.info.Uses[id].(*types.Var); ok && s.cancelOf[v] != nil && outside(v) {
					found = true
				}
			}
			if v := s.closedChan(call); s.chans[v] && outside(v) && watchedByOthers(v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// triggeredElsewhere reports whether the cancellation can come from outside
// the function's own statements: a signal (NotifyContext), or a function
// literal (a signal handler goroutine, a callback) that calls cancel or
// closes the channel. The function then learns of it by a receive, or by a
// serve call that returns.
func (s *shape) triggeredElsewhere() bool {
	for v := range s.observed {
		for a := v; a != nil; a = s.ctxParent[a] {
			if s.signalCtx[a] {
				return true
			}
			if s.ctxParent[a] == a {
				break
			}
		}
	}
	found := false
	ast.Inspect(s.fd.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return !found
		}
		if s.triggers(lit) {
			found = true
		}
		return false
	})
	return found
}

// boundsGrace reports whether the comm of a select case receives from the
// Done of a context that only its own deadline ends: a timeout context
// derived from no owned context, whose cancel no function literal calls.
// Beside a case that waits for a goroutine to finish, it is the end of the
// grace period, not a trigger:
//
//	sctx, cancel := context.WithTimeout(context.Background(), d)
//	go func() { defer close(done); srv.Shutdown(sctx) }()
//	select { case <-done: case <-sctx.Done(): }
func (s *shape) boundsGrace(comm ast.Stmt) bool {
	x := analysisutil.DoneContext(s.info, analysisutil.CommRecv(comm))
	if x == nil {
		return false
	}
	ctx := s.localVar(x)
	if ctx == nil || !s.timerCtx[ctx] {
		return false
	}
	cancelledElsewhere := false
	ast.Inspect(s.fd.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return !cancelledElsewhere
		}
		ast.Inspect(lit.Body, func(x ast.Node) bool {
			if c, ok := x.(*ast.CallExpr); ok && s.cancelCall(c) == ctx {
				cancelledElsewhere = true
			}
			return !cancelledElsewhere
		})
		return false
	})
	return !cancelledElsewhere
}

// cancelCall returns the owned context that call cancels (cancel(),
// stop(), cancelCause(err)), or nil.
func (s *shape) cancelCall(call *ast.CallExpr) *types.Var {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	return s.cancelOf[v]
}

// relevant reports whether cancelling ctx reaches a context a started
// goroutine observes: ctx is one of them or an ancestor of one.
func (s *shape) relevant(ctx *types.Var) bool {
	for v := range s.observed {
		for a, n := v, 0; a != nil && n < 32; a, n = s.ctxParent[a], n+1 {
			if a == ctx {
				return true
			}
		}
	}
	return false
}

// closedChan returns the local channel variable that call closes, or nil.
func (s *shape) closedChan(call *ast.CallExpr) *types.Var {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	if b, ok := s.info.Uses[id].(*types.Builtin); !ok || b.Name() != "close" {
		return nil
	}
	return s.localVar(call.Args[0])
}

// localVar returns the local variable e names, or nil.
func (s *shape) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// isMakeChan reports whether e is make(chan T[, n]).
func isMakeChan(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || id.Name != "make" {
		return false
	} else if _, ok := info.Uses[id].(*types.Builtin); !ok {
		return false
	}
	t := info.TypeOf(call.Args[0])
	if t == nil {
		return false
	}
	_, ok = t.Underlying().(*types.Chan)
	return ok
}
