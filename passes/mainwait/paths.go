package mainwait

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
)

// An event is what a statement of the function does to the shutdown.
type event struct {
	kind eventKind
	node ast.Node // the launch, trigger or wait
	desc string   // the trigger, for the message: "cancel()", "srv.ListenAndServe returned"
	bit  uint64   // a cancel call: the bit of the context it cancels, or 0
}

type eventKind int

const (
	evLaunch       eventKind = iota // starts a goroutine observing an owned cancellation
	evTrigger                       // cancel(), close(done), <-ctx.Done(), a serve call that returned
	evWait                          // WaitGroup.Wait, Shutdown, a function that waits
	evSoftWait                      // a receive from a channel that is not the cancellation or a signal, time.Sleep
	evDeferTrigger                  // defer cancel()
	evDeferWait                     // defer wg.Wait()
)

// A pathState is what happened on a path from the function's entry.
type pathState struct {
	launch     ast.Node // the first observing launch, or nil
	trigger    *event   // the last trigger since a wait, or nil
	deferTrig  *event   // the first deferred trigger, or nil
	waited     bool     // a blocking call (Wait, Shutdown, a waiting helper) happened after the launch
	received   bool     // a receive or sleep happened after the launch
	deferWaits bool     // a deferred wait is registered
	cancelled  uint64   // the bits of the contexts cancelled on the path
}

// A finding is one return that ends the process while goroutines may still
// be cleaning up.
type finding struct {
	at      analysis.Range
	message string
}

// findings walks every path of the function's control-flow graph and
// reports the returns reached after a launch and a trigger with no wait in
// between, explicit or deferred.
func (s *shape) findings() []finding {
	g := cfg.New(s.fd.Body, s.mayReturn)
	s.comms = make(map[ast.Node]bool)
	s.waitingSelect = make(map[*ast.CommClause]bool)
	ast.Inspect(s.fd.Body, func(n ast.Node) bool {
		if cc, ok := n.(*ast.CommClause); ok && cc.Comm != nil {
			s.comms[cc.Comm] = true
			if as, ok := cc.Comm.(*ast.AssignStmt); ok {
				s.comms[as.Lhs[0]] = true
			}
		}
		if sel, ok := n.(*ast.SelectStmt); ok && s.awaitsCompletion(sel) {
			for _, c := range sel.Body.List {
				s.waitingSelect[c.(*ast.CommClause)] = true
			}
		}
		return true
	})
	type item struct {
		b  *cfg.Block
		st pathState
	}
	seen := make(map[item]bool)
	reported := make(map[token.Pos]bool)
	var out []finding
	work := []item{{b: g.Blocks[0]}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[it] || len(seen) > 20000 {
			continue
		}
		seen[it] = true
		st := it.st
		for _, ev := range s.blockEvents(it.b) {
			st = st.step(ev)
		}
		if ret := it.b.Return(); ret != nil {
			if f, ok := s.judge(st, ret); ok && !reported[ret.Pos()] {
				reported[ret.Pos()] = true
				out = append(out, f)
			}
			continue
		}
		for _, succ := range it.b.Succs {
			work = append(work, item{succ, st})
		}
	}
	slices.SortFunc(out, func(a, b finding) int { return int(a.at.Pos() - b.at.Pos()) })
	return out
}

// blockEvents returns the events of block b. The CFG evaluates every comm
// of a select before branching; here a case's receive happens on entry to
// its own body, and a range over a channel receives on entry to the loop
// body and to the code after it.
func (s *shape) blockEvents(b *cfg.Block) []event {
	var evs []event
	switch b.Kind {
	case cfg.KindSelectCaseBody:
		cc, ok := b.Stmt.(*ast.CommClause)
		if ok && s.waitingSelect[cc] {
			// One case waits for a goroutine to finish: the others are the
			// grace period running out or a second signal forcing the exit.
			evs = append(evs, event{kind: evSoftWait, node: cc})
		}
		if ok && cc.Comm != nil && (!s.waitingSelect[cc] || !s.boundsGrace(cc.Comm)) {
			evs = append(evs, s.events(cc.Comm)...)
		}
	case cfg.KindRangeBody, cfg.KindRangeDone:
		if rs, ok := b.Stmt.(*ast.RangeStmt); ok {
			if ev, ok := s.rangeEvent(rs); ok {
				evs = append(evs, ev)
			}
		}
	}
	for _, n := range b.Nodes {
		if s.comms[n] {
			continue
		}
		evs = append(evs, s.events(n)...)
	}
	return evs
}

// awaitsCompletion reports whether one case of the select statement
// receives from a channel that a started goroutine closes or sends on to
// report it has finished:
//
//	select { case <-done: case <-time.After(d): case <-sigs: }
func (s *shape) awaitsCompletion(sel *ast.SelectStmt) bool {
	for _, c := range sel.Body.List {
		cc := c.(*ast.CommClause)
		ch := analysisutil.CommRecv(cc.Comm)
		if ch == nil {
			continue
		}
		if v := s.localVar(ch); v != nil && s.completions[v] {
			return true
		}
	}
	return false
}

// rangeEvent classifies a range statement over a channel as a receive.
func (s *shape) rangeEvent(rs *ast.RangeStmt) (event, bool) {
	if t := s.info.TypeOf(rs.X); t != nil {
		if _, ok := t.Underlying().(*types.Chan); ok {
			return s.receiveEvent(rs.X, rs)
		}
	}
	return event{}, false
}

// step returns the state after ev.
func (st pathState) step(ev event) pathState {
	switch ev.kind {
	case evLaunch:
		if st.launch == nil {
			st.launch = ev.node
		}
	case evTrigger:
		if ev.bit != 0 && st.cancelled&ev.bit != 0 {
			break // cancelling a context again does nothing: no new trigger
		}
		st.cancelled |= ev.bit
		e := ev
		st.trigger = &e
	case evWait:
		st.trigger = nil
		if st.launch != nil {
			st.waited = true
		}
	case evSoftWait:
		st.trigger = nil
		if st.launch != nil {
			st.received = true
		}
	case evDeferTrigger:
		if st.deferTrig == nil && !st.deferWaits {
			e := ev
			st.deferTrig = &e
		}
	case evDeferWait:
		st.deferWaits = true
	}
	return st
}

// judge reports whether the return ret, reached in state st, ends the
// process while started goroutines observe a triggered cancellation and
// nothing waited for them.
func (s *shape) judge(st pathState, ret *ast.ReturnStmt) (finding, bool) {
	if st.launch == nil || st.waited || st.deferWaits || !s.cleanReturn(ret) {
		return finding{}, false
	}
	trig := st.trigger
	if trig == nil && !st.received {
		trig = st.deferTrig
	}
	if trig == nil {
		return finding{}, false
	}
	fset := s.pass.Fset
	who := "main"
	if s.fd.Name.Name != "main" || s.fd.Recv != nil {
		who = s.funcName() + " (whose return ends the process)"
	}
	var rng analysis.Range = ret
	if !ret.Return.IsValid() || ret.Results == nil && ret.End() > s.fd.Body.End() || ret.Return == s.fd.Body.Rbrace {
		rng = closingBrace{s.fd.Body.Rbrace}
	}
	msg := fmt.Sprintf("%s returns after %s without waiting for the goroutine started at line %d, which observes %s: the process exits while it may still be cleaning up, and its deferred calls never run",
		who, trig.desc, fset.Position(st.launch.Pos()).Line, strings.Join(s.launches[st.launch], ", "))
	return finding{at: rng, message: msg}, true
}

// funcName names the target function for a message, qualified so that the
// message starts in lower case: main.run, (*Main).Run.
func (s *shape) funcName() string {
	if s.fd.Recv == nil || len(s.fd.Recv.List) == 0 {
		return "main." + s.fd.Name.Name
	}
	recv := s.info.TypeOf(s.fd.Recv.List[0].Type)
	star := ""
	if p, ok := recv.(*types.Pointer); ok {
		star, recv = "*", p.Elem()
	}
	if n, ok := types.Unalias(recv).(*types.Named); ok {
		return fmt.Sprintf("(%s%s).%s", star, n.Obj().Name(), s.fd.Name.Name)
	}
	return s.fd.Name.Name
}

// closingBrace is the range of a function's closing brace.
type closingBrace struct{ pos token.Pos }

func (c closingBrace) Pos() token.Pos { return c.pos }
func (c closingBrace) End() token.Pos { return c.pos + 1 }

// cleanReturn reports whether ret is a normal end of the program: any
// return of main, and a return of the run function that reports success
// (nil error, exit code 0) or a value not known to be a failure.
func (s *shape) cleanReturn(ret *ast.ReturnStmt) bool {
	if len(ret.Results) != 1 {
		return true
	}
	r := ast.Unparen(ret.Results[0])
	if tv, ok := s.info.Types[r]; ok && tv.Value != nil {
		return tv.Value.String() == "0" // an exit code: a constant other than 0 is a failure
	}
	if id, ok := r.(*ast.Ident); ok {
		if _, isNil := s.info.Uses[id].(*types.Nil); isNil {
			return true
		}
		if v, ok := s.info.Uses[id].(*types.Var); ok && types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
			return false // `return err`: a failure path
		}
		return true
	}
	t := s.info.TypeOf(r)
	return t == nil || !types.Identical(t, types.Universe.Lookup("error").Type())
}

// events returns what the CFG node n does, in order. Function literals are
// not entered (a launch is one event; a deferred literal is summarised).
func (s *shape) events(n ast.Node) []event {
	var evs []event
	var visit func(x ast.Node) bool
	visit = func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.GoStmt:
			if _, ok := s.launches[x]; ok {
				evs = append(evs, event{kind: evLaunch, node: x})
			}
			return false
		case *ast.DeferStmt:
			evs = append(evs, s.deferred(x)...)
			return false
		case *ast.CallExpr:
			if _, ok := s.launches[x]; ok {
				evs = append(evs, event{kind: evLaunch, node: x})
				return false
			}
			for _, a := range x.Args {
				ast.Inspect(a, visit)
			}
			ast.Inspect(x.Fun, visit)
			if ev, ok := s.callEvent(x); ok {
				evs = append(evs, ev)
			}
			return false
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				ast.Inspect(x.X, visit)
				if ev, ok := s.receiveEvent(x.X, x); ok {
					evs = append(evs, ev)
				}
				return false
			}
		case *ast.RangeStmt:
			if ev, ok := s.rangeEvent(x); ok {
				evs = append(evs, ev)
			}
		}
		return true
	}
	ast.Inspect(n, visit)
	return evs
}

// callEvent classifies a call: a trigger (an owned cancel function, close of
// an owned channel, a serve call that returns once an external trigger
// stopped it), a wait, or nothing.
func (s *shape) callEvent(call *ast.CallExpr) (event, bool) {
	if ctx := s.cancelCall(call); ctx != nil && s.relevant(ctx) {
		return event{kind: evTrigger, node: call, desc: types.ExprString(call), bit: s.ctxBit(ctx)}, true
	}
	if v := s.closedChan(call); v != nil && s.observed[v] {
		return event{kind: evTrigger, node: call, desc: types.ExprString(call)}, true
	}
	if s.external && isServeCall(s.info, call) {
		return event{kind: evTrigger, node: call, desc: types.ExprString(call.Fun) + " returned"}, true
	}
	if analysisutil.IsFunc(analysisutil.CalleeObject(s.info, call), "time", "Sleep") {
		return event{kind: evSoftWait, node: call}, true // a grace period, or a poll interval before the trigger
	}
	if s.isWait(call) && !s.shutdownWithDoneContext(call) {
		return event{kind: evWait, node: call}, true
	}
	return event{}, false
}

// ctxBit returns the bit that stands for the owned context ctx in a
// pathState's cancelled set, or 0 past the 64th context (a cancel of it is
// then always a new trigger).
func (s *shape) ctxBit(ctx *types.Var) uint64 {
	if s.ctxBits == nil {
		s.ctxBits = make(map[*types.Var]uint64)
	}
	if b, ok := s.ctxBits[ctx]; ok {
		return b
	}
	var b uint64
	if n := len(s.ctxBits); n < 64 {
		b = 1 << n
	}
	s.ctxBits[ctx] = b
	return b
}

// shutdownWithDoneContext reports whether call is a Shutdown given an owned
// context that the trigger cancels (or one derived from it): such a
// Shutdown returns at once instead of waiting.
func (s *shape) shutdownWithDoneContext(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(s.info, call)
	if fn == nil || fn.Name() != "Shutdown" || len(call.Args) == 0 {
		return false
	}
	v := s.localVar(call.Args[0])
	for a, n := v, 0; a != nil && n < 32; a, n = s.ctxParent[a], n+1 {
		if s.relevant(a) {
			return true
		}
	}
	return false
}

// receiveEvent classifies a receive from ch (at node n): from an owned
// context's Done or an observed channel it means the cancellation happened;
// from a signal channel or another context's Done it is neither; from any
// other channel it waits (a completion channel, a timer bounding the grace
// period).
func (s *shape) receiveEvent(ch ast.Expr, n ast.Node) (event, bool) {
	if x := analysisutil.DoneContext(s.info, ch); x != nil {
		if v := s.localVar(x); v != nil && s.relevant(v) {
			return event{kind: evTrigger, node: n, desc: types.ExprString(x) + " is done"}, true
		}
		return event{}, false
	}
	if id, ok := ast.Unparen(ch).(*ast.Ident); ok {
		if v, ok := s.info.Uses[id].(*types.Var); ok {
			switch {
			case s.observed[v]:
				return event{kind: evTrigger, node: n, desc: v.Name() + " is closed"}, true
			case s.sigChans[v]:
				return event{}, false
			}
		}
	}
	return event{kind: evSoftWait, node: n}, true
}

// deferred summarises a defer statement: a deferred cancel is a trigger that
// runs as the function returns, a deferred wait a wait; a deferred literal
// that cancels and then waits is a wait.
func (s *shape) deferred(d *ast.DeferStmt) []event {
	if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
		var trig *event
		waits := false
		for _, st := range lit.Body.List {
			for _, ev := range s.events(st) {
				switch ev.kind {
				case evTrigger:
					if trig == nil {
						e := ev
						trig = &e
					}
				case evWait, evSoftWait:
					waits = true
				}
			}
		}
		switch {
		case waits:
			return []event{{kind: evDeferWait, node: d}}
		case trig != nil:
			return []event{{kind: evDeferTrigger, node: d, desc: "the deferred " + trig.desc}}
		}
		return nil
	}
	ev, ok := s.callEvent(d.Call)
	if !ok {
		return nil
	}
	switch ev.kind {
	case evTrigger:
		return []event{{kind: evDeferTrigger, node: d, desc: "the deferred " + ev.desc}}
	case evWait:
		return []event{{kind: evDeferWait, node: d}}
	}
	return nil
}

// isWait reports whether call blocks until other work is done: a wait
// primitive, a function with the waits fact, or an interface or
// function-value call named like one (Wait, Shutdown, Stop, Close...).
func (s *shape) isWait(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(s.info, call)
	if fn == nil {
		return isDynamicWait(call)
	}
	if isWaitFunc(fn) || s.waits[fn] || s.pass.ImportObjectFact(fn, new(waitsFact)) {
		return true
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return slices.Contains(dynamicWaitNames, fn.Name())
	}
	return false
}

// isDynamicWait reports whether the dynamic call (a function value) is
// named like a wait.
func isDynamicWait(call *ast.CallExpr) bool {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		return slices.Contains(dynamicWaitNames, f.Sel.Name)
	case *ast.Ident:
		return slices.Contains(dynamicWaitNames, f.Name) || strings.HasPrefix(f.Name, "wait") || strings.HasPrefix(f.Name, "shutdown")
	}
	return false
}

// isServeCall reports whether call serves until a shutdown stops it: a serve
// method of *http.Server, or a method named Serve, ServeTLS, ListenAndServe
// or ListenAndServeTLS of any server type (grpc.Server.Serve).
func isServeCall(info *types.Info, call *ast.CallExpr) bool {
	fn := analysisutil.Callee(info, call)
	if fn == nil || fn.Signature().Recv() == nil {
		return false
	}
	return slices.Contains([]string{"Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS"}, fn.Name())
}

// mayReturn reports whether call may return: calls that end the process or
// panic end their path (the suite's table of functions that never return,
// and the Fatal* methods and functions of logging packages).
func (s *shape) mayReturn(call *ast.CallExpr) bool {
	if analysisutil.IsNoReturnCall(s.info, call) {
		return false
	}
	if f := analysisutil.Callee(s.info, call); f != nil && f.Pkg() != nil && !analysisutil.IsStdPath(s.pass, f.Pkg().Path()) && strings.HasPrefix(f.Name(), "Fatal") {
		return false // any logger's Fatal* ends the process
	}
	return true
}
