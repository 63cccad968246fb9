package ctxpropagation_test

import (
	"strings"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/ctxpropagation"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, ctxpropagation.Catalog)
}

func TestAnalyzer(t *testing.T) {
	results := lintest.RunWithSuggestedFixes(t, ctxpropagation.Analyzer, ctxpropagation.Catalog,
		"detached", "parent", "stale", "loops", "typeparams", "launchers")
	lintest.CheckCovered(t, ctxpropagation.Catalog, results)
}

// TestCalls runs the stricter detached-context mode of -ctxpropagation.calls.
func TestCalls(t *testing.T) {
	lintest.WithFlag(t, ctxpropagation.Analyzer, "calls", "true")
	results := lintest.Run(t, ctxpropagation.Analyzer, ctxpropagation.Catalog, "calls")
	if n := lintest.Slugs(results)["detached-context"]; n != 6 {
		t.Errorf("-ctxpropagation.calls: got %d detached-context findings, want 6", n)
	}
}

// TestCallsOff checks that without the flag the calls are not reported:
// only the goroutine is.
func TestCallsOff(t *testing.T) {
	// The package's wants are for the flag: the four call findings are
	// expected to be missing.
	results := analysistest.Run(discard{}, analysistest.TestData(), ctxpropagation.Analyzer, "calls")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			got = append(got, d.Message)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "goroutine is given context.Background()") {
		t.Errorf("without -ctxpropagation.calls: got %q, want only the goroutine finding", got)
	}
}

func TestCallsBadValue(t *testing.T) {
	if err := ctxpropagation.Analyzer.Flags.Set("calls", "sometimes"); err == nil {
		t.Error("-ctxpropagation.calls=sometimes: no error")
	}
	if f := ctxpropagation.Analyzer.Flags.Lookup("calls"); f.Value.String() != "false" {
		t.Errorf("-ctxpropagation.calls is %s after a bad value, want false", f.Value)
	}
}

// discard is an analysistest.Testing that ignores unmet expectations.
type discard struct{}

func (discard) Errorf(string, ...any) {}

// TestVersions checks the Go 1.21 behaviour (context.WithoutCancel) against
// the file version.
func TestVersions(t *testing.T) {
	lintest.RunTxtar(t, ctxpropagation.Analyzer, ctxpropagation.Catalog, "testdata/go121.txtar")
	lintest.RunTxtar(t, ctxpropagation.Analyzer, ctxpropagation.Catalog, "testdata/go120.txtar")
}
