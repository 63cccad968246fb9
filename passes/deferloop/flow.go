package deferloop

import (
	"go/ast"
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
