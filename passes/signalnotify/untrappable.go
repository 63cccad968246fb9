package signalnotify

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A sigItem is one signal a registration names: an argument, or an element
// of a slice literal spread into the call, or a spread slice variable.
type sigItem struct {
	expr  ast.Expr
	list  []ast.Expr // the arguments or the literal's elements expr is in
	index int        // expr's index in list
	sigs  sigSet
	slice bool // expr is a spread slice other than a literal
	keyed bool // expr is the value of a keyed element ([]os.Signal{0: os.Kill})
}

// untrappable returns the signal of the item that cannot be caught
// (SIGKILL, SIGSTOP), or "".
func (it *sigItem) untrappable() string {
	for _, n := range []string{sigkill, sigstop} {
		if slices.Contains(it.sigs.Names, n) {
			return n
		}
	}
	return ""
}

// removable reports whether the item is exactly one uncatchable signal,
// which the fix may delete. Not an element of a keyed literal: deleting it
// would leave a nil signal at its index.
func (it *sigItem) removable() bool {
	return !it.slice && !it.keyed && !it.sigs.Unknown && !it.sigs.All && len(it.sigs.Names) == 1 && it.untrappable() != ""
}

// signalItems lists the signals of the registration c.
func (pi *pkgInfo) signalItems(c *sigCall) []*sigItem {
	call := c.call
	var items []*sigItem
	for i := 1; i < len(call.Args); i++ {
		arg := call.Args[i]
		if !call.Ellipsis.IsValid() || i < len(call.Args)-1 {
			items = append(items, &sigItem{expr: arg, list: call.Args, index: i, sigs: pi.ev.signal(arg)})
			continue
		}
		lit, ok := ast.Unparen(arg).(*ast.CompositeLit)
		if !ok {
			items = append(items, &sigItem{expr: arg, sigs: pi.ev.slice(arg), slice: true})
			continue
		}
		for j, elt := range lit.Elts {
			e := elt
			kv, keyed := elt.(*ast.KeyValueExpr)
			if keyed {
				e = kv.Value
			}
			items = append(items, &sigItem{expr: e, list: lit.Elts, index: j, sigs: pi.ev.signal(e), keyed: keyed})
		}
	}
	return items
}

// checkUntrappable reports os.Kill, SIGKILL and SIGSTOP given to Notify or
// NotifyContext.
//
//	signal.Notify(c, os.Interrupt, os.Kill)
func (pi *pkgInfo) checkUntrappable() {
	for _, c := range pi.calls {
		if !c.isRegistration() {
			continue
		}
		items := pi.signalItems(c)
		keep := 0 // signals left after every fix of this call
		for _, it := range items {
			if !it.removable() {
				keep++
			}
		}
		for _, it := range items {
			sig := it.untrappable()
			if sig == "" {
				continue
			}
			d := analysis.Diagnostic{
				Pos:      it.expr.Pos(),
				End:      it.expr.End(),
				Category: "untrappable-signal",
				Message:  untrappableMessage(it, sig, c),
			}
			switch {
			case !it.removable():
			case keep > 0:
				d.SuggestedFixes = []analysis.SuggestedFix{removeItemFix(it)}
			default:
				if fix, ok := pi.removeCallFix(c); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
			}
			pi.r.Report(d)
		}
	}
}

func untrappableMessage(it *sigItem, sig string, c *sigCall) string {
	what := types.ExprString(it.expr)
	switch {
	case it.slice:
		what = fmt.Sprintf("%s includes %s, which", what, sig)
	case !strings.HasSuffix(what, sig):
		what = fmt.Sprintf("%s (%s)", what, sig)
	}
	outcome := "the process is still killed without cleanup"
	if sig == sigstop {
		outcome = "the process is still stopped"
	}
	return fmt.Sprintf("%s cannot be caught: %s never delivers it, %s", what, c.funcName(), outcome)
}

// removeItemFix deletes the item and its separating comma from its list.
func removeItemFix(it *sigItem) analysis.SuggestedFix {
	var edit analysis.TextEdit
	if elem := it.list[it.index]; it.index > 0 {
		edit = analysis.TextEdit{Pos: it.list[it.index-1].End(), End: elem.End()}
	} else {
		edit = analysis.TextEdit{Pos: elem.Pos(), End: it.list[1].Pos()}
	}
	return analysis.SuggestedFix{Message: "Remove " + types.ExprString(it.expr), TextEdits: []analysis.TextEdit{edit}}
}

// removeCallFix deletes the statement of the registration c, when c is a
// statement of its own and every variable and package it mentions is used
// elsewhere, so that the code still compiles.
func (pi *pkgInfo) removeCallFix(c *sigCall) (analysis.SuggestedFix, bool) {
	stmt := c.cur.Parent()
	if _, ok := stmt.Node().(*ast.ExprStmt); !ok {
		return analysis.SuggestedFix{}, false
	}
	switch stmt.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return analysis.SuggestedFix{}, false
	}
	if !pi.usedElsewhere(c.cur) {
		return analysis.SuggestedFix{}, false
	}
	start, end, ok := wholeLines(pi.pass, stmt.Node())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Remove the " + c.funcName() + " call",
		TextEdits: []analysis.TextEdit{{Pos: start, End: end}},
	}, true
}

// usedElsewhere reports whether every local variable and imported package
// that the node at cur mentions is used outside it in its file.
func (pi *pkgInfo) usedElsewhere(cur inspector.Cursor) bool {
	info := pi.pass.TypesInfo
	inside := make(map[types.Object]bool)
	for c := range cur.Preorder((*ast.Ident)(nil)) {
		switch obj := info.Uses[c.Node().(*ast.Ident)].(type) {
		case *types.PkgName:
			inside[obj] = true
		case *types.Var:
			if !obj.IsField() && obj.Parent() != nil && obj.Parent() != pi.pass.Pkg.Scope() {
				inside[obj] = true
			}
		}
	}
	file, ok := fileCursor(cur)
	if !ok {
		return false
	}
	n := cur.Node()
	outside := make(map[types.Object]bool)
	for c := range file.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if obj := info.Uses[id]; inside[obj] && (id.Pos() < n.Pos() || id.Pos() >= n.End()) && c.ParentEdgeKind() != edge.AssignStmt_Lhs {
			outside[obj] = true
		}
	}
	return len(outside) == len(inside)
}
