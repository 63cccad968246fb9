package signalnotify

import (
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ssa"
)

// A chanFlow is what becomes of the channel a Notify call registers,
// followed through SSA from the make calls that create it: through copies,
// conversions, variables captured by closures, and parameters of the
// package's functions it is passed to.
type chanFlow struct {
	made []*ssa.MakeChan
	// received: some code receives from it (<-c, range c, select case).
	received bool
	// escaped: it reaches code this analysis cannot follow (stored in a
	// field, passed to another package's function, returned, sent,
	// converted to an interface): what happens to it is unknown.
	escaped bool
	// reassigned: a variable that holds it also holds other channels.
	reassigned bool
	closes     []ssa.CallInstruction  // close(c), called or deferred
	stops      []ssa.CallInstruction  // signal.Stop(c), called or deferred
	recvs      map[*ssa.UnOp]bool     // <-c receives, to prune the !ok branch of range c
	recvFuncs  map[*ssa.Function]bool // the functions that receive from it
	values     map[ssa.Value]bool     // the SSA values that are the channel
	cellStores []*ssa.Store           // stores into the variables that hold it
}

// flowOf follows the channel argument of the Notify call, or returns nil
// when the channel does not come from make calls of the package visible
// here (a field, a global, a parameter, a function result).
func flowOf(arg ssa.Value) *chanFlow {
	made, ok := madeBy(arg, make(map[ssa.Value]bool))
	if !ok || len(made) == 0 {
		return nil
	}
	f := &chanFlow{made: made, recvs: make(map[*ssa.UnOp]bool), recvFuncs: make(map[*ssa.Function]bool), values: make(map[ssa.Value]bool)}
	w := &flowWalker{f: f, seen: make(map[ssa.Value]bool)}
	for _, m := range made {
		w.value(m)
	}
	for _, st := range f.cellStores {
		if !f.values[st.Val] {
			f.reassigned = true
		}
	}
	for v := range f.values {
		if phi, ok := v.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				if !f.values[e] {
					f.reassigned = true
				}
			}
		}
	}
	return f
}

// madeBy returns the make calls that v may come from, and false when it may
// come from anything else.
func madeBy(v ssa.Value, seen map[ssa.Value]bool) ([]*ssa.MakeChan, bool) {
	if seen[v] {
		return nil, true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.MakeChan:
		return []*ssa.MakeChan{v}, true
	case *ssa.ChangeType:
		return madeBy(v.X, seen)
	case *ssa.Phi:
		var all []*ssa.MakeChan
		for _, e := range v.Edges {
			m, ok := madeBy(e, seen)
			if !ok {
				return nil, false
			}
			all = append(all, m...)
		}
		return all, true
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return cellMadeBy(v.X, seen)
		}
	}
	return nil, false
}

// cellMadeBy returns the make calls of the values stored in the variable
// cell (a local *ssa.Alloc, or a closure's *ssa.FreeVar bound to one).
func cellMadeBy(cell ssa.Value, seen map[ssa.Value]bool) ([]*ssa.MakeChan, bool) {
	if fv, ok := cell.(*ssa.FreeVar); ok {
		outer, ok := boundTo(fv)
		if !ok {
			return nil, false
		}
		cell = outer
	}
	if _, ok := cell.(*ssa.Alloc); !ok {
		return nil, false
	}
	var all []*ssa.MakeChan
	var visit func(c ssa.Value) bool
	visited := make(map[ssa.Value]bool)
	visit = func(c ssa.Value) bool {
		if visited[c] {
			return true
		}
		visited[c] = true
		for _, instr := range *c.Referrers() {
			switch i := instr.(type) {
			case *ssa.Store:
				if i.Addr != c {
					return false // the variable's address is stored
				}
				m, ok := madeBy(i.Val, seen)
				if !ok {
					return false
				}
				all = append(all, m...)
			case *ssa.MakeClosure:
				for idx, b := range i.Bindings {
					if b == c && !visit(i.Fn.(*ssa.Function).FreeVars[idx]) {
						return false
					}
				}
			case *ssa.UnOp:
				if i.Op != token.MUL {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false // &c passed on
			}
		}
		return true
	}
	if !visit(cell) {
		return nil, false
	}
	return all, true
}

// boundTo returns the variable of the enclosing function that the free
// variable fv of a closure is bound to.
func boundTo(fv *ssa.FreeVar) (ssa.Value, bool) {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	if idx < 0 || fn.Parent() == nil {
		return nil, false
	}
	var bound ssa.Value
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				if bound != nil && bound != mc.Bindings[idx] {
					return nil, false
				}
				bound = mc.Bindings[idx]
			}
		}
	}
	if bound == nil {
		return nil, false
	}
	if outer, ok := bound.(*ssa.FreeVar); ok {
		return boundTo(outer)
	}
	return bound, true
}

// A flowWalker follows the channel forward.
type flowWalker struct {
	f    *chanFlow
	seen map[ssa.Value]bool
}

// value follows v, a value that is the channel.
func (w *flowWalker) value(v ssa.Value) {
	if w.seen[v] {
		return
	}
	w.seen[v] = true
	w.f.values[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, instr := range *refs {
		w.use(v, instr)
	}
}

// use records what instr does with v, the channel.
func (w *flowWalker) use(v ssa.Value, instr ssa.Instruction) {
	f := w.f
	switch i := instr.(type) {
	case *ssa.ChangeType:
		w.value(i)
	case *ssa.Phi:
		w.value(i)
	case *ssa.UnOp:
		if i.Op == token.ARROW {
			f.received = true
			f.recvs[i] = true
			f.recvFuncs[i.Parent()] = true
		} else {
			f.escaped = true
		}
	case *ssa.Select:
		for _, st := range i.States {
			if st.Chan == v && st.Dir == types.RecvOnly {
				f.received = true
				f.recvFuncs[i.Parent()] = true
			}
			if st.Send == v {
				f.escaped = true
			}
		}
	case *ssa.Send:
		if i.X == v {
			f.escaped = true
		}
	case *ssa.Store:
		switch i.Addr.(type) {
		case *ssa.Alloc, *ssa.FreeVar:
			f.cellStores = append(f.cellStores, i)
			w.cell(i.Addr)
		default:
			f.escaped = true
		}
	case *ssa.MakeClosure:
		for idx, b := range i.Bindings {
			if b == v {
				w.value(i.Fn.(*ssa.Function).FreeVars[idx])
			}
		}
	case ssa.CallInstruction:
		w.call(v, i)
	case *ssa.BinOp, *ssa.DebugRef:
	default:
		f.escaped = true
	}
}

// cell follows a variable (*ssa.Alloc or *ssa.FreeVar) that holds the
// channel.
func (w *flowWalker) cell(c ssa.Value) {
	if w.seen[c] {
		return
	}
	w.seen[c] = true
	for _, instr := range *c.Referrers() {
		switch i := instr.(type) {
		case *ssa.UnOp:
			if i.Op == token.MUL {
				w.value(i)
			} else {
				w.f.escaped = true
			}
		case *ssa.Store:
			if i.Addr == c {
				w.f.cellStores = append(w.f.cellStores, i)
			} else {
				w.f.escaped = true // the variable's address is stored
			}
		case *ssa.MakeClosure:
			for idx, b := range i.Bindings {
				if b == c {
					w.cell(i.Fn.(*ssa.Function).FreeVars[idx])
				}
			}
		case *ssa.DebugRef:
		default:
			w.f.escaped = true
		}
	}
}

// call records a call that takes v, the channel, as an argument.
func (w *flowWalker) call(v ssa.Value, instr ssa.CallInstruction) {
	f := w.f
	common := instr.Common()
	if common.IsInvoke() || common.Value == v {
		f.escaped = true
		return
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close":
			f.closes = append(f.closes, instr)
		case "len", "cap":
		default:
			f.escaped = true
		}
		return
	}
	callee := common.StaticCallee()
	if callee == nil {
		f.escaped = true
		return
	}
	switch obj := callee.Object(); {
	case analysisutil.IsFunc(obj, "os/signal", "Notify"):
		return
	case analysisutil.IsFunc(obj, "os/signal", "Stop"):
		f.stops = append(f.stops, instr)
		return
	}
	if callee.Blocks == nil || callee.Origin() != nil || len(callee.Params) != len(common.Args) {
		f.escaped = true // another package's function, or a generic instance
		return
	}
	for idx, a := range common.Args {
		if a == v {
			w.value(callee.Params[idx])
		}
	}
}

// inFunc reports whether fn is outer or a closure nested in it.
func inFunc(fn, outer *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if fn == outer {
			return true
		}
	}
	return false
}
