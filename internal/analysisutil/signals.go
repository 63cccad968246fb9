package analysisutil

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// termSignals are the signals a supervisor or a terminal stops a process
// with, by package path of the constant.
var termSignals = map[string][]string{
	"os":                       {"Interrupt"},
	"syscall":                  {"SIGINT", "SIGTERM", "SIGQUIT"},
	"golang.org/x/sys/unix":    {"SIGINT", "SIGTERM", "SIGQUIT"},
	"golang.org/x/sys/windows": {"SIGINT", "SIGTERM"},
}

// IsTermSignal reports whether obj is a package-level signal a supervisor or
// a terminal stops a process with: os.Interrupt, or SIGINT, SIGTERM, SIGQUIT
// of syscall, x/sys/unix or x/sys/windows.
func IsTermSignal(obj types.Object) bool {
	return obj != nil && obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() &&
		slices.Contains(termSignals[obj.Pkg().Path()], obj.Name())
}

// HandlesTermination reports whether the package registers a termination
// signal with signal.Notify or NotifyContext: a termination signal
// (IsTermSignal), no signal at all (every signal), or a spread slice of
// signals when the package names a termination signal somewhere.
//
//	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//	ctx, stop := signal.NotifyContext(ctx, sigs...)
func HandlesTermination(pass *analysis.Pass) bool {
	names := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(x ast.Node) bool {
			if id, ok := x.(*ast.Ident); ok && IsTermSignal(pass.TypesInfo.Uses[id]) {
				found = true
			}
			return !found
		})
		return found
	}
	for _, f := range pass.Files {
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if found || !ok || len(call.Args) == 0 || !IsSignalRegistration(Callee(pass.TypesInfo, call)) {
				return !found
			}
			sigs := call.Args[1:]
			found = len(sigs) == 0 || slices.ContainsFunc(sigs, func(e ast.Expr) bool { return names(e) })
			if !found && call.Ellipsis.IsValid() {
				found = slices.ContainsFunc(pass.Files, func(f *ast.File) bool { return names(f) })
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
