package shutdownlint_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/shutdownlint/shutdownlint"
	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/shutdownlint/shutdownlint/internal/docgen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

func TestRegistryValid(t *testing.T) {
	as := shutdownlint.Analyzers()
	require.NoError(t, analysis.Validate(as))
	all := slices.Clone(as)
	for _, a := range append(shutdownlint.Bundled(), shutdownlint.Vet()...) {
		if !slices.Contains(all, a) {
			all = append(all, a)
		}
	}
	require.NoError(t, analysis.Validate(all), "the suite, the bundled and go vet's analyzers run together under go vet")
	for _, a := range shutdownlint.Bundled() {
		assert.Contains(t, shutdownlint.Vet(), a, "%s is bundled from go vet's suite, so the plugin need not register it", a.Name)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	assert.IsIncreasing(t, names, "the registry is sorted by name")
	assert.Equal(t, []string{"ctxpropagation", "deferloop", "httpshutdown", "mainwait", "osexit", "recoverpath", "signalnotify"}, names)

	cats := shutdownlint.Catalogs()
	require.Len(t, cats, len(as))
	for i, a := range as {
		assert.Equal(t, a.Name, cats[i].Analyzer, "catalog %d belongs to its analyzer", i)
		assert.Equal(t, cats[i].URL(), a.URL)
		assert.Equal(t, cats[i].Doc(), a.Doc)
	}
}

// TestKnownSlugs keeps analysisutil's static list of slugs (used to report
// directives naming unknown checks) equal to the registered checks.
func TestKnownSlugs(t *testing.T) {
	var slugs []string
	for _, c := range shutdownlint.Catalogs() {
		for _, ch := range c.Checks {
			slugs = append(slugs, ch.Slug)
		}
	}
	slices.Sort(slugs)
	assert.Equal(t, analysisutil.KnownSlugs(), slugs)
}

// TestOptInChecksHaveFlags checks that each opt-in check's option is a
// boolean flag of its analyzer.
func TestOptInChecksHaveFlags(t *testing.T) {
	for i, c := range shutdownlint.Catalogs() {
		a := shutdownlint.Analyzers()[i]
		for _, ch := range c.Checks {
			if ch.Option == "" {
				continue
			}
			f := a.Flags.Lookup(ch.Option)
			if assert.NotNil(t, f, "%s: -%s.%s is not a flag", ch.Slug, a.Name, ch.Option) {
				b, ok := f.Value.(interface{ IsBoolFlag() bool })
				assert.True(t, ok && b.IsBoolFlag(), "-%s.%s must be a boolean flag", a.Name, ch.Option)
			}
		}
	}
}

func TestReadmeTableUpToDate(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	want, err := docgen.Update(readme, docgen.Table(shutdownlint.Catalogs(), shutdownlint.Bundled()))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(readme), "README.md's table of checks is stale: run make docs")
}

// TestReadmeNogo checks the README's Bazel section against the registry:
// the nogo rule lists every analyzer's package, and nogo_config.json is
// valid JSON naming real analyzers and their real flags.
func TestReadmeNogo(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	text := string(readme)
	_, section, ok := strings.Cut(text, "## Bazel (nogo)")
	require.True(t, ok, "README has a Bazel (nogo) section")
	section, _, _ = strings.Cut(section, "\n## ")

	block := func(lang string) string {
		_, rest, ok := strings.Cut(section, "```"+lang+"\n")
		require.True(t, ok, "a ```%s block", lang)
		body, _, ok := strings.Cut(rest, "```")
		require.True(t, ok)
		return body
	}
	rule := block("starlark")
	for _, a := range shutdownlint.Analyzers() {
		assert.Contains(t, rule, `"@com_github_shutdownlint_shutdownlint//passes/`+a.Name+`"`, "the nogo rule lists %s", a.Name)
	}

	var config map[string]struct {
		OnlyFiles     map[string]string `json:"only_files"`
		ExcludeFiles  map[string]string `json:"exclude_files"`
		AnalyzerFlags map[string]string `json:"analyzer_flags"`
	}
	dec := json.NewDecoder(strings.NewReader(block("json")))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&config), "nogo_config.json is valid")
	require.NotEmpty(t, config)
	for name, c := range config {
		i := slices.IndexFunc(shutdownlint.Analyzers(), func(a *analysis.Analyzer) bool { return a.Name == name })
		require.GreaterOrEqual(t, i, 0, "nogo_config.json names analyzer %q, which the suite does not have", name)
		a := shutdownlint.Analyzers()[i]
		for flag, value := range c.AnalyzerFlags {
			f := a.Flags.Lookup(flag)
			if assert.NotNil(t, f, "%s has no flag %q", name, flag) {
				old := f.Value.String()
				assert.NoError(t, a.Flags.Set(flag, value), "-%s.%s=%s", name, flag, value)
				require.NoError(t, a.Flags.Set(flag, old))
			}
		}
	}
}
