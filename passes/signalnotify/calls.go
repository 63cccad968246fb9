package signalnotify

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A sigCall is a call of a function of os/signal: Notify, NotifyContext,
// Ignore, Reset or Stop.
type sigCall struct {
	call    *ast.CallExpr
	cur     inspector.Cursor
	name    string // the os/signal function
	sigs    sigSet // the signals of Notify, NotifyContext, Ignore, Reset
	test    bool   // in a _test.go file
	nonUnix bool   // in a file built for no Unix system
	// ignores: a Notify whose channel is made in the call, which nothing
	// can ever receive from: the idiom that ignores signals in this
	// process but not in the processes it starts (unlike signal.Ignore).
	//	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	ignores bool
}

// isRegistration reports whether the call is Notify or NotifyContext.
func (c *sigCall) isRegistration() bool { return c.name == "Notify" || c.name == "NotifyContext" }

// funcName is the call as the user reads it: "signal.Notify".
func (c *sigCall) funcName() string { return "signal." + c.name }

// A pkgInfo is what the checks share about the package being analysed.
type pkgInfo struct {
	pass  *analysis.Pass
	r     *analysisutil.Reporter
	ev    *evaluator
	in    *inspector.Inspector
	calls []*sigCall
	// imported are the signals the package's imports register.
	imported sigSet

	main, run *types.Func // see mainFuncs
	mainDone  bool

	closerFuncs map[*types.Func]closer // see closers
	funcs       *funcIndex             // see funcIndex
}

// collectCalls finds the calls of os/signal's functions in the package.
func (pi *pkgInfo) collectCalls() {
	pass := pi.pass
	for _, f := range pass.Files {
		filename := pass.Fset.File(f.FileStart).Name()
		test := strings.HasSuffix(filename, "_test.go")
		nonUnix := isNonUnixFile(filename, f)
		root, _ := pi.in.Root().FindNode(f)
		for cur := range root.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := analysisutil.CalleeObject(pass.TypesInfo, call)
			if !analysisutil.IsFunc(fn, "os/signal", "Notify", "NotifyContext", "Ignore", "Reset", "Stop") {
				continue
			}
			c := &sigCall{call: call, cur: cur, name: fn.Name(), test: test, nonUnix: nonUnix}
			switch c.name {
			case "Notify", "NotifyContext":
				if len(call.Args) == 0 {
					continue // not type-correct
				}
				c.sigs = pi.ev.callSignals(call, 1)
				c.ignores = c.name == "Notify" && isMakeCall(pass.TypesInfo, call.Args[0])
			case "Ignore", "Reset":
				c.sigs = pi.ev.callSignals(call, 0)
			}
			pi.calls = append(pi.calls, c)
		}
	}
}

// registered returns the signals the non-test files of the package register.
func (pi *pkgInfo) registered() sigSet {
	var s sigSet
	for _, c := range pi.calls {
		if c.isRegistration() && !c.test {
			s.union(c.sigs)
		}
	}
	return s
}

// isMakeCall reports whether e is a call of the builtin make.
func isMakeCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && analysisutil.IsBuiltin(info, call.Fun, "make")
}
