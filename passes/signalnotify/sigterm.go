package signalnotify

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// checkMissingSigterm reports the registrations of SIGINT in a package
// where neither it nor its imports register SIGTERM.
//
//	signal.Notify(c, os.Interrupt)
func (pi *pkgInfo) checkMissingSigterm() {
	all := pi.registered()
	all.union(pi.imported)
	if all.mayHave(sigterm) {
		return
	}
	for _, c := range pi.calls {
		if !c.isRegistration() || c.test || c.nonUnix || c.ignores || !c.sigs.has(sigint) || pi.isScopedRegistration(c) {
			continue
		}
		d := analysis.Diagnostic{
			Pos:      c.call.Pos(),
			End:      c.call.End(),
			Category: "missing-sigterm",
			Message: c.funcName() + " handles SIGINT but not SIGTERM, which Kubernetes, Docker and systemd send to stop a process: " +
				"it dies without cleanup",
		}
		if fix, ok := pi.addSigtermFix(c); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		pi.r.Report(d)
	}
}

// isScopedRegistration reports whether the registration c is scoped to a
// wait in a function other than main and the function main delegates to:
// that function also unregisters the signals, with signal.Stop of the same
// channel, signal.Reset, or NotifyContext's stop function.
//
//	c := make(chan os.Signal, 1)
//	signal.Notify(c, os.Interrupt)
//	defer signal.Stop(c)
func (pi *pkgInfo) isScopedRegistration(c *sigCall) bool {
	fc, ok := enclosingFunc(c.cur)
	if !ok || pi.isMainOrRun(pi.funcObject(fc.Node())) {
		return false
	}
	info := pi.pass.TypesInfo
	if c.name == "Notify" {
		for _, o := range pi.calls {
			if !fc.Contains(o.cur) {
				continue
			}
			if o.name == "Reset" || o.name == "Stop" && len(o.call.Args) == 1 && sameVar(info, o.call.Args[0], c.call.Args[0]) {
				return true
			}
		}
		return false
	}
	stop := pi.stopVar(c)
	if stop == nil {
		return false
	}
	for cur := range fc.Preorder((*ast.Ident)(nil)) {
		if id := cur.Node().(*ast.Ident); info.Uses[id] == stop {
			return true
		}
	}
	return false
}

// stopVar returns the variable a NotifyContext call assigns its stop
// function to, or nil: ctx, stop := signal.NotifyContext(...).
func (pi *pkgInfo) stopVar(c *sigCall) *types.Var {
	as, ok := c.cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
		return nil
	}
	v, ok := varOf(pi.pass.TypesInfo, as.Lhs[1])
	if !ok {
		return nil
	}
	return v
}

// addSigtermFix returns the fix that adds syscall.SIGTERM to the signals
// of c, after its last signal argument or last element of a spread slice
// literal, importing syscall when the file does not.
func (pi *pkgInfo) addSigtermFix(c *sigCall) (analysis.SuggestedFix, bool) {
	call := c.call
	last := call.Args[len(call.Args)-1]
	if call.Ellipsis.IsValid() {
		lit, ok := ast.Unparen(last).(*ast.CompositeLit)
		if !ok || len(lit.Elts) == 0 {
			return analysis.SuggestedFix{}, false
		}
		last = lit.Elts[len(lit.Elts)-1]
	}
	file := fileOf(c.cur)
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	name := importName(file, "syscall")
	var edits []analysis.TextEdit
	if name == "" {
		scope := pi.pass.Pkg.Scope().Innermost(call.Pos())
		if scope == nil {
			return analysis.SuggestedFix{}, false
		}
		if _, obj := scope.LookupParent("syscall", call.Pos()); obj != nil {
			return analysis.SuggestedFix{}, false // the name is taken
		}
		imp, ok := addImport(pi.pass, file, "syscall")
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		name = "syscall"
		edits = append(edits, imp)
	}
	edits = append(edits, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + name + ".SIGTERM")})
	return analysis.SuggestedFix{Message: "Add syscall.SIGTERM", TextEdits: edits}, true
}

// fileOf returns the file that contains cur.
func fileOf(cur inspector.Cursor) *ast.File {
	fc, ok := fileCursor(cur)
	if !ok {
		return nil
	}
	return fc.Node().(*ast.File)
}

// fileCursor returns the cursor of the file that contains cur.
func fileCursor(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range cur.Enclosing((*ast.File)(nil)) {
		return fc, true
	}
	return inspector.Cursor{}, false
}
