package osexit

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
)

// A stop says how a call ends the path of the goroutine that makes it.
type stop uint8

const (
	noStop     stop = iota
	exitStop        // the process terminates; no deferred call runs
	goexitStop      // runtime.Goexit: the goroutine ends after its deferred calls
)

// Import paths of the loggers whose fatal functions the table knows.
const (
	logrusPath  = "github.com/sirupsen/logrus"
	zapPath     = "go.uber.org/zap"
	zerologPath = "github.com/rs/zerolog"
	zerologLog  = "github.com/rs/zerolog/log"
	klogPath    = "k8s.io/klog"
	klogV2Path  = "k8s.io/klog/v2"
	glogPath    = "github.com/golang/glog"
)

// tableStop returns how fn stops according to the table of terminating
// calls: os.Exit, syscall.Exit, log.Fatal*, (*log.Logger).Fatal*, the
// fatal functions of logrus, zap, klog and glog, and runtime.Goexit.
// zerolog's fatal event is a property of the call (see isZerologFatal).
func tableStop(fn *types.Func) stop {
	if fn == nil || fn.Pkg() == nil {
		return noStop
	}
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "os", "syscall":
		if analysisutil.IsFunc(fn, fn.Pkg().Path(), "Exit") {
			return exitStop
		}
	case "runtime":
		if analysisutil.IsFunc(fn, "runtime", "Goexit") {
			return goexitStop
		}
	case "log":
		if analysisutil.IsFunc(fn, "log", "Fatal", "Fatalf", "Fatalln") ||
			analysisutil.IsMethod(fn, "log", "Logger", "Fatal", "Fatalf", "Fatalln") {
			return exitStop
		}
	case logrusPath:
		if analysisutil.IsFunc(fn, logrusPath, "Fatal", "Fatalf", "Fatalln", "FatalFn", "Exit") ||
			analysisutil.IsMethod(fn, logrusPath, "Logger", "Fatal", "Fatalf", "Fatalln", "FatalFn", "Exit") ||
			analysisutil.IsMethod(fn, logrusPath, "Entry", "Fatal", "Fatalf", "Fatalln", "FatalFn") ||
			analysisutil.IsMethod(fn, logrusPath, "FieldLogger", "Fatal", "Fatalf", "Fatalln") ||
			analysisutil.IsMethod(fn, logrusPath, "Ext1FieldLogger", "Fatal", "Fatalf", "Fatalln", "FatalFn") {
			return exitStop
		}
	case zapPath:
		if analysisutil.IsMethod(fn, zapPath, "Logger", "Fatal") ||
			analysisutil.IsMethod(fn, zapPath, "SugaredLogger", "Fatal", "Fatalf", "Fatalw", "Fatalln") {
			return exitStop
		}
	case klogPath, klogV2Path, glogPath:
		// Fatal, Fatalf, Fatalln, FatalDepth, Exit, Exitf, Exitln,
		// ExitDepth, klog.FlushAndExit and glog's *Context variants.
		if fn.Signature().Recv() == nil && (strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Exit") || name == "FlushAndExit") {
			return exitStop
		}
	}
	return noStop
}

// isZerologFatal reports whether call sends a zerolog fatal event, which
// exits the process once written:
//
//	log.Fatal().Err(err).Msg("...")      // zerolog/log
//	logger.Fatal().Str("k", v).Send()    // (*zerolog.Logger).Fatal
func isZerologFatal(info *types.Info, call *ast.CallExpr) bool {
	if !analysisutil.IsMethod(object(analysisutil.Callee(info, call)), zerologPath, "Event", "Msg", "Msgf", "MsgFunc", "Send") {
		return false
	}
	e := ast.Unparen(call.Fun)
	for {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return false // an event kept in a variable: unknown level
		}
		fn := analysisutil.Callee(info, inner)
		if fn == nil {
			return false
		}
		if analysisutil.IsMethod(fn, zerologPath, "Logger", "Fatal") || analysisutil.IsFunc(fn, zerologLog, "Fatal") {
			return true
		}
		// Any other link of the chain must be a method of *Event.
		if fn.Signature().Recv() == nil || !analysisutil.IsNamedType(fn.Signature().Recv().Type(), zerologPath, "Event") {
			return false
		}
		e = ast.Unparen(inner.Fun)
	}
}

// isLoggerFlush reports whether the deferred call fn flushes the same
// logger family whose fatal function stopFn flushes on its own before
// exiting: klog and glog flush in Fatal/Exit, zap syncs its core on Fatal.
func isLoggerFlush(fn, stopFn *types.Func) bool {
	if fn == nil || stopFn == nil || stopFn.Pkg() == nil {
		return false
	}
	switch p := stopFn.Pkg().Path(); p {
	case klogPath, klogV2Path, glogPath:
		return analysisutil.IsFunc(fn, p, "Flush")
	case zapPath:
		return analysisutil.IsMethod(fn, zapPath, "Logger", "Sync") || analysisutil.IsMethod(fn, zapPath, "SugaredLogger", "Sync")
	}
	return false
}

// A funcName is one entry of -osexit.exit-funcs: pkg/path.Func or
// (*pkg/path.Type).Method.
type funcName struct {
	pkg, recv, name string
	ptr             bool
}

func (f funcName) String() string {
	switch {
	case f.recv == "":
		return f.pkg + "." + f.name
	case f.ptr:
		return "(*" + f.pkg + "." + f.recv + ")." + f.name
	}
	return "(" + f.pkg + "." + f.recv + ")." + f.name
}

// matches reports whether fn is the function or method f names. A method
// matches whatever its receiver's pointerness.
func (f funcName) matches(fn *types.Func) bool {
	if f.recv == "" {
		return analysisutil.IsFunc(fn, f.pkg, f.name)
	}
	return analysisutil.IsMethod(fn, f.pkg, f.recv, f.name)
}

// funcList is the flag.Value of -osexit.exit-funcs: a comma-separated list
// of functions that terminate the process. Setting it again adds to the
// list; setting it to the empty string clears it.
type funcList struct{ names []funcName }

func (l *funcList) String() string {
	if l == nil {
		return ""
	}
	s := make([]string, len(l.names))
	for i, n := range l.names {
		s[i] = n.String()
	}
	return strings.Join(s, ",")
}

func (l *funcList) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		l.names = nil
		return nil
	}
	var add []funcName
	for _, item := range strings.Split(s, ",") {
		n, err := parseFuncName(strings.TrimSpace(item))
		if err != nil {
			return err
		}
		add = append(add, n)
	}
	l.names = append(l.names, add...)
	return nil
}

// match returns the entry naming fn, if any.
func (l *funcList) match(fn *types.Func) bool {
	for _, n := range l.names {
		if n.matches(fn) {
			return true
		}
	}
	return false
}

// parseFuncName parses pkg/path.Func, (*pkg/path.Type).Method or
// (pkg/path.Type).Method.
func parseFuncName(s string) (funcName, error) {
	bad := func(why string) (funcName, error) {
		return funcName{}, fmt.Errorf("bad exit function %q: %s (want pkg/path.Func or (*pkg/path.Type).Method)", s, why)
	}
	if s == "" {
		return bad("empty entry")
	}
	var n funcName
	if rest, ok := strings.CutPrefix(s, "("); ok {
		recv, method, ok := strings.Cut(rest, ").")
		if !ok {
			return bad("a method needs the form (pkg/path.Type).Method")
		}
		recv, n.ptr = strings.CutPrefix(recv, "*")
		n.pkg, n.recv = cutLastDot(recv)
		n.name = method
		if !token.IsIdentifier(n.recv) {
			return bad(fmt.Sprintf("%q is not a type name", n.recv))
		}
	} else {
		n.pkg, n.name = cutLastDot(s)
	}
	if !token.IsIdentifier(n.name) {
		return bad(fmt.Sprintf("%q is not a function name", n.name))
	}
	if err := checkImportPath(n.pkg); err != nil {
		return bad(err.Error())
	}
	return n, nil
}

// cutLastDot splits pkg/path.Name at the last dot after the last slash.
func cutLastDot(s string) (pkg, name string) {
	slash := strings.LastIndex(s, "/")
	dot := strings.LastIndex(s[slash+1:], ".")
	if dot < 0 {
		return "", s
	}
	return s[:slash+1+dot], s[slash+1+dot+1:]
}

// checkImportPath reports why p is not a plausible import path.
func checkImportPath(p string) error {
	if p == "" {
		return fmt.Errorf("no package path")
	}
	for _, elem := range strings.Split(p, "/") {
		if elem == "" || elem == "." || elem == ".." {
			return fmt.Errorf("package path %q has an empty or relative element", p)
		}
		for _, r := range elem {
			if !isPathRune(r) {
				return fmt.Errorf("package path %q contains %q", p, r)
			}
		}
	}
	return nil
}

// object returns fn as a types.Object, a nil interface when fn is nil:
// analysisutil's IsFunc and IsMethod dereference a nil *types.Func.
func object(fn *types.Func) types.Object {
	if fn == nil {
		return nil
	}
	return fn
}

// isPathRune reports whether r may appear in an element of an import path.
func isPathRune(r rune) bool {
	return r == '-' || r == '.' || r == '_' || r == '~' || r == '+' ||
		'0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}
