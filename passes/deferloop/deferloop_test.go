package deferloop_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/deferloop"
)

// TestAnalyzer runs the positive and negative cases of both checks: a
// (defer-in-loop), captures (defer-captures-loop-var, with go1.21 and
// go1.22 files) and typeparams.
func TestAnalyzer(t *testing.T) {
	results := lintest.Run(t, deferloop.Analyzer, deferloop.Catalog, "a", "captures", "typeparams")
	lintest.CheckCovered(t, deferloop.Catalog, results)
}

func TestFixes(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, deferloop.Analyzer, deferloop.Catalog, "fixes")
}

// TestVersions runs the analyzer on modules whose go.mod and //go:build
// lines set the per-file Go version.
func TestVersions(t *testing.T) {
	for _, file := range []string{"testdata/versions/go121.txtar", "testdata/versions/go122.txtar"} {
		t.Run(file, func(t *testing.T) {
			results := lintest.RunTxtar(t, deferloop.Analyzer, deferloop.Catalog, file)
			if lintest.Slugs(results)["defer-captures-loop-var"] == 0 {
				t.Errorf("%s: no loop-variable capture reported", file)
			}
		})
	}
}

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, deferloop.Catalog)
}
