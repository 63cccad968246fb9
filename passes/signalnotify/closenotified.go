package signalnotify

import (
	"go/ast"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// closeNotified reports the closes of the channel of flow, registered by
// the Notify instruction notify, that can run before signal.Stop of it.
//
//	signal.Notify(c, os.Interrupt)
//	<-c
//	close(c)
func (fc *flowChecker) closeNotified(notify ssa.CallInstruction, flow *chanFlow) {
	for _, cl := range flow.closes {
		if fc.reported[cl] || !inFunc(cl.Parent(), notify.Parent()) || !fc.closesBeforeStop(notify, cl, flow) {
			continue
		}
		cur, ok := fc.closeCall(cl)
		if !ok {
			continue
		}
		fc.reported[cl] = true
		call := cur.Node().(*ast.CallExpr)
		ch := types.ExprString(call.Args[0])
		d := analysis.Diagnostic{
			Pos:      call.Pos(),
			End:      call.End(),
			Category: "close-notified-channel",
			Message: "close(" + ch + ") closes a channel registered with signal.Notify before signal.Stop(" + ch +
				"): the next signal panics the process with \"send on closed channel\"",
		}
		if fix, ok := fc.stopBeforeCloseFix(cur, ch); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		fc.r.Report(d)
	}
}

// closesBeforeStop reports whether the close cl of the channel of flow may
// run while the channel is registered: on a path from the registration (or
// from the entry of the closure that closes) to the close, or for a
// deferred close from there on to a return, without signal.Stop of the
// channel (a deferred Stop runs before a deferred close registered before
// it, after anything else). It is false when the channel is stopped in
// another function whose order with the close is unknown.
func (fc *flowChecker) closesBeforeStop(notify, cl ssa.CallInstruction, flow *chanFlow) bool {
	closeFn := cl.Parent()
	for _, s := range flow.stops {
		if s.Parent() != closeFn && !calls(closeFn, s.Parent()) {
			return false
		}
	}
	isClose := func(instr ssa.Instruction) bool { return instr == cl }
	isStop := fc.stopsChannel(flow, false)
	var reached ssa.Instruction
	if closeFn == notify.Parent() {
		reached = fc.pf.search(notify, isStop, isClose, nil)
	} else if len(closeFn.Blocks) > 0 {
		reached = fc.pf.searchFrom(closeFn.Blocks[0], 0, isStop, isClose, nil)
	}
	if reached == nil {
		return false
	}
	if _, deferred := cl.(*ssa.Defer); deferred {
		return fc.pf.search(cl, fc.stopsChannel(flow, true), isReturn, nil) != nil
	}
	return true
}

// calls reports whether fn calls or defers callee.
func calls(fn, callee *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && call.Common().StaticCallee() == callee {
				return true
			}
		}
	}
	return false
}

// closeCall returns the cursor of the close call of the SSA instruction cl.
func (fc *flowChecker) closeCall(cl ssa.CallInstruction) (inspector.Cursor, bool) {
	pos := cl.Common().Pos()
	for cur := range fc.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call.Lparen == pos && len(call.Args) == 1 && analysisutil.IsBuiltin(fc.pass.TypesInfo, call.Fun, "close") {
			return cur, true
		}
	}
	return inspector.Cursor{}, false
}

// stopBeforeCloseFix returns the fix that calls signal.Stop(ch) before the
// close statement at cur: before close(ch), or after defer close(ch) so
// that the deferred Stop runs first.
func (fc *flowChecker) stopBeforeCloseFix(cur inspector.Cursor, ch string) (analysis.SuggestedFix, bool) {
	call := cur.Node().(*ast.CallExpr)
	file := fileOf(cur)
	if file == nil || !isSimpleRef(call.Args[0]) {
		return analysis.SuggestedFix{}, false
	}
	sig := importName(file, "os/signal")
	stmt := cur.Parent().Node()
	indent, ok := lineIndent(fc.pass, stmt.Pos())
	if sig == "" || !ok {
		return analysis.SuggestedFix{}, false
	}
	stop := sig + ".Stop(" + ch + ")"
	var edit analysis.TextEdit
	switch stmt.(type) {
	case *ast.ExprStmt:
		edit = analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(stop + "\n" + indent)}
	case *ast.DeferStmt:
		at, ok := afterLine(fc.pass, stmt.End())
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edit = analysis.TextEdit{Pos: at, End: at, NewText: []byte(indent + "defer " + stop + "\n")}
	default:
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{Message: "Call " + stop + " first", TextEdits: []analysis.TextEdit{edit}}, true
}
