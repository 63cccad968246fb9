package httpshutdown_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/httpshutdown"
)

func TestClosedAsFailure(t *testing.T) {
	lintest.Run(t, httpshutdown.Analyzer, httpshutdown.Catalog, "closed")
}

func TestClosedFixes(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, httpshutdown.Analyzer, httpshutdown.Catalog, "closedfix")
}

func TestShutdownWithoutDeadline(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, httpshutdown.Analyzer, httpshutdown.Catalog, "deadline")
}

func TestShutdownWithDoneContext(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, httpshutdown.Analyzer, httpshutdown.Catalog, "done")
}

func TestUnstoppableServer(t *testing.T) {
	lintest.Run(t, httpshutdown.Analyzer, httpshutdown.Catalog, "unstoppable", "notifyctx", "nosignal", "sighup", "spread", "notmain")
}

func TestTypeParams(t *testing.T) {
	lintest.Run(t, httpshutdown.Analyzer, httpshutdown.Catalog, "typeparams", "recursive")
}

// TestDotlessModule checks that a module path without a dot is not taken
// for the standard library.
func TestDotlessModule(t *testing.T) {
	lintest.RunTxtar(t, httpshutdown.Analyzer, httpshutdown.Catalog, "testdata/dotless.txtar", "./...")
}

// TestVersions checks that the fixes follow each file's Go version:
// context.WithoutCancel from Go 1.21 on, errors.Is from Go 1.13 on.
func TestVersions(t *testing.T) {
	results := append(lintest.RunTxtar(t, httpshutdown.Analyzer, httpshutdown.Catalog, "testdata/versions_new.txtar"),
		lintest.RunTxtar(t, httpshutdown.Analyzer, httpshutdown.Catalog, "testdata/versions_old.txtar")...)
	fixes := make(map[string]string) // file base name and slug -> fix text
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Action.Package.Fset.Position(d.Pos)
			var text strings.Builder
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					text.Write(e.NewText)
					text.WriteString("|")
				}
			}
			fixes[filepath.Base(posn.Filename)+" "+d.Category] = text.String()
		}
	}
	assert.Contains(t, fixes["new.go shutdown-with-done-context"], "context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)")
	assert.Contains(t, fixes["old.go shutdown-with-done-context"], "context.WithTimeout(context.Background(), 10*time.Second)")
	assert.Contains(t, fixes["old.go server-closed-as-failure"], "err != nil && err != http.ErrServerClosed")
}

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, httpshutdown.Catalog)
}

// TestCovered runs every test package once more and checks that each check
// has a positive case.
func TestCovered(t *testing.T) {
	lintest.CheckCovered(t, httpshutdown.Catalog,
		lintest.Run(t, httpshutdown.Analyzer, httpshutdown.Catalog, "closed", "deadline", "done", "unstoppable"))
}
