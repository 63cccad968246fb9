package httpshutdown

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// A sinkKind says how a call treats the error it is given as a failure.
type sinkKind int

const (
	notSink   sinkKind = iota
	exitSink           // ends the process: os.Exit, log.Fatal, a logger's Fatal
	panicSink          // panics: panic, log.Panic, a logger's Panic
	errorLog           // logs at error level: slog.Error, a logger's Error method
)

// Names of the logging methods and of the functions of logging packages
// that end the process, panic, or log at error level. Methods of any type
// qualify (loggers are often interfaces); package-level functions qualify
// outside the standard library, whose few loggers are listed in stdSinks.
var (
	fatalNames = []string{"Fatal", "Fatalf", "Fatalln", "Fatalw", "FatalContext", "FatalDepth", "Fatalc"}
	panicNames = []string{"Panic", "Panicf", "Panicln", "Panicw", "DPanic", "DPanicf", "DPanicw", "PanicContext"}
	errorNames = []string{"Error", "Errorf", "Errorln", "Errorw", "ErrorS", "ErrorSDepth", "ErrorDepth", "ErrorContext", "ErrorCtx", "Errorc"}
	// exitLoggers are the logging packages whose Exit functions end the
	// process after logging.
	exitLoggers = []string{"k8s.io/klog", "k8s.io/klog/v2", "github.com/golang/glog"}
	exitNames   = []string{"Exit", "Exitf", "Exitln", "ExitDepth", "FlushAndExit"}
)

// stdSinks is the standard library's part: functions and methods that end
// the process, panic or log an error.
var stdSinks = []struct {
	pkg, recv string // recv is "" for package-level functions
	kind      sinkKind
	names     []string
}{
	{"os", "", exitSink, []string{"Exit"}},
	{"syscall", "", exitSink, []string{"Exit"}},
	{"log", "", exitSink, []string{"Fatal", "Fatalf", "Fatalln"}},
	{"log", "Logger", exitSink, []string{"Fatal", "Fatalf", "Fatalln"}},
	{"log", "", panicSink, []string{"Panic", "Panicf", "Panicln"}},
	{"log", "Logger", panicSink, []string{"Panic", "Panicf", "Panicln"}},
	{"log/slog", "", errorLog, []string{"Error", "ErrorContext"}},
	{"log/slog", "Logger", errorLog, []string{"Error", "ErrorContext"}},
	{"testing", "common", exitSink, []string{"Fatal", "Fatalf", "FailNow"}},
	{"testing", "common", errorLog, []string{"Error", "Errorf"}},
}

// sinkOf reports how call treats its arguments as a failure, and names the
// function that does it ("log.Fatal", "logger.Error"). A call on the result
// of such a call counts too: zerolog's log.Error().Err(err).Msg("") and
// go-kit's level.Error(logger).Log("err", err).
func sinkOf(pass *analysis.Pass, call *ast.CallExpr) (sinkKind, string) {
	info := pass.TypesInfo
	if analysisutil.IsBuiltin(info, call.Fun, "panic") {
		return panicSink, "panic"
	}
	if fn := analysisutil.Callee(info, call); fn != nil {
		if k := sinkFunc(pass, fn); k != notSink {
			return k, calleeName(call)
		}
	}
	// A chained call: look for a sink among the calls of the receiver chain.
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	for ok {
		inner, isCall := ast.Unparen(sel.X).(*ast.CallExpr)
		if !isCall {
			break
		}
		if fn := analysisutil.Callee(info, inner); fn != nil {
			if k := sinkFunc(pass, fn); k != notSink {
				return k, calleeName(inner)
			}
		}
		sel, ok = ast.Unparen(inner.Fun).(*ast.SelectorExpr)
	}
	return notSink, ""
}

// sinkFunc reports how fn treats its arguments as a failure.
func sinkFunc(pass *analysis.Pass, fn *types.Func) sinkKind {
	if fn.Pkg() == nil {
		return notSink
	}
	sig := fn.Signature()
	for _, s := range stdSinks {
		if s.recv == "" && analysisutil.IsFunc(fn, s.pkg, s.names...) ||
			s.recv != "" && analysisutil.IsMethod(fn, s.pkg, s.recv, s.names...) {
			return s.kind
		}
	}
	if analysisutil.IsStdPath(pass, fn.Pkg().Path()) {
		return notSink
	}
	if returnsError(sig) {
		return notSink // fmt.Errorf-like constructors, not loggers
	}
	name := fn.Name()
	switch {
	case slices.Contains(fatalNames, name):
		return exitSink
	case sig.Recv() == nil && slices.Contains(exitLoggers, fn.Pkg().Path()) && slices.Contains(exitNames, name):
		return exitSink
	case slices.Contains(panicNames, name):
		return panicSink
	case slices.Contains(errorNames, name):
		if name == "Error" && sig.Params().Len() == 0 && sig.Recv() != nil && isErrorMethodResult(sig) {
			return notSink // the error interface's Error() string
		}
		return errorLog
	}
	return notSink
}

// returnsError reports whether one of sig's results is an error.
func returnsError(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if isErrorType(v.Type()) {
			return true
		}
	}
	return false
}

// isErrorMethodResult reports whether sig returns exactly one string, like
// the error interface's Error method.
func isErrorMethodResult(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() != 1 {
		return false
	}
	b, ok := res.At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// calleeName renders the called function of call for a message: "log.Fatal",
// "logger.Error".
func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if s := types.ExprString(f); len(s) <= 40 {
			return s
		}
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	}
	return "the call"
}
