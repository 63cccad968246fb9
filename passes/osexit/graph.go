package osexit

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/cfg"
)

// A flowGraph is the control-flow graph of one function body, with the
// positions of its nodes and its reachable defer statements.
type flowGraph struct {
	g      *cfg.CFG
	defers []*ast.DeferStmt
	at     map[*ast.DeferStmt]point
	reach  map[*cfg.Block]map[*cfg.Block]bool // memo: blocks reachable from a block's successors
}

// A point is a node of a block: where a statement or expression runs.
type point struct {
	b *cfg.Block
	i int
}

func newFlowGraph(g *cfg.CFG) *flowGraph {
	fg := &flowGraph{g: g, at: make(map[*ast.DeferStmt]point), reach: make(map[*cfg.Block]map[*cfg.Block]bool)}
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if d, ok := n.(*ast.DeferStmt); ok {
				fg.defers = append(fg.defers, d)
				fg.at[d] = point{b, i}
			}
		}
	}
	return fg
}

// locate returns the reachable point whose node contains n, if any.
func (fg *flowGraph) locate(n ast.Node) (point, bool) {
	if d, ok := n.(*ast.DeferStmt); ok {
		p, ok := fg.at[d]
		return p, ok
	}
	pos := n.Pos()
	for _, b := range fg.g.Blocks {
		if !b.Live {
			continue
		}
		for i, m := range b.Nodes {
			if containsPos(m, pos) {
				return point{b, i}, true
			}
		}
	}
	return point{}, false
}

func containsPos(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}

// reaches reports whether some path runs from p to q: q later in the
// same block, or in a block reachable from p's block.
func (fg *flowGraph) reaches(p, q point) bool {
	if p.b == q.b && p.i < q.i {
		return true
	}
	return fg.reachable(p.b)[q.b]
}

// reachable returns the blocks reachable from b's successors.
func (fg *flowGraph) reachable(b *cfg.Block) map[*cfg.Block]bool {
	if r, ok := fg.reach[b]; ok {
		return r
	}
	r := make(map[*cfg.Block]bool)
	q := append([]*cfg.Block(nil), b.Succs...)
	for len(q) > 0 {
		x := q[len(q)-1]
		q = q[:len(q)-1]
		if r[x] {
			continue
		}
		r[x] = true
		q = append(q, x.Succs...)
	}
	fg.reach[b] = r
	return r
}

// A mode is how the code of a stop runs relative to the function whose
// deferred calls it may skip.
type mode uint8

const (
	syncMode      mode = iota // during the function, at the point
	deferredMode              // when the function returns, as a deferred call
	goroutineMode             // in a goroutine started at the point, any time after
)

// pending returns the defer statements of the graph registered on a path
// that reaches the stop at point p (the stop's defer statement itself
// excluded): registered before p or, for a goroutine, also after it.
func (fg *flowGraph) pending(at ast.Node, m mode) []*ast.DeferStmt {
	p, ok := fg.locate(at)
	if !ok {
		return nil // unreachable code
	}
	var out []*ast.DeferStmt
	for _, d := range fg.defers {
		if d == at {
			continue
		}
		dp := fg.at[d]
		if fg.reaches(dp, p) || m == goroutineMode && fg.reaches(p, dp) {
			out = append(out, d)
		}
	}
	return out
}
