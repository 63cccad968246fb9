package signalnotify

import (
	"go/constant"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ssa"
)

// A pathFinder searches the control flow graphs of the package's SSA
// functions, knowing which calls never return.
type pathFinder struct {
	pkg   *ssa.Package
	noret map[*ssa.Function]bool // functions of the package that never return
}

// newPathFinder computes which functions of funcs never return: no return
// is reachable from their entry, calls that never return ending a path.
func newPathFinder(pkg *ssa.Package, funcs []*ssa.Function) *pathFinder {
	pf := &pathFinder{pkg: pkg, noret: make(map[*ssa.Function]bool)}
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if pf.noret[fn] || len(fn.Blocks) == 0 || fn.Recover != nil {
				continue
			}
			if pf.searchFrom(fn.Blocks[0], 0, never, isReturn, nil) == nil {
				pf.noret[fn] = true
				changed = true
			}
		}
	}
	return pf
}

func never(ssa.Instruction) bool { return false }

func isReturn(instr ssa.Instruction) bool {
	_, ok := instr.(*ssa.Return)
	return ok
}

// search returns the first instruction for which target holds that is
// reachable from just after from, on a path that does not go through an
// instruction for which barrier holds (an instruction that is both counts
// as a barrier), or nil. A call that never returns
// ends a path; prune, if not nil, may drop infeasible successors of an If.
func (pf *pathFinder) search(from ssa.Instruction, barrier, target func(ssa.Instruction) bool, prune func(*ssa.If) []*ssa.BasicBlock) ssa.Instruction {
	b := from.Block()
	for i, instr := range b.Instrs {
		if instr == from {
			return pf.searchFrom(b, i+1, barrier, target, prune)
		}
	}
	return nil
}

// searchFrom is search from the instruction at index start of block b.
func (pf *pathFinder) searchFrom(b *ssa.BasicBlock, start int, barrier, target func(ssa.Instruction) bool, prune func(*ssa.If) []*ssa.BasicBlock) ssa.Instruction {
	seen := make(map[*ssa.BasicBlock]bool)
	type item struct {
		b     *ssa.BasicBlock
		start int
	}
	work := []item{{b, start}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		blocked := false
		for _, instr := range it.b.Instrs[it.start:] {
			if barrier(instr) {
				blocked = true
				break
			}
			if target(instr) {
				return instr
			}
			if pf.neverReturns(instr) {
				blocked = true
				break
			}
		}
		if blocked {
			continue
		}
		succs := it.b.Succs
		if ifi, ok := it.b.Instrs[len(it.b.Instrs)-1].(*ssa.If); ok {
			if c, isConst := ifi.Cond.(*ssa.Const); isConst && c.Value != nil && c.Value.Kind() == constant.Bool {
				if constant.BoolVal(c.Value) { // for i := 0; true; i++
					succs = succs[:1]
				} else {
					succs = succs[1:]
				}
			} else if prune != nil {
				succs = prune(ifi)
			}
		}
		for _, s := range succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, item{s, 0})
			}
		}
	}
	return nil
}

// neverReturns reports whether instr is a call (not deferred, not a go
// statement) of a function that never returns: a well-known exit or a
// function of the package without a reachable return.
func (pf *pathFinder) neverReturns(instr ssa.Instruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Common().StaticCallee()
	if callee == nil {
		return false
	}
	if pf.noret[callee] {
		return true
	}
	return analysisutil.IsNoReturn(callee.Object())
}
