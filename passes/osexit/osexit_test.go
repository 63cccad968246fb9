package osexit_test

import (
	"flag"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/osexit"
)

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, osexit.Catalog)
}

// TestCovered runs small packages with a positive case of every check.
func TestCovered(t *testing.T) {
	on := lintest.Run(t, osexit.Analyzer, osexit.Catalog, "directives", "goexit/cmd")
	lintest.WithFlag(t, osexit.Analyzer, "deep-exit", "true")
	deep := lintest.Run(t, osexit.Analyzer, osexit.Catalog, "deep/cmd")
	lintest.CheckCovered(t, osexit.Catalog, on, deep)
}

func TestBasic(t *testing.T) {
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "a", "closures", "loggers", "typeparams", "maytest", "output", "conns", "benign")
}

func TestFacts(t *testing.T) {
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "lib", "uselib")
}

func TestExitFuncs(t *testing.T) {
	lintest.WithFlag(t, osexit.Analyzer, "exit-funcs", "example.com/fail.Die,(*example.com/fail.Logger).Die")
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "exitfuncs")
}

func TestExitFuncsOff(t *testing.T) {
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "exitfuncsoff")
}

func TestExitFuncsFlagValues(t *testing.T) {
	f := osexit.Analyzer.Flags.Lookup("exit-funcs")
	require.NotNil(t, f)
	t.Cleanup(func() { _ = f.Value.Set("") })

	require.NoError(t, f.Value.Set("example.com/a.Die, (*example.com/b/c.T).M"))
	require.NoError(t, f.Value.Set("(example.com/d.V).N"))
	assert.Equal(t, "example.com/a.Die,(*example.com/b/c.T).M,(example.com/d.V).N", f.Value.String(), "repeated values add up")
	require.NoError(t, f.Value.Set(""))
	assert.Equal(t, "", f.Value.String(), "an empty value clears the list")

	for _, tc := range []struct{ value, want string }{
		{"Die", "no package path"},
		{"os.", `"" is not a function name`},
		{"example.com/a.Die()", `"Die()" is not a function name`},
		{"(*example.com/a.T.M", "a method needs the form (pkg/path.Type).Method"},
		{"(*example.com/a.).M", `"" is not a type name`},
		{"(*T).M", "no package path"},
		{"example.com//a.Die", "empty or relative element"},
		{"example com/a.Die", `contains ' '`},
		{"example.com/a.Die,", "empty entry"},
		{"os.Exit,bad", "no package path"},
	} {
		t.Run(tc.value, func(t *testing.T) {
			err := f.Value.Set(tc.value)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "want pkg/path.Func or (*pkg/path.Type).Method")
			assert.Equal(t, "", f.Value.String(), "a bad value adds nothing")
		})
	}

	// Through flag parsing, as the drivers do it.
	fs := flag.NewFlagSet("osexit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(f.Value, "osexit.exit-funcs", f.Usage)
	err := fs.Parse([]string{"-osexit.exit-funcs=Fatal"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `bad exit function "Fatal"`)
}

func TestTestMainFix(t *testing.T) {
	results := lintest.RunWithSuggestedFixes(t, osexit.Analyzer, osexit.Catalog,
		"testmain/direct", "testmain/code", "testmain/notlast", "testmain/benign", "testmain/codeused", "testmain/unknown")
	checkRawFixes(t, results)
}

func TestMainFix(t *testing.T) {
	pkgs := []string{"mainfix/simple", "mainfix/noos", "mainfix/singleimport", "mainfix/helper", "mainfix/runtaken"}
	results := lintest.RunWithSuggestedFixes(t, osexit.Analyzer, osexit.Catalog, pkgs...)
	checkRawFixes(t, results)
}

func TestGoexit(t *testing.T) {
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "goexit/cmd", "goexit/notmain")
}

func TestDeepExit(t *testing.T) {
	lintest.WithFlag(t, osexit.Analyzer, "deep-exit", "true")
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "deep", "deep/cmd")
}

func TestDirectives(t *testing.T) {
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "directives")
}

func TestModule(t *testing.T) {
	lintest.RunTxtar(t, osexit.Analyzer, osexit.Catalog, "testdata/module.txtar", "./...", "example.com/dep")
}

func TestTestMainBeforeGo115(t *testing.T) {
	results := lintest.RunTxtar(t, osexit.Analyzer, osexit.Catalog, "testdata/oldtestmain.txtar")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			assert.Empty(t, d.SuggestedFixes, "no fix before Go 1.15: %s", d.Message)
		}
	}
	assert.NotZero(t, n)
}
