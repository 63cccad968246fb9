package analysisutil_test

import (
	"flag"
	"go/ast"
	"strings"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

const testDoc = `// Package osexit is a test double.
//
// # Analyzer osexit
//
// osexit: report calls of exit and deep
//
// The overview.
//
// # Check exit-skips-defer
//
// exit-skips-defer: a call of exit
//
// Why it matters.
//
// Wrong:
//
//	exit()
//
// Right:
//
//	return
//
// Suppress with //shutdownlint:ignore exit-skips-defer <reason>.
//
// # Check deep-exit
//
// deep-exit: a call of deep
//
// Wrong:
//
//	deep()
//
//	deep() // twice
//
// Right:
//
//	return
//
// Suppress with //shutdownlint:ignore deep-exit <reason>.
package osexit
`

var catalog = analysisutil.MustCatalog("osexit", testDoc,
	analysisutil.Check{Slug: "exit-skips-defer", Default: true, Since: "v0.1.0"},
	analysisutil.Check{Slug: "deep-exit", Option: "deep-exit", Since: "v0.1.0"},
)

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "osexit",
		Doc:      catalog.Doc(),
		URL:      catalog.URL(),
		Requires: []*analysis.Analyzer{analysisutil.DirectivesAnalyzer},
	}
	a.Flags.Init("osexit", flag.ContinueOnError)
	a.Flags.Bool("deep-exit", false, "report deep")
	a.Run = func(pass *analysis.Pass) (any, error) {
		r := analysisutil.NewReporter(pass, catalog)
		defer r.Finish()
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok {
						switch id.Name {
						case "exit":
							r.Reportf("exit-skips-defer", call, "call of exit")
						case "deep":
							r.Reportf("deep-exit", call, "call of deep")
						}
					}
				}
				return true
			})
		}
		return nil, nil
	}
	return a
}

func TestDirectives(t *testing.T) {
	a := newAnalyzer()
	results := lintest.Run(t, a, catalog, "directives")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == "exit-skips-defer" {
				assert.Equal(t, catalog.Check("exit-skips-defer").URL, d.URL)
			}
		}
	}
}

func TestOptInCheck(t *testing.T) {
	a := newAnalyzer()
	lintest.WithFlag(t, a, "deep-exit", "true")
	lintest.Run(t, a, catalog, "deep")
}

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, catalog)
	ch := catalog.Check("deep-exit")
	require.NotNil(t, ch)
	assert.Equal(t, "a call of deep", ch.Summary)
	assert.Equal(t, "deep()\n\ndeep() // twice", ch.Wrong)
	assert.Equal(t, "return", ch.Right)
	assert.Equal(t, analysisutil.DocsBase+"/passes/osexit#hdr-Check_deep_exit", ch.URL)
	assert.Equal(t, "report calls of exit and deep", catalog.Summary)
	assert.Contains(t, catalog.Doc(), "deep-exit (off, enable with -osexit.deep-exit): a call of deep")
	assert.True(t, strings.HasPrefix(catalog.Doc(), "report calls of exit and deep\n\nThe overview."))
}

func TestCatalogErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"no doc", "package x\n", "no package doc comment"},
		{"no analyzer section", "// Package x.\npackage x\n", `no "# Analyzer osexit" section`},
		{"no check section", "// # Analyzer osexit\n//\n// osexit: s\npackage x\n", `no "# Check exit-skips-defer" section`},
		{"bad summary", "// # Analyzer osexit\n//\n// something else\npackage x\n", `does not start with "osexit: SUMMARY"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analysisutil.ParseCatalog("osexit", tc.src, analysisutil.Check{Slug: "exit-skips-defer", Default: true})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestKnownSlugsSorted(t *testing.T) {
	slugs := analysisutil.KnownSlugs()
	assert.IsNonDecreasing(t, slugs)
	assert.True(t, analysisutil.IsKnownSlug("exit-skips-defer"))
	assert.False(t, analysisutil.IsKnownSlug("no-such-check"))
}

var _ = analysistest.TestData
