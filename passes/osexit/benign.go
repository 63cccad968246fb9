package osexit

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
)

// diesWithProcess is the table of deferred calls whose effect the death of
// the process provides anyway: skipping them loses nothing. A deferred call
// that is not on it (a flush, a sync, a commit, a temporary file removal, a
// profile stop, closing a buffered or compressing writer, a user cleanup
// function) counts as skipped work.
//
// Besides the table: a context cancel function (context.CancelFunc and
// CancelCauseFunc values, such as signal.NotifyContext's stop), the builtins
// close, delete and clear, Close of any type of package net (connections,
// listeners), Close of an http.Response or http.Request Body, and a deferred
// exit (the process exits either way).
var diesWithProcess = []struct {
	pkg, typ string // typ is "" for package-level functions
	names    []string
}{
	// In-process locks and goroutine bookkeeping.
	{"sync", "Mutex", []string{"Unlock"}},
	{"sync", "RWMutex", []string{"Unlock", "RUnlock"}},
	{"sync", "Locker", []string{"Unlock"}},
	{"sync", "WaitGroup", []string{"Done"}},
	{"runtime", "", []string{"UnlockOSThread"}},
	// Waiting for goroutines that die with the process anyway.
	{"sync", "WaitGroup", []string{"Wait"}},
	{"golang.org/x/sync/errgroup", "Group", []string{"Wait"}},
	// Timers and signal delivery.
	{"time", "Timer", []string{"Stop"}},
	{"time", "Ticker", []string{"Stop"}},
	{"os/signal", "", []string{"Stop", "Reset", "Ignore"}},
	// Process state: environment, working directory, runtime settings.
	{"os", "", []string{"Setenv", "Unsetenv", "Clearenv", "Chdir"}},
	{"syscall", "", []string{"Setenv", "Unsetenv", "Clearenv", "Chdir", "SetNonblock"}},
	{"runtime/debug", "", []string{"SetGCPercent", "SetMaxStack", "SetMaxThreads", "SetMemoryLimit", "SetPanicOnFault", "SetTraceback"}},
	{"log", "", []string{"SetOutput", "SetFlags", "SetPrefix"}},
	{"log", "Logger", []string{"SetOutput", "SetFlags", "SetPrefix"}},
	// Descriptors the kernel closes: what was written is kept.
	{"os", "File", []string{"Close"}},
	{"io", "PipeReader", []string{"Close"}},
	{"io", "PipeWriter", []string{"Close"}},
	// Readers: closing them loses nothing.
	{"archive/zip", "ReadCloser", []string{"Close"}},
	{"compress/gzip", "Reader", []string{"Close"}},
	// Network connections, listeners and servers: peers see the
	// connection drop either way.
	{"crypto/tls", "Conn", []string{"Close"}},
	{"net/http", "Server", []string{"Close"}},
	{"net/http/httptest", "Server", []string{"Close"}},
	{"net/http", "Client", []string{"CloseIdleConnections"}},
	{"google.golang.org/grpc", "ClientConn", []string{"Close"}},
	{"google.golang.org/grpc", "Server", []string{"Stop"}},
	// Databases roll back a transaction whose connection drops, and
	// connections, statements and result sets live on the client only.
	{"database/sql", "Tx", []string{"Rollback"}},
	{"database/sql", "DB", []string{"Close"}},
	{"database/sql", "Conn", []string{"Close"}},
	{"database/sql", "Rows", []string{"Close"}},
	{"database/sql", "Stmt", []string{"Close"}},
}

// isBenignDefer reports whether skipping the deferred call d loses nothing
// because its effect dies with the process anyway (see diesWithProcess).
// stopFn is the terminating function that skips it, or nil.
//
//	defer cancel()
//	defer mu.Unlock()
//	defer func() { _ = f.Close() }()
func (c *checker) isBenignDefer(d *ast.DeferStmt, stopFn *types.Func) bool {
	if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
		return c.isBenignBody(lit.Body, stopFn)
	}
	if c.isBenignCall(d.Call, stopFn) {
		return true
	}
	// defer start()(), where start returns a benign cleanup function.
	if inner, ok := ast.Unparen(d.Call.Fun).(*ast.CallExpr); ok {
		return c.isBenignResult(callResult{inner, 0})
	}
	// defer closeFn(), where h, closeFn := setup() and setup returns a
	// benign cleanup function as its second result.
	if id, ok := ast.Unparen(d.Call.Fun).(*ast.Ident); ok {
		if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
			if r, ok := c.resultVars[v]; ok && c.isBenignResult(r) {
				return true
			}
		}
	}
	// A function of this package, or a local variable bound to a literal,
	// whose body only does benign things (one level deep):
	//
	//	defer restoreArgs(old)   // func restoreArgs(a []string) { os.Args = a }
	if f := c.boundLit(d.Call); f != nil {
		return c.isBenignBody(f.body, stopFn)
	}
	if fn := c.callee(d.Call); fn != nil && c.decls[fn] != nil {
		return c.isBenignBody(c.decls[fn].body, stopFn)
	}
	return false
}

// isBenignCall reports whether call only affects state that dies with the
// process, or is an exit itself.
func (c *checker) isBenignCall(call *ast.CallExpr, stopFn *types.Func) bool {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "close", "delete", "clear", "recover", "len", "cap", "min", "max":
				return true
			}
			return false
		}
	}
	if t := info.TypeOf(call.Fun); t != nil &&
		(analysisutil.IsNamedType(t, "context", "CancelFunc") || analysisutil.IsNamedType(t, "context", "CancelCauseFunc")) {
		return true
	}
	fn := analysisutil.Callee(info, call)
	if fn == nil {
		return false
	}
	if c.directStop(call, fn) == exitStop || isLoggerFlush(fn, stopFn) {
		return true // an exit the process never reaches, or a flush the exit does itself
	}
	for _, e := range diesWithProcess {
		if e.typ == "" && analysisutil.IsFunc(fn, e.pkg, e.names...) ||
			e.typ != "" && analysisutil.IsMethod(fn, e.pkg, e.typ, e.names...) {
			return true
		}
	}
	return isNetClose(fn) || c.isBodyClose(call, fn) || c.isReaderClose(call, fn) || isLogCall(fn)
}

// logLevels are the names of the logging functions and methods of every
// logging package: what they print is a log line, not the program's data.
var logLevels = map[string]bool{}

func init() {
	for _, level := range []string{"Debug", "Info", "Warn", "Warning", "Error", "Trace", "Notice"} {
		for _, suffix := range []string{"", "f", "ln", "w", "Context", "S", "Depth"} {
			logLevels[level+suffix] = true
		}
	}
}

// isLogCall reports whether fn logs a message at a non-fatal level:
// log.Print*, (*log.Logger).Print*, and any function or method without
// results named like a log level (Debugf, Info, Warnw, Errorf, ...) of a
// logging package (slog, logrus, zap, klog, glog and the others).
func isLogCall(fn *types.Func) bool {
	if analysisutil.IsFunc(fn, "log", "Print", "Printf", "Println") || analysisutil.IsMethod(fn, "log", "Logger", "Print", "Printf", "Println") {
		return true
	}
	if fn.Pkg() == nil || fn.Pkg().Path() == "fmt" {
		return false
	}
	if fn.Signature().Results().Len() == 0 {
		return logLevels[fn.Name()]
	}
	return logBuilders[fn.Name()]
}

// logBuilders are the names of the methods and functions that derive a
// logger or a log entry, as in logger.WithError(err).Error("...").
var logBuilders = map[string]bool{
	"With": true, "WithField": true, "WithFields": true, "WithError": true, "WithContext": true,
	"WithValues": true, "WithGroup": true, "WithName": true, "Named": true, "Sugar": true, "V": true,
}

// isReaderClose reports whether call closes a value whose static type is
// io.ReadCloser or io.ReadSeekCloser: a reader, whose closing loses
// nothing.
//
//	rc, _ := f.Open() // io.ReadCloser
//	defer rc.Close()
func (c *checker) isReaderClose(call *ast.CallExpr, fn *types.Func) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || fn.Name() != "Close" {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(sel.X)
	return t != nil && (analysisutil.IsNamedType(t, "io", "ReadCloser") || analysisutil.IsNamedType(t, "io", "ReadSeekCloser"))
}

// isNetClose reports whether fn closes a connection or listener of package
// net: (*net.TCPConn).Close, (net.Conn).Close, (net.Listener).Close, ...
func isNetClose(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net" {
		return false
	}
	switch fn.Name() {
	case "Close", "CloseRead", "CloseWrite":
		return true
	}
	return false
}

// isBodyClose reports whether call closes the Body of an http.Response or
// http.Request: resp.Body.Close().
func (c *checker) isBodyClose(call *ast.CallExpr, fn *types.Func) bool {
	if fn.Name() != "Close" {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || body.Sel.Name != "Body" {
		return false
	}
	s := c.pass.TypesInfo.Selections[body]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	return analysisutil.IsNamedType(s.Recv(), "net/http", "Response") || analysisutil.IsNamedType(s.Recv(), "net/http", "Request")
}

// isBenignBody reports whether a deferred function literal's body only
// makes benign calls (see isBenignCall). The body of an if statement that
// runs only when a benign call failed or recover found a panic is ignored:
//
//	defer func() {
//		if err := f.Close(); err != nil {
//			log.Print(err)
//		}
//		if r := recover(); r != nil {
//			...
//		}
//	}()
func (c *checker) isBenignBody(body *ast.BlockStmt, stopFn *types.Func) bool {
	return c.isBenignNode(body, stopFn, make(map[types.Object]bool))
}

// isBenignNode reports whether the statements or expressions under root
// only make benign calls; vars holds the results of benign calls seen so far.
func (c *checker) isBenignNode(root ast.Node, stopFn *types.Func, vars map[types.Object]bool) bool {
	ok := true
	ast.Inspect(root, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			ok = false // work that runs who knows when
		case *ast.CallExpr:
			ok = c.isBenignCall(n, stopFn)
		case *ast.AssignStmt:
			c.collectBenignVars(n, stopFn, vars)
		case *ast.IfStmt:
			ok = (n.Init == nil || c.isBenignNode(n.Init, stopFn, vars)) &&
				c.isBenignNode(n.Cond, stopFn, vars) &&
				(c.guardedByBenign(n.Cond, vars) || c.isBenignNode(n.Body, stopFn, vars)) &&
				(n.Else == nil || c.isBenignNode(n.Else, stopFn, vars))
			return false
		}
		return ok
	})
	return ok
}

// collectBenignVars records the variables that s assigns from a benign call.
func (c *checker) collectBenignVars(s ast.Stmt, stopFn *types.Func, vars map[types.Object]bool) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !c.isBenignCall(call, stopFn) {
		return
	}
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok {
			vars[c.pass.TypesInfo.ObjectOf(id)] = true
		}
	}
}

// guardedByBenign reports whether cond holds only when a benign call
// failed: one of its && operands is v != nil for a benign result v.
func (c *checker) guardedByBenign(cond ast.Expr, vars map[types.Object]bool) bool {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch e.Op {
	case token.LAND:
		return c.guardedByBenign(e.X, vars) || c.guardedByBenign(e.Y, vars)
	case token.NEQ:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok || !c.pass.TypesInfo.Types[e.Y].IsNil() {
			return false
		}
		return vars[c.pass.TypesInfo.ObjectOf(id)]
	}
	return false
}

// isBenignResult reports whether result r.i of the call r.call is a
// cleanup function whose effect dies with the process: the callee is a
// function of this package checked here, or one of another package with a
// benignCleanup fact.
func (c *checker) isBenignResult(r callResult) bool {
	fn := c.callee(r.call)
	if fn == nil || r.i >= 64 {
		return false
	}
	var mask uint64
	var fact benignCleanup
	switch {
	case c.decls[fn] != nil:
		mask = c.cleanupResults(c.decls[fn])
	case fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &fact):
		mask = fact.Results
	}
	return mask&(1<<r.i) != 0
}

// cleanupResults returns the results of the function f that are benign
// cleanup functions, as a bit set: bit i is set when result i is a func()
// and each return statement of f gives it nil or a function literal with
// a benign body.
//
//	func startStats() func() {
//		if off {
//			return func() {}
//		}
//		...
//		return func() { close(stop); wg.Wait() }
//	}
//
//	func setup() (Handler, func()) {
//		...
//		return h, func() { _ = file.Close() }
//	}
func (c *checker) cleanupResults(f *funcInfo) uint64 {
	if f.cleanupDone {
		return f.cleanup
	}
	f.cleanupDone = true
	sig, ok := c.pass.TypesInfo.TypeOf(f.decl.Name).(*types.Signature)
	if !ok {
		return 0
	}
	var mask uint64
	for i := 0; i < sig.Results().Len() && i < 64; i++ {
		if isPlainFunc(sig.Results().At(i).Type()) {
			mask |= 1 << i
		}
	}
	returns := 0
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) != sig.Results().Len() {
				mask = 0 // a bare return of named results, or return g()
			}
			for i := 0; i < len(n.Results) && mask != 0; i++ {
				if mask&(1<<i) != 0 && !c.isBenignCleanupExpr(n.Results[i]) {
					mask &^= 1 << i
				}
			}
		}
		return mask != 0
	})
	if returns == 0 {
		mask = 0
	}
	f.cleanup = mask
	return mask
}

// isBenignCleanupExpr reports whether e, a returned func(), is nil or a
// function literal that does not exit and only does benign things.
func (c *checker) isBenignCleanupExpr(e ast.Expr) bool {
	if analysisutil.IsNil(c.pass.TypesInfo, e) {
		return true
	}
	lit, ok := ast.Unparen(e).(*ast.FuncLit)
	return ok && !c.hasStopStmt(lit.Body) && c.isBenignBody(lit.Body, nil)
}

// isPlainFunc reports whether t is func(), without parameters and results.
func isPlainFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 0 && sig.Results().Len() == 0
}
