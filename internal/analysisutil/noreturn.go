package analysisutil

import (
	"go/ast"
	"go/types"
)

// noReturnFuncs are well-known functions and methods that never return
// normally: they end the process, the goroutine or the test, or panic.
var noReturnFuncs = []struct {
	pkg, typ string // typ is "" for package-level functions
	names    []string
}{
	{"os", "", []string{"Exit"}},
	{"syscall", "", []string{"Exit"}},
	{"runtime", "", []string{"Goexit"}},
	{"log", "", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	{"log", "Logger", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	{"testing", "common", []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"}},
	{"testing", "TB", []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"}},
	{"github.com/sirupsen/logrus", "", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Exit"}},
	{"github.com/sirupsen/logrus", "Logger", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Exit"}},
	{"github.com/sirupsen/logrus", "Entry", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	{"k8s.io/klog", "", []string{"Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"}},
	{"k8s.io/klog/v2", "", []string{"Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"}},
	{"github.com/golang/glog", "", []string{"Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"}},
	{"go.uber.org/zap", "Logger", []string{"Fatal", "Panic"}},
	{"go.uber.org/zap", "SugaredLogger", []string{"Fatal", "Fatalf", "Fatalw", "Fatalln", "Panic", "Panicf", "Panicw", "Panicln"}},
}

// IsNoReturn reports whether fn is a well-known function or method that
// never returns normally: os.Exit, runtime.Goexit, log.Fatal and log.Panic,
// testing's FailNow, Fatal and Skip, and the fatal and panic functions of
// logrus, klog, glog and zap. It does not know the functions of the
// analysed code; passes that need those use facts or their own analysis.
func IsNoReturn(fn types.Object) bool {
	for _, nr := range noReturnFuncs {
		if nr.typ == "" && IsFunc(fn, nr.pkg, nr.names...) ||
			nr.typ != "" && IsMethod(fn, nr.pkg, nr.typ, nr.names...) {
			return true
		}
	}
	return false
}

// IsNoReturnCall reports whether call is a call of the builtin panic or of
// a function IsNoReturn knows.
//
//	panic(err)
//	log.Fatalf("listen: %v", err)
func IsNoReturnCall(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	return IsNoReturn(CalleeObject(info, call))
}
