package recoverpath_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/recoverpath"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs the default checks: a (recover-not-in-defer,
// recovered-value-discarded), goroutines (goroutine-escapes-recover) and
// typeparams; then the strict check on strict.
func TestAnalyzer(t *testing.T) {
	results := lintest.Run(t, recoverpath.Analyzer, recoverpath.Catalog, "a", "a/cmd", "goroutines", "typeparams")
	if n := lintest.Slugs(results)["goroutine-without-recover"]; n != 0 {
		t.Errorf("goroutine-without-recover reported %d times without -recoverpath.strict", n)
	}
	var strict []*analysistest.Result
	t.Run("strict", func(t *testing.T) {
		lintest.WithFlag(t, recoverpath.Analyzer, "strict", "true")
		strict = lintest.Run(t, recoverpath.Analyzer, recoverpath.Catalog, "strict")
	})
	lintest.CheckCovered(t, recoverpath.Catalog, results, strict)
}

// TestFacts proves that the facts of lib cross the package boundary, and
// checks the suggested fixes against uselib.go.golden.
func TestFacts(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, recoverpath.Analyzer, recoverpath.Catalog, "lib", "uselib")
}

func TestStrictFlag(t *testing.T) {
	if err := recoverpath.Analyzer.Flags.Set("strict", "sometimes"); err == nil {
		t.Error("-recoverpath.strict=sometimes was accepted")
	}
	if got := recoverpath.Analyzer.Flags.Lookup("strict").Value.String(); got != "false" {
		t.Errorf("-recoverpath.strict defaults to %s, want false", got)
	}
}

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, recoverpath.Catalog)
}
