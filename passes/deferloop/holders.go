package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
)

// A holder is a variable through which a deferred call reaches what it
// releases: the root of a method call's receiver (f in f.Close(), c in
// c.mu.Unlock()), a called function variable and the variables assigned
// with it (cancel and ctx in ctx, cancel := context.WithCancel(ctx)), or a
// closable variable (one with a Close method) passed as an argument or read
// by a deferred closure (c in closeConn(c)). Other arguments (a path, a
// configuration) are what the call works with, not what it releases,
// except the descriptor of a descriptor-closing function (syscall.Close(fd)).
type holder struct {
	v    *types.Var
	path ast.Expr // the receiver of a method call (f, c.mu, resp.Body); nil otherwise
	arg  bool     // reached only as an argument or a closure's read
}

// holdersOf returns the holders of the deferred call of s, leaving out
// variables a deferred closure declares.
func holdersOf(s *site) []holder {
	info := s.pass.TypesInfo
	lit := s.deferredLit()
	var hs []holder
	add := func(v *types.Var, path ast.Expr, arg bool) {
		if v != nil && !v.IsField() && (lit == nil || !within(lit, v.Pos())) {
			hs = append(hs, holder{v: v, path: path, arg: arg})
		}
	}
	addArg := func(e ast.Expr, fdCloser bool) {
		if fdCloser {
			for _, v := range varsIn(info, e) {
				add(v, nil, true)
			}
		} else if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && isClosable(v.Type()) {
				add(v, nil, true)
			}
		}
	}
	addCall := func(call *ast.CallExpr) {
		fun := ast.Unparen(call.Fun)
		if sel, ok := fun.(*ast.SelectorExpr); ok && isMethodCall(info, sel) && isVarPath(info, sel.X) {
			add(rootVar(info, sel.X), sel.X, false)
		} else if isVarPath(info, fun) {
			v := rootVar(info, fun)
			add(v, nil, false)
			for _, w := range assignedWith(info, s.body, v) {
				add(w, nil, false)
			}
		}
		for _, arg := range call.Args {
			addArg(arg, isDescriptorCloser(info, call))
		}
	}
	addCall(s.stmt.Call)
	if lit != nil {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				addCall(n)
			case *ast.Ident:
				addArg(n, false)
			}
			return true
		})
	}
	return hs
}

// isClosable reports whether values of type t have a Close method: files,
// connections, readers, clients.
func isClosable(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Close")
	_, ok := obj.(*types.Func)
	return ok
}

// isDescriptorCloser reports whether call closes a file descriptor or
// handle given as an integer: syscall.Close, syscall.CloseHandle,
// golang.org/x/sys/unix.Close, golang.org/x/sys/windows.CloseHandle.
func isDescriptorCloser(info *types.Info, call *ast.CallExpr) bool {
	fn := analysisutil.Callee(info, call)
	return fn != nil && (analysisutil.IsFunc(fn, "syscall", "Close", "CloseHandle") ||
		analysisutil.IsFunc(fn, "golang.org/x/sys/unix", "Close") ||
		analysisutil.IsFunc(fn, "golang.org/x/sys/windows", "CloseHandle"))
}

// acquiresPerIteration reports whether the loops around s acquire anew what
// the deferred call releases, so that it piles up: a holder declared in a
// loop body or assigned in a loop, or a receiver that the loop also calls a
// method on (mu.Lock() before defer mu.Unlock()). Holders that are the
// loop's own variables (closing the values a loop ranges over, locking
// every shard until return) acquire nothing. Without holders (a closure
// that reads nothing, a call with constant or basic arguments) nothing is
// held, but the pending calls still grow without bound in a loop that only
// ends by a return or a break: for {} or a range over a channel or a
// function.
func acquiresPerIteration(s *site, hs []holder) bool {
	if len(hs) == 0 {
		return hasUnboundedLoop(s)
	}
	for _, h := range hs {
		switch {
		case isProducedVar(s, h.v), isAcquired(s, h.v) && !isHeaderCopy(s, h.v):
			return true
		case isHeaderVar(s, h.v), isHeaderCopy(s, h.v):
		case h.path != nil && callsMethodOn(s, h.path):
			return true
		}
	}
	return false
}

// isWorkBeforeRelease reports whether every holder that the loops around s
// acquire reaches the deferred call only as an argument and is released by
// another defer statement of the innermost loop body: the call works with
// the resource before that release, which is where a pile-up is reported.
//
//	defer f.Close()
//	defer pprof.Lookup("heap").WriteTo(f, 0)   // work before the release
func isWorkBeforeRelease(s *site, hs []holder) bool {
	info := s.pass.TypesInfo
	any := false
	for _, h := range hs {
		if isHeaderVar(s, h.v) && !isProducedVar(s, h.v) {
			continue
		}
		if !h.arg {
			return false
		}
		released := false
		ast.Inspect(loopBody(s.loops[0].Node()), func(n ast.Node) bool {
			d, ok := n.(*ast.DeferStmt)
			if !ok || d == s.stmt || released {
				return !released
			}
			if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && isMethodCall(info, sel) && rootVar(info, sel.X) == h.v {
				released = true
			}
			return false
		})
		if !released {
			return false
		}
		any = true
	}
	return any
}

// hasUnboundedLoop reports whether a loop around s has no bound of its own:
// for {} (no condition) or a range over a channel or a function.
func hasUnboundedLoop(s *site) bool {
	for _, loop := range s.loops {
		switch loop := loop.Node().(type) {
		case *ast.ForStmt:
			if loop.Cond == nil {
				return true
			}
		case *ast.RangeStmt:
			switch s.pass.TypesInfo.TypeOf(loop.X).Underlying().(type) {
			case *types.Chan, *types.Signature:
				return true
			}
		}
	}
	return false
}

// isHeaderVar reports whether v is declared by the header of a loop around s.
func isHeaderVar(s *site, v *types.Var) bool {
	for _, loop := range s.loops {
		if isLoopVar(s.pass.TypesInfo, loop.Node(), v) {
			return true
		}
	}
	return false
}

// isHeaderCopy reports whether v is a per-iteration copy of a loop
// variable of a loop around s that is not produced for the iteration:
//
//	for _, f := range files { f := f; ... }
func isHeaderCopy(s *site, v *types.Var) bool {
	info := s.pass.TypesInfo
	for _, loop := range s.loops {
		for _, stmt := range loopBody(loop.Node()).List {
			as, ok := stmt.(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || info.Defs[id] != v {
					continue
				}
				src, ok := ast.Unparen(as.Rhs[i]).(*ast.Ident)
				if !ok {
					return false
				}
				w, ok := info.Uses[src].(*types.Var)
				return ok && isHeaderVar(s, w) && !isProducedVar(s, w)
			}
		}
	}
	return false
}

// isProducedVar reports whether v is the value of a range loop around s
// over a channel or a function: a value produced for the iteration, such as
// a connection received from a channel, rather than an element of a
// collection the function already holds.
func isProducedVar(s *site, v *types.Var) bool {
	for _, loop := range s.loops {
		rs, ok := loop.Node().(*ast.RangeStmt)
		if !ok || !isLoopVar(s.pass.TypesInfo, rs, v) {
			continue
		}
		switch s.pass.TypesInfo.TypeOf(rs.X).Underlying().(type) {
		case *types.Chan, *types.Signature:
			return true
		}
	}
	return false
}

// isAcquired reports whether a loop around s declares v in its body, or
// assigns v (outside the defer) although v is declared outside the loop.
func isAcquired(s *site, v *types.Var) bool {
	for _, loop := range s.loops {
		body := loopBody(loop.Node())
		if within(body, v.Pos()) || (!within(loop.Node(), v.Pos()) && analysisutil.Reassigns(s.pass.TypesInfo, body, v, s.stmt)) {
			return true
		}
	}
	return false
}

// callsMethodOn reports whether the body of the innermost loop around s
// calls, outside defer statements, a method on the receiver path:
//
//	mu.Lock()    r.openScope()    wg.Add(1)
func callsMethodOn(s *site, path ast.Expr) bool {
	info := s.pass.TypesInfo
	found := false
	ast.Inspect(loopBody(s.loops[0].Node()), func(n ast.Node) bool {
		if _, ok := n.(*ast.DeferStmt); ok || found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isMethodCall(info, sel) {
				found = sameVarPath(info, sel.X, path)
			}
		}
		return !found
	})
	return found
}

// escapes reports whether the body of the innermost loop around s hands a
// holder on beyond the iteration, so that it is meant to live until the
// function returns: it stores it in (or appends it to) a variable declared
// outside the loop, sends it on a channel, passes it to another deferred
// call, which runs at return and needs it, or passes it to a goroutine in
// a loop with a bound of its own (in an endless accept loop, go
// handle(conn) after defer conn.Close() still keeps every connection until
// the server returns).
//
//	timers = append(timers, t)    headerTimeout = t.C    ch <- conn    go serve(ctx)    defer profile.WriteTo(f, 0)
func escapes(s *site, hs []holder) bool {
	info := s.pass.TypesInfo
	loop := s.loops[0].Node()
	vars := make(map[*types.Var]bool)
	for _, h := range hs {
		if !isHeaderVar(s, h.v) || isProducedVar(s, h.v) {
			vars[h.v] = true
		}
	}
	unbounded := hasUnboundedLoop(s)
	found := false
	ast.Inspect(loopBody(loop), func(n ast.Node) bool {
		if found || n == s.stmt {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			for _, arg := range n.Call.Args {
				found = found || holds(info, arg, vars)
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE || len(n.Lhs) != len(n.Rhs) {
				break
			}
			for i, lhs := range n.Lhs {
				if root := rootVar(info, lhs); root != nil && !within(loop, root.Pos()) && holds(info, n.Rhs[i], vars) {
					found = true
				}
			}
		case *ast.SendStmt:
			found = holds(info, n.Value, vars)
		case *ast.GoStmt:
			if unbounded {
				break // handed to a goroutine per iteration of an endless loop: still piles up
			}
			for _, v := range varsIn(info, n.Call) {
				found = found || vars[v]
			}
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				found = found || reads(info, lit.Body, vars)
			}
		}
		return !found
	})
	return found
}

// holds reports whether the value of e is, contains or points into one of
// vars, or is a channel one of them provides: v, &v, v.C, T{v},
// append(xs, v), v.Updates().
func holds(info *types.Info, e ast.Expr, vars map[*types.Var]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		return vars[v]
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		return sel != nil && sel.Kind() == types.FieldVal && holds(info, e.X, vars)
	case *ast.UnaryExpr:
		return e.Op == token.AND && holds(info, e.X, vars)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if holds(info, elt, vars) {
				return true
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && isMethodCall(info, sel) && holds(info, sel.X, vars) {
			_, isChan := info.TypeOf(e).Underlying().(*types.Chan)
			return isChan // a channel of the resource, which later iterations receive from
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				for _, arg := range e.Args[1:] {
					if holds(info, arg, vars) {
						return true
					}
				}
			}
		}
	}
	return false
}

// reads reports whether n refers to one of vars.
func reads(info *types.Info, n ast.Node, vars map[*types.Var]bool) bool {
	for _, v := range varsIn(info, n) {
		if vars[v] {
			return true
		}
	}
	return false
}

// varsIn returns the local and package variables n refers to, outside
// function literals, in order, without repeats.
func varsIn(info *types.Info, n ast.Node) []*types.Var {
	var vs []*types.Var
	seen := make(map[*types.Var]bool)
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && !seen[v] {
				seen[v] = true
				vs = append(vs, v)
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	return vs
}

// assignedWith returns the variables that an assignment in body gives a
// value together with v:
//
//	ctx, cancel := context.WithCancel(parent)    // ctx for cancel
func assignedWith(info *types.Info, body *ast.BlockStmt, v *types.Var) []*types.Var {
	var with []*types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		var vs []*types.Var
		mentions := false
		for _, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok {
				if w, ok := info.ObjectOf(id).(*types.Var); ok {
					vs = append(vs, w)
					mentions = mentions || w == v
				}
			}
		}
		if mentions {
			for _, w := range vs {
				if w != v {
					with = append(with, w)
				}
			}
		}
		return true
	})
	return with
}

// rootVar returns the variable a variable path starts from (c in c.mu.x,
// m in m[k]), or nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return rootVar(info, e.X)
		}
	case *ast.IndexExpr:
		return rootVar(info, e.X)
	case *ast.StarExpr:
		return rootVar(info, e.X)
	}
	return nil
}

// isMethodCall reports whether sel selects a method (x.M, not a field or
// a package member).
func isMethodCall(info *types.Info, sel *ast.SelectorExpr) bool {
	selection := info.Selections[sel]
	return selection != nil && selection.Kind() == types.MethodVal
}

// loopBody returns the body of a *ast.ForStmt or *ast.RangeStmt.
func loopBody(loop ast.Node) *ast.BlockStmt {
	switch loop := loop.(type) {
	case *ast.ForStmt:
		return loop.Body
	case *ast.RangeStmt:
		return loop.Body
	}
	return nil
}
