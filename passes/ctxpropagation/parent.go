package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A derivation is a statement that derives a cancellable context from a
// parent context variable:
//
//	g, gctx := errgroup.WithContext(ctx)
//	tctx, cancel := context.WithTimeout(ctx, d)
type derivation struct {
	parent, derived *types.Var
	call            *ast.CallExpr
	fn              *types.Func // the deriving function
	cancel          *types.Var  // the cancel function, if any
	group           *types.Var  // the errgroup.Group of errgroup.WithContext
}

// parentUsed reports goroutines that use a parent context after a derived
// context was made from it, and never the derived one.
func (c *checker) parentUsed() {
	info := c.pass.TypesInfo
	reported := make(map[token.Pos]bool)
	for cur := range c.insp.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		launch, ok := analysisutil.LaunchOf(info, cur.Node())
		if !ok {
			continue
		}
		derivs := derivationsBefore(info, cur)
		if _, isGo := cur.Node().(*ast.GoStmt); isGo {
			derivs = slices.DeleteFunc(derivs, func(d derivation) bool { return scopedToCalls(info, cur, d) })
		}
		if len(derivs) == 0 {
			continue
		}
		region := launch.Fun
		if launch.Call != nil {
			region = launch.Call
		}
		c.checkParentUses(region, derivs, reported)
	}
}

// scopedToCalls reports whether the derivation d, made before the go
// statement at cur, is a context for the calls of its function only: a
// WithTimeout, WithDeadline or WithCancel whose cancel the function defers,
// which the function passes to calls but to no goroutine and never waits on
// (no receive from its Done, no Err check), in a function that waits for no
// goroutine. A
// goroutine that outlives the function must not get that context — it would
// be cancelled when the function returns — so its parent is the right one.
//
//	initCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
//	defer cancel()
//	if err := s.connect(initCtx); err != nil { return err }
//	go s.loop(ctx) // quiet: loop runs after connect's deadline is gone
func scopedToCalls(info *types.Info, cur inspector.Cursor, d derivation) bool {
	if d.cancel == nil || d.group != nil || !analysisutil.IsFunc(d.fn, "context", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause", "WithCancel", "WithCancelCause") {
		return false
	}
	fc, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	var body *ast.BlockStmt
	switch f := fc.Node().(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	if body == nil {
		return false
	}
	deferred, waits, passed, launched := false, false, false, false
	usesDerived := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == d.derived {
				found = true
			}
			return !found
		})
		return found
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := analysisutil.LaunchOf(info, n); ok {
			launched = launched || usesDerived(n)
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if id, ok := ast.Unparen(n.Call.Fun).(*ast.Ident); ok && info.Uses[id] == d.cancel {
				deferred = true
			}
		case *ast.SelectorExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == d.derived && (n.Sel.Name == "Done" || n.Sel.Name == "Err") {
				waits = true
			}
		case *ast.CallExpr:
			fn := analysisutil.CalleeObject(info, n)
			if analysisutil.IsMethod(fn, "sync", "WaitGroup", "Wait") || analysisutil.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Wait") {
				waits = true
			}
			for _, arg := range n.Args {
				if id, ok := ast.Unparen(arg).(*ast.Ident); ok && info.Uses[id] == d.derived {
					passed = true
				}
			}
		}
		return true
	})
	return deferred && passed && !waits && !launched
}

// checkParentUses reports, for a goroutine's function (and a go statement's
// arguments) region, each context variable it uses that has derivations in
// derivs when it uses none of them.
func (c *checker) checkParentUses(region ast.Node, derivs []derivation, reported map[token.Pos]bool) {
	uses := c.contextUses(region)
	for _, u := range uses.order {
		d, ok := latestDescendant(derivs, u)
		if !ok || usesDescendant(uses, derivs, u) || c.usesCancel(region, derivs, u) || reported[uses.ids[u][0].Pos()] {
			continue
		}
		reported[uses.ids[u][0].Pos()] = true
		c.reportParentUse(u, d, uses.ids[u])
	}
}

// reportParentUse reports the first of the uses ids of the parent context
// u, with a fix that uses d's derived context instead.
func (c *checker) reportParentUse(u *types.Var, d derivation, ids []*ast.Ident) {
	line := c.pass.Fset.Position(d.call.Pos()).Line
	diag := analysis.Diagnostic{
		Pos:      ids[0].Pos(),
		End:      ids[0].End(),
		Category: parentContextUsed,
		Message: fmt.Sprintf("goroutine uses %s, not %s derived from it on line %d by %s.%s, so %s does not stop it",
			u.Name(), d.derived.Name(), line, d.fn.Pkg().Name(), d.fn.Name(), cancelCause(d)),
	}
	if edits := c.renameEdits(ids, d.derived); edits != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   fmt.Sprintf("Use the derived context %s", d.derived.Name()),
			TextEdits: edits,
		}}
	}
	c.r.Report(diag)
}

// cancelCause says what cancels the derived context of d.
func cancelCause(d derivation) string {
	switch {
	case analysisutil.IsFunc(d.fn, "golang.org/x/sync/errgroup", "WithContext"):
		return "the first error of the group"
	case analysisutil.IsFunc(d.fn, "os/signal", "NotifyContext"):
		return "the signal"
	case d.fn.Name() == "WithTimeout" || d.fn.Name() == "WithTimeoutCause":
		return "the timeout"
	case d.fn.Name() == "WithDeadline" || d.fn.Name() == "WithDeadlineCause":
		return "the deadline"
	case d.cancel != nil:
		return "calling " + d.cancel.Name() + "()"
	}
	return "cancelling it"
}

// renameEdits returns the edits that replace each of ids by the name of v,
// or nil when that name does not denote v at one of them.
func (c *checker) renameEdits(ids []*ast.Ident, v *types.Var) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, id := range ids {
		scope := c.pass.Pkg.Scope().Innermost(id.Pos())
		if scope == nil {
			return nil
		}
		if _, obj := scope.LookupParent(v.Name(), id.Pos()); obj != v {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(v.Name())})
	}
	return edits
}

// contextUseSet lists the context variables a region uses, in order of
// first use, with their uses.
type contextUseSet struct {
	order []*types.Var
	ids   map[*types.Var][]*ast.Ident
}

// contextUses returns the uses of context variables in region, leaving out
// deliberate detaches: the argument of context.WithoutCancel.
func (c *checker) contextUses(region ast.Node) contextUseSet {
	info := c.pass.TypesInfo
	uses := contextUseSet{ids: make(map[*types.Var][]*ast.Ident)}
	ast.Inspect(region, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && c.isWithoutCancel(call) {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.IsField() || !isContextLike(v.Type()) {
			return true
		}
		if uses.ids[v] == nil {
			uses.order = append(uses.order, v)
		}
		uses.ids[v] = append(uses.ids[v], id)
		return true
	})
	return uses
}

// isWithoutCancel reports whether call is context.WithoutCancel(ctx) in a
// file where it exists (Go 1.21), a deliberate detach. An unknown version
// counts as a deliberate detach: the check stays silent.
func (c *checker) isWithoutCancel(call *ast.CallExpr) bool {
	if !analysisutil.IsFunc(analysisutil.CalleeObject(c.pass.TypesInfo, call), "context", "WithoutCancel") {
		return false
	}
	ok, known := analysisutil.AtLeastGo(c.pass, call.Pos(), "go1.21")
	return ok || !known
}

// latestDescendant returns the last derivation of derivs whose chain of
// parents reaches u.
func latestDescendant(derivs []derivation, u *types.Var) (derivation, bool) {
	for i := len(derivs) - 1; i >= 0; i-- {
		if descends(derivs, derivs[i].derived, u) {
			return derivs[i], true
		}
	}
	return derivation{}, false
}

// descends reports whether v is derived, directly or through other
// derivations of derivs, from u (v != u).
func descends(derivs []derivation, v, u *types.Var) bool {
	for depth := 0; depth < len(derivs) && v != nil; depth++ {
		var parent *types.Var
		for _, d := range derivs {
			if d.derived == v {
				parent = d.parent
			}
		}
		if parent == u {
			return true
		}
		v = parent
	}
	return false
}

// usesCancel reports whether region uses the cancel function of a context
// derived from u: the goroutine manages the derived context, as in
//
//	go func() { <-parent.Done(); cancelChild() }()
func (c *checker) usesCancel(region ast.Node, derivs []derivation, u *types.Var) bool {
	cancels := make(map[types.Object]bool)
	for _, d := range derivs {
		if d.cancel != nil && descends(derivs, d.derived, u) {
			cancels[d.cancel] = true
		}
	}
	if len(cancels) == 0 {
		return false
	}
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && cancels[c.pass.TypesInfo.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// usesDescendant reports whether uses include a context derived from u.
func usesDescendant(uses contextUseSet, derivs []derivation, u *types.Var) bool {
	for _, v := range uses.order {
		if descends(derivs, v, u) {
			return true
		}
	}
	return false
}

// derivationsBefore returns the derivations in scope at c: those in the
// statements before c in its block and in the enclosing blocks (also of
// enclosing functions), in source order. A derivation that assigns its
// parent variable (ctx, cancel = context.WithCancel(ctx)) is left out: the
// name now denotes the derived context. So is a derivation whose context
// has ended between it and c: its group waited for (errgroup's Wait cancels
// the group's context) or its cancel function called.
func derivationsBefore(info *types.Info, c inspector.Cursor) []derivation {
	var derivs []derivation
	ended := make(map[*types.Var]bool)
	for cur := c; ; cur = cur.Parent() {
		switch cur.Node().(type) {
		case *ast.File:
			return reverse(derivs)
		case ast.Stmt:
			for prev, ok := cur.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
				ds := derivationsOf(info, prev.Node())
				for i := len(ds) - 1; i >= 0; i-- { // derivs is built backwards
					if d := ds[i]; !ended[d.cancel] && !ended[d.group] {
						derivs = append(derivs, d)
					}
				}
				endsContexts(info, prev.Node(), ended)
			}
		}
	}
}

// endsContexts adds to ended the groups that stmt waits for and the cancel
// functions it calls, outside defer statements and function literals.
//
//	if err := g.Wait(); err != nil { ... }
//	cancel()
func endsContexts(info *types.Info, stmt ast.Node, ended map[*types.Var]bool) {
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt:
			return false
		case *ast.CallExpr:
			switch fun := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				if v, ok := info.Uses[fun].(*types.Var); ok {
					ended[v] = true
				}
			case *ast.SelectorExpr:
				if id, ok := ast.Unparen(fun.X).(*ast.Ident); ok && analysisutil.IsMethod(analysisutil.CalleeObject(info, n), "golang.org/x/sync/errgroup", "Group", "Wait") {
					if v, ok := info.Uses[id].(*types.Var); ok {
						ended[v] = true
					}
				}
			}
		}
		return true
	})
}

// reverse reverses ds in place and returns it.
func reverse(ds []derivation) []derivation {
	for i, j := 0, len(ds)-1; i < j; i, j = i+1, j-1 {
		ds[i], ds[j] = ds[j], ds[i]
	}
	return ds
}

// derivationsOf returns the derivations of contexts from parent variables
// that stmt makes.
//
//	g, gctx := errgroup.WithContext(ctx)
//	var (
//		tctx, cancel = context.WithTimeout(ctx, d)
//		results      []Result
//	)
func derivationsOf(info *types.Info, stmt ast.Node) []derivation {
	var derivs []derivation
	add := func(rhs ast.Expr, lhs []*types.Var) {
		if d, ok := derivationCall(info, rhs, lhs); ok {
			derivs = append(derivs, d)
		}
	}
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			var lhs []*types.Var
			for _, e := range s.Lhs {
				lhs = append(lhs, assignedVar(info, e))
			}
			add(s.Rhs[0], lhs)
		}
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return nil
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Values) != 1 {
				continue
			}
			var lhs []*types.Var
			for _, name := range vs.Names {
				v, _ := info.Defs[name].(*types.Var)
				lhs = append(lhs, v)
			}
			add(vs.Values[0], lhs)
		}
	}
	return derivs
}

// derivationCall describes the derivation call rhs assigned to lhs.
func derivationCall(info *types.Info, rhs ast.Expr, lhs []*types.Var) (derivation, bool) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || len(lhs) < 2 {
		return derivation{}, false
	}
	fn := analysisutil.Callee(info, call)
	if fn == nil || !analysisutil.IsContextDerivation(fn) {
		return derivation{}, false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return derivation{}, false
	}
	parent, _ := info.Uses[id].(*types.Var)
	d := derivation{parent: parent, call: call, fn: fn, derived: lhs[0]}
	if analysisutil.IsFunc(fn, "golang.org/x/sync/errgroup", "WithContext") {
		d.derived, d.group = lhs[1], lhs[0]
	} else if lhs[1] != nil && lhs[1].Name() != "_" {
		d.cancel = lhs[1]
	}
	if parent == nil || d.derived == nil || d.derived.Name() == "_" || d.derived == parent || !isContextLike(d.derived.Type()) {
		return derivation{}, false
	}
	return d, true
}
