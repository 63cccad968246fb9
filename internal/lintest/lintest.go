// Package lintest holds the test helpers every shutdownlint pass uses on top
// of analysistest: checks that diagnostics carry a catalog slug and URL, that
// every check has positive cases, that the documentation of every check is
// complete, that the code produced by suggested fixes still compiles, and
// runs txtar modules for language-version tests.
package lintest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/txtar"
)

// Run runs analysistest.Run on the packages of dir (analysistest.TestData()
// unless given) and checks each diagnostic's Category and URL.
func Run(t *testing.T, a *analysis.Analyzer, cat *analysisutil.Catalog, pkgs ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.Run(t, analysistest.TestData(), a, pkgs...)
	CheckDiagnostics(t, cat, results)
	return results
}

// RunWithSuggestedFixes is Run that also compares the suggested fixes with
// the .golden files and checks that the fixed files compile.
func RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, cat *analysisutil.Catalog, pkgs ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, pkgs...)
	CheckDiagnostics(t, cat, results)
	GoldenCompiles(t, analysistest.TestData(), pkgs...)
	return results
}

// WithFlag sets the analyzer flag name to value for the rest of the test.
func WithFlag(t *testing.T, a *analysis.Analyzer, name, value string) {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("analyzer %s has no flag %q", a.Name, name)
	}
	old := f.Value.String()
	if err := a.Flags.Set(name, value); err != nil {
		t.Fatalf("setting -%s.%s=%s: %v", a.Name, name, value, err)
	}
	t.Cleanup(func() { _ = a.Flags.Set(name, old) })
}

// CheckDiagnostics fails t when a diagnostic's Category is not a slug of the
// catalog (or the directive category) or when it has no URL.
func CheckDiagnostics(t *testing.T, cat *analysisutil.Catalog, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Action.Package.Fset.Position(d.Pos)
			if d.Category != analysisutil.IgnoreCategory && cat.Check(d.Category) == nil {
				t.Errorf("%s: diagnostic %q has category %q, which is not a check of %s", posn, d.Message, d.Category, cat.Analyzer)
			}
			if d.URL == "" {
				t.Errorf("%s: diagnostic %q has no URL", posn, d.Message)
			}
			if d.Message == "" || strings.HasSuffix(d.Message, ".") || d.Message[:1] != strings.ToLower(d.Message[:1]) {
				t.Errorf("%s: message %q must start lower case and end without a period", posn, d.Message)
			}
		}
	}
}

// Slugs returns the categories of the diagnostics of results.
func Slugs(results []*analysistest.Result) map[string]int {
	seen := make(map[string]int)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			seen[d.Category]++
		}
	}
	return seen
}

// CheckCovered fails t unless every check of the catalog produced at least
// one diagnostic in results (opt-in checks need their flag set by the test
// that produced the results).
func CheckCovered(t *testing.T, cat *analysisutil.Catalog, results ...[]*analysistest.Result) {
	t.Helper()
	seen := make(map[string]int)
	for _, rs := range results {
		for slug, n := range Slugs(rs) {
			seen[slug] += n
		}
	}
	for _, ch := range cat.Checks {
		if seen[ch.Slug] == 0 {
			t.Errorf("check %s has no positive test case", ch.Slug)
		}
	}
}

// CheckCatalog fails t when the documentation of a check is incomplete.
func CheckCatalog(t *testing.T, cat *analysisutil.Catalog) {
	t.Helper()
	if cat.Summary == "" || cat.Overview == "" {
		t.Errorf("analyzer %s: doc.go needs a summary and an overview", cat.Analyzer)
	}
	for _, ch := range cat.Checks {
		switch {
		case ch.Summary == "":
			t.Errorf("check %s: no summary", ch.Slug)
		case ch.Wrong == "":
			t.Errorf("check %s: no Wrong: example", ch.Slug)
		case ch.Right == "":
			t.Errorf("check %s: no Right: example", ch.Slug)
		case ch.Since == "":
			t.Errorf("check %s: no Since version", ch.Slug)
		case !ch.Default && ch.Option == "":
			t.Errorf("check %s: opt-in but names no option", ch.Slug)
		case !analysisutil.IsKnownSlug(ch.Slug):
			t.Errorf("check %s: not in analysisutil's list of known slugs", ch.Slug)
		}
		if !strings.Contains(ch.Text, "shutdownlint:ignore "+ch.Slug) {
			t.Errorf("check %s: the documentation does not show how to suppress it (//shutdownlint:ignore %s <reason>)", ch.Slug, ch.Slug)
		}
	}
}

// GoldenCompiles type-checks, for every package of the GOPATH-style tree
// dir that has .golden files, the package with its files replaced by their
// golden versions (each section of a txtar golden file separately).
func GoldenCompiles(t *testing.T, dir string, pkgs ...string) {
	t.Helper()
	for _, pkg := range pkgs {
		pkgDir := filepath.Join(dir, "src", filepath.FromSlash(pkg))
		goldens, _ := filepath.Glob(filepath.Join(pkgDir, "*.go.golden"))
		for _, golden := range goldens {
			data, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			versions := [][]byte{data}
			if bytes.HasPrefix(data, []byte("-- ")) {
				versions = nil
				for _, f := range txtar.Parse(data).Files {
					versions = append(versions, f.Data)
				}
			}
			for _, v := range versions {
				typecheckWith(t, dir, pkg, strings.TrimSuffix(filepath.Base(golden), ".golden"), v)
			}
		}
	}
}

// typecheckWith type-checks package pkg of the GOPATH tree dir with file
// name replaced by content.
func typecheckWith(t *testing.T, dir, pkg, name string, content []byte) {
	t.Helper()
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(tmp, "src", filepath.FromSlash(pkg), name)
	if err := os.WriteFile(target, content, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedDeps | packages.NeedImports,
		Dir:  tmp,
		Env:  append(os.Environ(), "GOPATH="+tmp, "GO111MODULE=off", "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	loaded, err := packages.Load(cfg, pkg)
	if err != nil {
		t.Fatalf("loading fixed %s: %v", pkg, err)
	}
	packages.Visit(loaded, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s after applying the suggested fixes of %s: %v", pkg, name, e)
		}
	})
}

// RunTxtar extracts the txtar archive file (a module with a go.mod) into a
// temporary directory and runs analysistest.Run on its packages there.
func RunTxtar(t *testing.T, a *analysis.Analyzer, cat *analysisutil.Catalog, file string, pkgs ...string) []*analysistest.Result {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := txtar.FS(ar)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(fsys, "go.mod"); err != nil {
		t.Fatalf("%s: the archive has no go.mod", file)
	}
	if len(pkgs) == 0 {
		pkgs = []string{"./..."}
	}
	results := analysistest.Run(t, dir, a, pkgs...)
	CheckDiagnostics(t, cat, results)
	return results
}

// Names returns the analyzer names of as, sorted.
func Names(as []*analysis.Analyzer) []string {
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	slices.Sort(names)
	return names
}
