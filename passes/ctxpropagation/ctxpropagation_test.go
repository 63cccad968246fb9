package ctxpropagation_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/ctxpropagation"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, ctxpropagation.Catalog)
}

func TestAnalyzer(t *testing.T) {
	var all [][]*analysistest.Result
	all = append(all, lintest.Run(t, ctxpropagation.Analyzer, ctxpropagation.Catalog, "detached", "parent", "stale", "loops"))
	lintest.CheckCovered(t, ctxpropagation.Catalog, all...)
}
