package signalnotify

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
)

// checkNotifyInGoroutine reports registrations made inside a goroutine: in
// the function a goroutine launcher starts, or in a function of the package
// that only ever runs in goroutines.
//
//	go func() { signal.Notify(c, os.Interrupt); <-c; cancel() }()
func (pi *pkgInfo) checkNotifyInGoroutine() {
	var goroutines map[ast.Node]string
	var early sigSet // registered outside goroutines
	for _, c := range pi.calls {
		if !c.isRegistration() || c.test || killingSignals(c.sigs) == "" {
			continue
		}
		if goroutines == nil {
			goroutines = pi.goroutineFuncs()
			early = pi.registeredAtStart(goroutines)
		}
		where, ok := pi.goroutineOf(c, goroutines)
		if !ok || pi.signalsReady(c) || early.coversKilling(c.sigs) {
			continue
		}
		pi.r.Reportf("notify-in-goroutine", c.call,
			"%s is called in %s: %s arriving before it runs %s the process without cleanup",
			c.funcName(), where, killingSignals(c.sigs), plural(killingSignals(c.sigs), "kills", "kill"))
	}
}

// goroutineOf describes the goroutine the registration c runs in, if it
// runs only in goroutines: go signal.Notify(...) itself, or a call in a
// function of goroutines.
func (pi *pkgInfo) goroutineOf(c *sigCall, goroutines map[ast.Node]string) (string, bool) {
	if g, ok := c.cur.Parent().Node().(*ast.GoStmt); ok {
		return "a goroutine started at line " + pi.line(g.Go), true
	}
	fc, ok := enclosingFunc(c.cur)
	if !ok {
		return "", false
	}
	where, ok := goroutines[fc.Node()]
	return where, ok
}

// registeredAtStart returns the signals that main, the function main
// delegates to, and init functions register themselves, before the
// goroutines they start can run (g are the goroutine functions).
func (pi *pkgInfo) registeredAtStart(g map[ast.Node]string) sigSet {
	var s sigSet
	for _, c := range pi.calls {
		if !c.isRegistration() || c.test {
			continue
		}
		fc, ok := enclosingFunc(c.cur)
		if !ok {
			continue
		}
		if _, inGoroutine := g[fc.Node()]; inGoroutine {
			continue
		}
		fn := pi.funcObject(fc.Node())
		if pi.isMainOrRun(fn) || fn != nil && fn.Name() == "init" && fn.Signature().Recv() == nil {
			s.union(c.sigs)
		}
	}
	return s
}

// defaultHarmless are the signals whose default action neither terminates
// nor dumps core, so registering them late loses nothing.
var defaultHarmless = setOf("SIGCHLD", "SIGCONT", "SIGURG", "SIGWINCH", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGINFO", "SIGSTOP", "SIGKILL")

// killingSignals names the signals of s whose default action kills the
// process, for a message, or returns "" when there are none.
func killingSignals(s sigSet) string {
	if s.All {
		return "signals"
	}
	var names []string
	for _, n := range s.Names {
		if !defaultHarmless[n] {
			names = append(names, n)
		}
	}
	return andList(names)
}

// andList joins names as "A", "A and B", "A, B and C".
func andList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// goroutineFuncs returns the functions that only run in goroutines, mapped
// to how a message names them: the function literals goroutine launchers
// start, and the functions of the package all of whose uses are launches
// or calls from such functions. Exported functions outside package main,
// and methods an interface of the package may call, are not among them.
func (pi *pkgInfo) goroutineFuncs() map[ast.Node]string {
	idx := pi.funcIndex()
	g := make(map[ast.Node]string)
	for lit, pos := range idx.launched {
		g[lit] = "a goroutine started at line " + pi.line(pos)
	}
	abstract := pi.interfaceMethodNames()
	for changed := true; changed; {
		changed = false
		for fn, decl := range idx.decls {
			if _, done := g[decl]; done || !pi.mayOnlyRunInGoroutines(fn, abstract) || !allInGoroutines(idx.refs[fn], decl, g) {
				continue
			}
			g[decl] = fn.Name() + ", which only ever runs in goroutines"
			changed = true
		}
	}
	return g
}

// allInGoroutines reports whether refs, the uses of the function decl, are
// all launches or calls made in functions of g or in decl itself.
func allInGoroutines(refs []funcRef, decl ast.Node, g map[ast.Node]string) bool {
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		if r.launch {
			continue
		}
		if _, ok := g[r.site]; r.site == nil || (!ok && r.site != decl) {
			return false
		}
	}
	return true
}

// mayOnlyRunInGoroutines reports whether all calls of fn can be seen in
// the package: fn is unexported or in package main, and it is not a method
// that an interface of the package declares.
func (pi *pkgInfo) mayOnlyRunInGoroutines(fn *types.Func, abstract map[string]bool) bool {
	isMethod := fn.Signature().Recv() != nil
	if fn.Exported() && (isMethod || pi.pass.Pkg.Name() != "main") {
		return false
	}
	return !isMethod || !abstract[fn.Name()]
}

// interfaceMethodNames returns the names of the methods of the interfaces
// declared in the package.
func (pi *pkgInfo) interfaceMethodNames() map[string]bool {
	names := make(map[string]bool)
	for _, obj := range pi.pass.TypesInfo.Defs {
		if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil && types.IsInterface(fn.Signature().Recv().Type()) {
			names[fn.Name()] = true
		}
	}
	return names
}

// signalsReady reports whether the goroutine tells another one that the
// registration c is done, right after it: the statements that follow it
// close or send on a channel or call (*sync.WaitGroup).Done before any of
// them waits (receives, loops or selects).
//
//	signal.Notify(c, os.Interrupt)
//	close(ready)
func (pi *pkgInfo) signalsReady(c *sigCall) bool {
	stmt := c.cur.Parent()
	if _, ok := stmt.Node().(*ast.ExprStmt); !ok {
		return false
	}
	for next, ok := stmt.NextSibling(); ok; next, ok = next.NextSibling() {
		if waits(next.Node()) {
			return false
		}
		switch s := next.Node().(type) {
		case *ast.SendStmt:
			return true
		case *ast.ExprStmt:
			call, ok := ast.Unparen(s.X).(*ast.CallExpr)
			if !ok {
				continue
			}
			if analysisutil.IsBuiltin(pi.pass.TypesInfo, call.Fun, "close") ||
				analysisutil.IsMethod(analysisutil.CalleeObject(pi.pass.TypesInfo, call), "sync", "WaitGroup", "Done") {
				return true
			}
		}
	}
	return false
}

// waits reports whether the statement n may wait: it holds a receive, a
// loop or a select.
func waits(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt:
			found = true
		}
		return !found
	})
	return found
}

// line returns the line number of pos as text.
func (pi *pkgInfo) line(pos token.Pos) string {
	return strconv.Itoa(pi.pass.Fset.Position(pos).Line)
}
