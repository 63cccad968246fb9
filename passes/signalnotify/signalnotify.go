package signalnotify

import (
	_ "embed"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var docSource string

const since = "v0.1.0"

// Catalog documents the checks of the analyzer.
var Catalog = analysisutil.MustCatalog("signalnotify", docSource,
	analysisutil.Check{Slug: "notify-in-goroutine", Default: true, Since: since},
	analysisutil.Check{Slug: "missing-sigterm", Default: true, Since: since},
	analysisutil.Check{Slug: "untrappable-signal", Default: true, Since: since},
	analysisutil.Check{Slug: "signal-never-received", Default: true, Since: since},
	analysisutil.Check{Slug: "notifycontext-stop-discarded", Default: true, Since: since},
	analysisutil.Check{Slug: "close-in-signal-loop", Default: true, Since: since},
	analysisutil.Check{Slug: "close-notified-channel", Default: true, Since: since},
	analysisutil.Check{Slug: "notify-without-stop", Default: true, Since: since},
	analysisutil.Check{Slug: "ignored-termination-signal", Default: true, Since: since},
)

// Analyzer is the signalnotify analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "signalnotify",
	Doc:       Catalog.Doc(),
	URL:       Catalog.URL(),
	Requires:  []*analysis.Analyzer{analysisutil.DirectivesAnalyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(registersSignals), new(holdsSignals)},
}

func run(pass *analysis.Pass) (any, error) {
	r := analysisutil.NewReporter(pass, Catalog)
	defer r.Finish()

	pi := &pkgInfo{pass: pass, r: r, ev: newEvaluator(pass)}
	exportVarFacts(pass, pi.ev)
	usesSignal := analysisutil.Imports(pass.Pkg, "os/signal")
	if usesSignal || mentionsOSSignal(pass) {
		pi.in = inspector.New(pass.Files)
	}
	if usesSignal {
		pi.collectCalls()
	}
	pi.exportRegistrations()
	if pi.in == nil {
		return nil, nil
	}
	pi.checkCloseInSignalLoop()
	if len(pi.calls) == 0 {
		return nil, nil
	}
	pi.checkMissingSigterm()
	pi.checkUntrappable()
	pi.checkIgnored()
	pi.checkNotifyInGoroutine()
	pi.checkFlows()
	return nil, nil
}

// exportRegistrations records in pi.imported what the package's imports
// register, and exports the package's registersSignals fact: its own
// registrations and its imports'. Only generated test mains import a main
// package, so a main package exports none.
func (pi *pkgInfo) exportRegistrations() {
	imported, found := importedRegistrations(pi.pass)
	pi.imported = imported
	own := pi.registered()
	if pi.pass.Pkg.Name() == "main" || !found && own.empty() {
		return
	}
	own.union(imported)
	pi.pass.ExportPackageFact(&registersSignals{Signals: own})
}

// mentionsOSSignal reports whether the package names the type os.Signal,
// which a loop over a signal channel needs (close-in-signal-loop).
func mentionsOSSignal(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() != "os" {
			continue
		}
		sig := imp.Scope().Lookup("Signal")
		for _, obj := range pass.TypesInfo.Uses {
			if obj == sig {
				return true
			}
		}
	}
	return false
}
