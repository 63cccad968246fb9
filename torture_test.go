package shutdownlint_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/shutdownlint/shutdownlint"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestTorture runs every analyzer of the suite, and the bundled ones, over
// testdata/src/torture (generics, unsafe, labelled goto, a huge switch,
// deeply nested closures, range-over-func, method values, recursive types,
// shutdown code in odd shapes). An analyzer that panics fails the test; so
// does one that returns an error. Findings are not checked.
func TestTorture(t *testing.T) {
	gopath, err := filepath.Abs("testdata")
	require.NoError(t, err)
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  gopath,
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "torture")
	require.NoError(t, err)
	require.Len(t, pkgs, 1)
	require.Empty(t, pkgs[0].Errors, "the torture package must compile")

	analyzers := append(shutdownlint.Analyzers(), shutdownlint.Bundled()...)
	for _, a := range shutdownlint.Analyzers() {
		// Every opt-in check on, so that its code runs too.
		a.Flags.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				require.NoError(t, a.Flags.Set(f.Name, "true"))
				t.Cleanup(func() { _ = a.Flags.Set(f.Name, f.DefValue) })
			}
		})
	}
	res, err := checker.Analyze(analyzers, pkgs, &checker.Options{SanityCheck: true})
	require.NoError(t, err)
	n := 0
	for act := range res.All() {
		require.NoError(t, act.Err, "%s", act)
		if act.IsRoot {
			n += len(act.Diagnostics)
		}
	}
	t.Logf("%d findings in the torture package", n)
}
