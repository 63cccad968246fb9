package plugin

import (
	"flag"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/shutdownlint/shutdownlint"
)

// testAnalyzer has one flag of each kind.
func testAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{Name: "fake", Doc: "fake", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	a.Flags.Init("fake", flag.ContinueOnError)
	a.Flags.Bool("strict", false, "a bool")
	a.Flags.String("funcs", "", "a list")
	a.Flags.Int("limit", 0, "a number")
	return a
}

func TestSettings(t *testing.T) {
	a := testAnalyzer()
	p, err := New(a)(map[string]any{"strict": true, "funcs": []any{"a.F", "(*b.T).M"}, "limit": 3})
	require.NoError(t, err)
	as, err := p.BuildAnalyzers()
	require.NoError(t, err)
	assert.Equal(t, []*analysis.Analyzer{a}, as)
	assert.Equal(t, register.LoadModeTypesInfo, p.GetLoadMode())
	assert.Equal(t, "true", a.Flags.Lookup("strict").Value.String())
	assert.Equal(t, "a.F,(*b.T).M", a.Flags.Lookup("funcs").Value.String())
	assert.Equal(t, "3", a.Flags.Lookup("limit").Value.String())
}

func TestNoSettings(t *testing.T) {
	_, err := New(testAnalyzer())(nil)
	require.NoError(t, err)
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings map[string]any
		want     string
	}{
		{"unknown", map[string]any{"strickt": true}, `fake: unknown setting "strickt" (settings: funcs, limit, strict)`},
		{"ill-typed bool", map[string]any{"strict": "yes"}, `fake: setting "strict": parse error`},
		{"ill-typed number", map[string]any{"limit": "many"}, `fake: setting "limit": parse error`},
		{"list of numbers", map[string]any{"funcs": []any{1.0}}, `fake: setting "funcs": list element 1 is not a string`},
		{"map", map[string]any{"funcs": map[string]any{"a": 1}}, `fake: setting "funcs": unsupported value`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(testAnalyzer())(tc.settings)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestRegistered checks one registration per analyzer of the suite, and
// none for the bundled x/tools analyzers.
func TestRegistered(t *testing.T) {
	for _, a := range shutdownlint.Analyzers() {
		newPlugin, err := register.GetPlugin(a.Name)
		require.NoError(t, err, a.Name)
		p, err := newPlugin(nil)
		require.NoError(t, err)
		as, err := p.BuildAnalyzers()
		require.NoError(t, err)
		assert.Equal(t, []*analysis.Analyzer{a}, as)
	}
	for _, a := range shutdownlint.Bundled() {
		_, err := register.GetPlugin(a.Name)
		assert.Error(t, err, "%s is run by golangci-lint's govet already", a.Name)
	}
}
