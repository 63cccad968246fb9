package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/cfg"
)

// graphs builds the control-flow graph of a function body once, on demand.
type graphs struct {
	info *types.Info
	m    map[*ast.BlockStmt]*cfg.CFG
}

func newGraphs(info *types.Info) *graphs {
	return &graphs{info: info, m: make(map[*ast.BlockStmt]*cfg.CFG)}
}

func (gs *graphs) of(body *ast.BlockStmt) *cfg.CFG {
	g, ok := gs.m[body]
	if !ok {
		g = cfg.New(body, func(call *ast.CallExpr) bool { return !analysisutil.IsNoReturnCall(gs.info, call) })
		gs.m[body] = g
	}
	return g
}

// repeats reports whether the defer statement d can execute again after it
// executed once, along a path through g on which no node satisfies stop
// (nil: no node stops a path). It is false when d is unreachable or
// missing from g.
//
//	for { f := open(); defer f.Close(); if done { return } }   // repeats
//	for { f := open(); defer f.Close(); return }               // does not
func repeats(g *cfg.CFG, d *ast.DeferStmt, stop func(ast.Node) bool) bool {
	home, i := blockOf(g, d)
	if home == nil || !home.Live {
		return false
	}
	stops := func(nodes []ast.Node) bool {
		if stop == nil {
			return false
		}
		for _, n := range nodes {
			if stop(n) {
				return true
			}
		}
		return false
	}
	if stops(home.Nodes[i+1:]) {
		return false
	}
	seen := make(map[*cfg.Block]bool)
	work := append([]*cfg.Block(nil), home.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if b == home {
			if !stops(home.Nodes[:i]) {
				return true
			}
			continue
		}
		if stops(b.Nodes) {
			continue
		}
		work = append(work, b.Succs...)
	}
	return false
}

// blockOf returns the block of g that holds d and d's index in it.
func blockOf(g *cfg.CFG, d *ast.DeferStmt) (*cfg.Block, int) {
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n == d {
				return b, i
			}
		}
	}
	return nil, 0
}

// isOnceGuarded reports whether the defer of s runs at most once per call
// of its function: it is in the body of `if v == nil`, inside the loop,
// where v is declared outside the innermost loop and the body assigns v
// before the defer — a resource opened lazily, on the first iteration that
// needs it (rclone's backend/local setXattr).
//
//	var fd *os.File
//	for k, v := range attrs {
//		if fd == nil {
//			fd, err = os.Open(path)
//			...
//			defer fd.Close() // once per call
//		}
//	}
func isOnceGuarded(s *site) bool {
	info := s.pass.TypesInfo
	loop := s.loops[0].Node()
	for c := s.cur.Parent(); c.Node() != loop; c = c.Parent() {
		ifs, ok := c.Node().(*ast.IfStmt)
		if !ok {
			continue
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.EQL || !info.Types[cond.Y].IsNil() {
			continue
		}
		id, ok := ast.Unparen(cond.X).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.Pos() >= loop.Pos() && v.Pos() < loop.End() || !containsNode(ifs.Body, s.stmt) {
			continue
		}
		assigned := false
		ast.Inspect(ifs.Body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Pos() < s.stmt.Pos() {
				for _, lhs := range as.Lhs {
					if lid, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[lid] == v {
						assigned = true
					}
				}
			}
			_, lit := n.(*ast.FuncLit)
			return !assigned && !lit
		})
		if assigned && !assignedOutside(info, loop, ifs.Body, v) {
			return true
		}
	}
	return false
}

// assignedOutside reports whether v is assigned in loop outside the block
// except (a reset, fd = nil, makes the guard hold again).
func assignedOutside(info *types.Info, loop, except ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if n == except {
			return false
		}
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// containsNode reports whether n lies within outer.
func containsNode(outer, n ast.Node) bool {
	return outer.Pos() <= n.Pos() && n.End() <= outer.End()
}
