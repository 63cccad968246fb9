package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A Launch is the start of a goroutine: a go statement, or a call of a
// goroutine launcher method: (*errgroup.Group).Go and TryGo
// (golang.org/x/sync/errgroup) and (*sync.WaitGroup).Go (Go 1.25).
type Launch struct {
	Node ast.Node  // the *ast.GoStmt or the launcher's *ast.CallExpr
	Pos  token.Pos // where a finding about the launch points: the go keyword, or the launcher's method name
	// Fun is the function the goroutine runs: the callee expression of a go
	// statement's call (a *ast.FuncLit for go func(){...}()), or the launcher's
	// argument.
	Fun ast.Expr
	// Call is the go statement's call (nil for launchers, whose function
	// takes no arguments).
	Call *ast.CallExpr
}

// LaunchOf reports whether n starts a goroutine and describes the launch.
//
//	go f(x)            // *ast.GoStmt
//	g.Go(func() error {...})      // errgroup.Group
//	wg.Go(func() {...})           // sync.WaitGroup, Go 1.25
func LaunchOf(info *types.Info, n ast.Node) (Launch, bool) {
	switch n := n.(type) {
	case *ast.GoStmt:
		return Launch{Node: n, Pos: n.Go, Fun: ast.Unparen(n.Call.Fun), Call: n.Call}, true
	case *ast.CallExpr:
		if len(n.Args) != 1 || !IsLauncher(Callee(info, n)) {
			return Launch{}, false
		}
		pos := n.Pos()
		if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
			pos = sel.Sel.Pos()
		}
		return Launch{Node: n, Pos: pos, Fun: ast.Unparen(n.Args[0])}, true
	}
	return Launch{}, false
}

// IsLauncher reports whether fn is a goroutine launcher method:
// (*errgroup.Group).Go/TryGo or (*sync.WaitGroup).Go.
func IsLauncher(fn types.Object) bool {
	return IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go", "TryGo") ||
		IsMethod(fn, "sync", "WaitGroup", "Go")
}
