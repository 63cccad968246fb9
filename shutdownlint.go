// Package shutdownlint is a static-analysis suite that finds the bugs that
// break graceful shutdown of Go services: exits that skip deferred cleanup,
// termination signals that are lost or ignored, cancellation that never
// reaches goroutines, defers that run too late or with the wrong values,
// panics that escape the recover their author relied on, HTTP servers that
// cannot drain, and main returning while goroutines are mid-cleanup.
//
// Analyzers returns the suite's analyzers for any driver (the shutdownlint
// command, the golangci-lint plugin, Bazel nogo); each also lives in its own
// package under passes/ and exports an Analyzer variable.
//
// # Suppressing findings
//
// A finding is suppressed by a comment on its line or on the line above it:
//
//	//shutdownlint:ignore <check>[,<check>] <reason>
//
// where each check is a slug such as exit-skips-defer (shutdownlint help
// lists them) and the reason says why the code is right. A directive with no
// reason, one naming an unknown check, and one that suppresses nothing are
// reported themselves (category "ignore"), so stale suppressions do not
// accumulate. Under golangci-lint, //nolint:<analyzer> works as well.
// Findings of the bundled x/tools analyzers (sigchanyzer, lostcancel,
// loopclosure, waitgroup) and of go vet's analyzers cannot be suppressed by
// this directive. Generated files (// Code generated ... DO NOT EDIT.) are
// never reported on.
package shutdownlint

import (
	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/shutdownlint/shutdownlint/passes/ctxpropagation"
	"github.com/shutdownlint/shutdownlint/passes/deferloop"
	"github.com/shutdownlint/shutdownlint/passes/httpshutdown"
	"github.com/shutdownlint/shutdownlint/passes/mainwait"
	"github.com/shutdownlint/shutdownlint/passes/osexit"
	"github.com/shutdownlint/shutdownlint/passes/recoverpath"
	"github.com/shutdownlint/shutdownlint/passes/signalnotify"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/sigchanyzer"
	"golang.org/x/tools/go/analysis/passes/waitgroup"
	"golang.org/x/tools/go/analysis/suite/vet"
)

// registry is the one list of the suite's analyzers, sorted by name, with
// the catalog documenting each one's checks.
var registry = []struct {
	analyzer *analysis.Analyzer
	catalog  *analysisutil.Catalog
}{
	{ctxpropagation.Analyzer, ctxpropagation.Catalog},
	{deferloop.Analyzer, deferloop.Catalog},
	{httpshutdown.Analyzer, httpshutdown.Catalog},
	{mainwait.Analyzer, mainwait.Catalog},
	{osexit.Analyzer, osexit.Catalog},
	{recoverpath.Analyzer, recoverpath.Catalog},
	{signalnotify.Analyzer, signalnotify.Catalog},
}

// Analyzers returns the suite's own analyzers, sorted by name. It does not
// include the bundled x/tools analyzers (see Bundled).
func Analyzers() []*analysis.Analyzer {
	as := make([]*analysis.Analyzer, len(registry))
	for i, r := range registry {
		as[i] = r.analyzer
	}
	return as
}

// Catalogs returns the documentation of the checks of each of Analyzers, in
// the same order.
func Catalogs() []*analysisutil.Catalog {
	cs := make([]*analysisutil.Catalog, len(registry))
	for i, r := range registry {
		cs[i] = r.catalog
	}
	return cs
}

// Bundled returns the golang.org/x/tools analyzers that the shutdownlint
// command runs with the suite because they find shutdown bugs too:
// sigchanyzer (unbuffered signal channels), lostcancel (cancel functions
// never called), loopclosure (goroutines capturing loop variables) and
// waitgroup (WaitGroup.Add inside the goroutine).
func Bundled() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		loopclosure.Analyzer,
		lostcancel.Analyzer,
		sigchanyzer.Analyzer,
		waitgroup.Analyzer,
	}
}

// Vet returns go vet's own suite of analyzers, which the shutdownlint
// command also runs under go vet -vettool (unless -vet=false), so that it is
// a drop-in replacement for go vet.
func Vet() []*analysis.Analyzer { return vet.Suite }
