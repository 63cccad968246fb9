package driver

import (
	"fmt"
	"go/token"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// InternalErrorCategory is the Category of the diagnostic that replaces an
// analyzer's panic.
const InternalErrorCategory = "internal-error"

// guarded returns s with each own analyzer replaced by a copy whose panics
// become one diagnostic instead of ending the process, so that the other
// analyzers' results are still printed. Nothing requires the suite's own
// analyzers, so replacing them keeps the analyzer graph intact.
func (s Suite) guarded() Suite {
	own := make([]*analysis.Analyzer, len(s.Analyzers))
	for i, a := range s.Analyzers {
		own[i] = guard(a)
	}
	s.Analyzers = own
	return s
}

func guard(a *analysis.Analyzer) *analysis.Analyzer {
	g := *a
	run := a.Run
	g.Run = func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				pass.Report(analysis.Diagnostic{
					Pos:      panicPos(pass),
					Category: InternalErrorCategory,
					Message:  fmt.Sprintf("internal error in %s: %v (please report)", a.Name, r),
				})
				if debugPanics {
					debug.PrintStack()
				}
				result, err = nil, nil
			}
		}()
		return run(pass)
	}
	return &g
}

// debugPanics prints the stack of a recovered analyzer panic
// (SHUTDOWNLINT_DEBUG=1), for bug reports.
var debugPanics = getenv("SHUTDOWNLINT_DEBUG") == "1"

// panicPos is where an internal error is reported: the package clause of the
// package under analysis.
func panicPos(pass *analysis.Pass) token.Pos {
	if len(pass.Files) > 0 {
		return pass.Files[0].Package
	}
	return token.NoPos
}
