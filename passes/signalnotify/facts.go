package signalnotify

import (
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// registersSignals is the fact of a package whose non-test files, or one of
// whose imports, register signals with signal.Notify or signal.NotifyContext.
// Each package's fact includes its imports' facts, so a package only reads
// the facts of its direct imports.
type registersSignals struct{ Signals sigSet }

func (*registersSignals) AFact() {}

func (f *registersSignals) String() string { return "registers signals " + f.Signals.String() }

// holdsSignals is the fact of an exported package-level variable of type
// os.Signal, syscall.Signal or a slice of them: the signals it may hold.
type holdsSignals struct{ Signals sigSet }

func (*holdsSignals) AFact() {}

func (f *holdsSignals) String() string { return "holds signals " + f.Signals.String() }

// importedRegistrations returns the union of the registersSignals facts of
// the package's direct imports (which include their own imports').
func importedRegistrations(pass *analysis.Pass) (sigSet, bool) {
	var s sigSet
	found := false
	for _, imp := range pass.Pkg.Imports() {
		var f registersSignals
		if pass.ImportPackageFact(imp, &f) {
			s.union(f.Signals)
			found = true
		}
	}
	return s, found
}

// exportVarFacts attaches a holdsSignals fact to each exported
// package-level signal variable whose signals are known in part.
//
//	var ShutdownSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}
func exportVarFacts(pass *analysis.Pass, ev *evaluator) {
	if !analysisutil.Imports(pass.Pkg, "os", "syscall", "golang.org/x/sys/unix") {
		return // cannot spell a signal type or constant
	}
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !token.IsExported(name) {
			continue
		}
		asSlice := isSignalSliceType(v.Type())
		if !asSlice && !isSignalType(v.Type()) {
			continue
		}
		if s := ev.variable(v, asSlice); len(s.Names) > 0 || s.All {
			pass.ExportObjectFact(v, &holdsSignals{Signals: s})
		}
	}
}
