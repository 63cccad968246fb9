package analysisutil_test

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"golang.org/x/tools/go/analysis"
)

// versionAnalyzer reports, at every function declaration, the language
// version of its file and what AtLeastGo says of go1.21 and go1.22.
var versionAnalyzer = &analysis.Analyzer{
	Name: "osexit", // a registered analyzer name, so its catalog is known
	Doc:  "report file versions",
	URL:  catalog.URL(),
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				at21, known21 := analysisutil.AtLeastGo(pass, fd.Pos(), "go1.21")
				at22, known22 := analysisutil.AtLeastGo(pass, fd.Pos(), "go1.22")
				if !known21 || !known22 {
					pass.Report(analysis.Diagnostic{Pos: fd.Pos(), Category: "exit-skips-defer", URL: catalog.URL(), Message: fd.Name.Name + ": unknown version"})
					continue
				}
				pass.Report(analysis.Diagnostic{
					Pos:      fd.Pos(),
					Category: "exit-skips-defer",
					URL:      catalog.URL(),
					Message: fmt.Sprintf("%s: %s, at least go1.21: %t, at least go1.22: %t",
						fd.Name.Name, analysisutil.FileVersion(pass, fd.Pos()), at21, at22),
				})
			}
		}
		return nil, nil
	},
}

// TestFileVersion checks that the helpers read the per-file version the
// type checker records (go.mod's go line, changed by //go:build lines), not
// the toolchain's.
func TestFileVersion(t *testing.T) {
	results := lintest.RunTxtar(t, versionAnalyzer, catalog, filepath.Join("testdata", "versions", "mod.txtar"))
	if n := len(lintest.Slugs(results)); n == 0 {
		t.Fatal("no diagnostics: the test analyzer did not run")
	}
}
