package signalnotify

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A flowChecker runs the checks that follow values through SSA:
// signal-never-received, notify-without-stop, close-notified-channel and
// notifycontext-stop-discarded.
type flowChecker struct {
	*pkgInfo
	pf       *pathFinder
	reported map[ssa.Instruction]bool // closes already reported
	// grouped: the registrations signal-never-received and
	// notify-without-stop report, grouped by check and channel: one
	// finding per channel, however many Notify calls registered it (one
	// receive or one signal.Stop serves them all).
	grouped map[groupKey][]notifyCall
}

// A groupKey is a check and the channel its findings are grouped by.
type groupKey struct {
	check string
	made  *ssa.MakeChan
}

// A notifyCall is a Notify call a grouped check reports.
type notifyCall struct {
	c    *sigCall
	call ssa.CallInstruction
	flow *chanFlow
	ch   string
}

// checkFlows builds the package's SSA form and checks every Notify and
// NotifyContext call in it.
func (pi *pkgInfo) checkFlows() {
	byPos := make(map[token.Pos]*sigCall)
	for _, c := range pi.calls {
		if c.isRegistration() {
			byPos[c.call.Lparen] = c
		}
	}
	if len(byPos) == 0 {
		return
	}
	s := analysisutil.BuildSSA(pi.pass)
	fc := &flowChecker{pkgInfo: pi, pf: newPathFinder(s.Pkg, s.SrcFuncs), reported: make(map[ssa.Instruction]bool), grouped: make(map[groupKey][]notifyCall)}
	for _, fn := range s.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c := byPos[call.Common().Pos()]
				callee := call.Common().StaticCallee()
				if c == nil || callee == nil || !analysisutil.IsFunc(callee.Object(), "os/signal", c.name) {
					continue
				}
				switch {
				case !isPlainCall(call):
					// go or defer of the registration itself: unusual, not followed.
				case c.name == "Notify":
					fc.notify(c, call)
				default:
					fc.notifyContext(c, call)
				}
			}
		}
	}
	fc.reportGrouped()
}

// reportGrouped reports signal-never-received and notify-without-stop
// once per channel, at its first registration in the group, with the
// signals of all of them.
func (fc *flowChecker) reportGrouped() {
	type group struct {
		check string
		calls []notifyCall
	}
	var groups []group
	for k, g := range fc.grouped {
		slices.SortFunc(g, func(a, b notifyCall) int { return cmp.Compare(a.c.call.Pos(), b.c.call.Pos()) })
		groups = append(groups, group{k.check, g})
	}
	slices.SortFunc(groups, func(a, b group) int {
		return cmp.Or(cmp.Compare(a.calls[0].c.call.Pos(), b.calls[0].c.call.Pos()), cmp.Compare(a.check, b.check))
	})
	for _, g := range groups {
		first := g.calls[0]
		merged := *first.c
		merged.sigs.Names = slices.Clone(merged.sigs.Names)
		for _, u := range g.calls[1:] {
			merged.sigs.union(u.c.sigs)
		}
		if g.check == "signal-never-received" {
			fc.neverReceived(&merged, first.ch)
		} else {
			fc.notifyWithoutStop(&merged, first.call, first.flow, first.ch)
		}
	}
}

// neverReceived reports the Notify call c whose channel nothing receives
// from.
func (fc *flowChecker) neverReceived(c *sigCall, ch string) {
	fc.r.Reportf("signal-never-received", c.call,
		"nothing receives from %s, the channel given to %s: %s %s caught and dropped and no longer %s the process",
		ch, c.funcName(), c.sigs.termNames(), plural(c.sigs.termNames(), "is", "are"), plural(c.sigs.termNames(), "stops", "stop"))
}

// group queues the Notify call c for the grouped check.
func (fc *flowChecker) group(check string, c *sigCall, call ssa.CallInstruction, flow *chanFlow, ch string) {
	k := groupKey{check, flow.made[0]}
	fc.grouped[k] = append(fc.grouped[k], notifyCall{c, call, flow, ch})
}

// isPlainCall reports whether instr is a call, neither deferred nor a go
// statement.
func isPlainCall(instr ssa.CallInstruction) bool {
	_, ok := instr.(*ssa.Call)
	return ok
}

// notify checks the channel of the Notify call c, the SSA instruction call.
func (fc *flowChecker) notify(c *sigCall, call ssa.CallInstruction) {
	flow := flowOf(call.Common().Args[0])
	if flow == nil {
		return
	}
	fn := call.Parent()
	ch := types.ExprString(c.call.Args[0])
	term := !c.test && c.sigs.hasTermination()
	switch {
	case term && !flow.received && !flow.escaped && !c.ignores:
		fc.group("signal-never-received", c, call, flow, ch)
	case term && !flow.escaped && !c.ignores && madeIn(flow, fn) && onlyReceivedIn(flow, fn) && fc.programContinuesAfter(fn.Syntax(), maxCallerDepth):
		fc.group("notify-without-stop", c, call, flow, ch)
	}
	if !flow.escaped && !flow.reassigned {
		fc.closeNotified(call, flow)
	}
}

// madeIn reports whether the channel of flow is made in fn itself.
func madeIn(flow *chanFlow, fn *ssa.Function) bool {
	for _, m := range flow.made {
		if m.Parent() != fn {
			return false
		}
	}
	return true
}

// onlyReceivedIn reports whether fn is the only function that receives
// from the channel of flow: no goroutine or callback keeps reading it after
// fn returns.
func onlyReceivedIn(flow *chanFlow, fn *ssa.Function) bool {
	for r := range flow.recvFuncs {
		if r != fn {
			return false
		}
	}
	return true
}

// notifyWithoutStop reports the Notify call c when its function can return
// without signal.Stop of the channel.
func (fc *flowChecker) notifyWithoutStop(c *sigCall, call ssa.CallInstruction, flow *chanFlow, ch string) {
	ret := fc.pf.search(call, fc.stopsChannel(flow, true), isReturn, neverClosed(flow))
	if ret == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos:      c.call.Pos(),
		End:      c.call.End(),
		Category: "notify-without-stop",
		Message: "the function can return without signal.Stop(" + ch + "): " + c.sigs.termNames() + " then still " +
			plural(c.sigs.termNames(), "goes", "go") + " to " + ch + ", which nobody reads, and no longer " +
			plural(c.sigs.termNames(), "stops", "stop") + " the process",
	}
	if pos := ret.Pos(); pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: pos, Message: "returns here without signal.Stop(" + ch + ")"}}
	}
	if fix, ok := fc.deferStopFix(c, ch); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	fc.r.Report(d)
}

// stopsChannel returns the predicate of the instructions that unregister
// the channel of flow: signal.Stop of it, signal.Reset, or a call of a
// function of the package that calls signal.Stop of it; deferred ones too
// when deferred is set. Go statements do not count: their order is unknown.
func (fc *flowChecker) stopsChannel(flow *chanFlow, deferred bool) func(ssa.Instruction) bool {
	stops := make(map[ssa.Instruction]bool)
	stopFuncs := make(map[*ssa.Function]bool)
	for _, s := range flow.stops {
		stops[s] = true
		for fn := s.Parent(); fn != nil; fn = fn.Parent() {
			stopFuncs[fn] = true
		}
	}
	return func(instr ssa.Instruction) bool {
		switch instr.(type) {
		case *ssa.Go:
			return false
		case *ssa.Defer:
			if !deferred {
				return false
			}
		}
		if stops[instr] {
			return true
		}
		call, ok := instr.(ssa.CallInstruction)
		if !ok {
			return false
		}
		callee := call.Common().StaticCallee()
		return callee != nil && (stopFuncs[callee] || analysisutil.IsFunc(callee.Object(), "os/signal", "Reset"))
	}
}

// neverClosed returns, when nothing closes the channel of flow, the pruning
// of the !ok branch of its comma-ok receives (for range c ends only when c
// is closed).
func neverClosed(flow *chanFlow) func(*ssa.If) []*ssa.BasicBlock {
	if len(flow.closes) > 0 {
		return nil
	}
	return func(ifi *ssa.If) []*ssa.BasicBlock {
		succs := ifi.Block().Succs
		if ext, ok := ifi.Cond.(*ssa.Extract); ok && ext.Index == 1 {
			if recv, ok := ext.Tuple.(*ssa.UnOp); ok && flow.recvs[recv] {
				return succs[:1]
			}
		}
		return succs
	}
}

// deferStopFix returns the fix that adds defer signal.Stop(ch) after the
// Notify statement, unless it is in a loop.
func (fc *flowChecker) deferStopFix(c *sigCall, ch string) (analysis.SuggestedFix, bool) {
	stmt := c.cur.Parent()
	if _, ok := stmt.Node().(*ast.ExprStmt); !ok || !isSimpleRef(c.call.Args[0]) {
		return analysis.SuggestedFix{}, false
	}
	for cur := range stmt.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch cur.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return analysis.SuggestedFix{}, false
		}
		break
	}
	sig := signalQualifier(c.call)
	indent, ok1 := lineIndent(fc.pass, stmt.Node().Pos())
	at, ok2 := afterLine(fc.pass, stmt.Node().End())
	if sig == "" || !ok1 || !ok2 {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Call signal.Stop(" + ch + ") when the function returns",
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(indent + "defer " + sig + ".Stop(" + ch + ")\n")}},
	}, true
}

// signalQualifier returns the package name through which call calls its
// os/signal function ("signal"), or "".
func signalQualifier(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	return id.Name
}

// isSimpleRef reports whether e is a variable or a chain of field
// selections, which the fixes may repeat.
func isSimpleRef(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isSimpleRef(e.X)
	}
	return false
}

// notifyContext checks that the stop function of the NotifyContext call c,
// the SSA instruction call, is called on every path.
func (fc *flowChecker) notifyContext(c *sigCall, call ssa.CallInstruction) {
	var stop *ssa.Extract
	if v := call.Value(); v != nil {
		for _, instr := range *v.Referrers() {
			if ext, ok := instr.(*ssa.Extract); ok && ext.Index == 1 {
				stop = ext
			}
		}
	}
	var uses map[ssa.Instruction]bool
	if stop != nil {
		uses = usesOf(stop)
	}
	caught := "the signals"
	if s := killingSignals(c.sigs); s != "" && s != "signals" {
		caught = s
	}
	const prefix = "the stop function returned by signal.NotifyContext is "
	suffix := ": after the first signal " + caught + " " + plural(caught, "stays", "stay") + " caught, and a second one cannot force the exit"
	if len(uses) == 0 {
		fc.r.Reportf("notifycontext-stop-discarded", c.call, "%sdiscarded%s", prefix, suffix)
		return
	}
	ret := fc.pf.search(call, func(instr ssa.Instruction) bool { return uses[instr] }, isReturn, nil)
	if ret == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos:      c.call.Pos(),
		End:      c.call.End(),
		Category: "notifycontext-stop-discarded",
		Message:  prefix + "not called on every path" + suffix,
	}
	if pos := ret.Pos(); pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: pos, Message: "returns here without calling stop"}}
	}
	fc.r.Report(d)
}

// usesOf returns the instructions that use v, or load a variable that v is
// stored in, or capture that variable in a closure.
func usesOf(v ssa.Value) map[ssa.Instruction]bool {
	uses := make(map[ssa.Instruction]bool)
	seen := make(map[ssa.Value]bool)
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, instr := range *v.Referrers() {
			switch i := instr.(type) {
			case *ssa.DebugRef:
				continue
			case *ssa.Store:
				if i.Val == v {
					switch i.Addr.(type) {
					case *ssa.Alloc, *ssa.FreeVar:
						visit(i.Addr) // uses of the variable count
						continue
					}
				} else if i.Addr == v {
					continue // a store into the variable v
				}
			case *ssa.UnOp:
				if i.Op == token.MUL {
					visit(i)
				}
			}
			uses[instr] = true
		}
	}
	visit(v)
	return uses
}
