package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bin is the shutdownlint binary built once for all tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "shutdownlint-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "shutdownlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs name with args in dir and returns its output and exit status.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		r.code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s %s: %v", name, args, err)
	}
	return r
}

func fixture(t *testing.T) string {
	dir, err := filepath.Abs("testdata/fixture")
	require.NoError(t, err)
	return dir
}

func TestStandaloneClean(t *testing.T) {
	r := run(t, fixture(t), bin, "./clean")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout)
}

func TestStandaloneFindings(t *testing.T) {
	r := run(t, fixture(t), bin, "./sig", "./clean")
	assert.Equal(t, 3, r.code, r.stderr)
	assert.Equal(t, "sig/sig.go:12:2: misuse of unbuffered os.Signal channel as argument to signal.Notify (sigchanyzer)\n", r.stdout)
	assert.Contains(t, r.stderr, "1 finding, 1 with a suggested fix")
}

func TestStandaloneJSON(t *testing.T) {
	r := run(t, fixture(t), bin, "-json", "./sig")
	assert.Equal(t, 3, r.code, "findings keep exit status 3 in every format; stderr: %s", r.stderr)
	var tree map[string]map[string][]map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &tree), r.stdout)
	diags := tree["fixture/sig"]["sigchanyzer"]
	require.Len(t, diags, 1)
	assert.Equal(t, filepath.Join(fixture(t), "sig", "sig.go")+":12:2", diags[0]["posn"])
	assert.NotEmpty(t, diags[0]["suggested_fixes"])
}

func TestStandaloneVetSuiteIsOptIn(t *testing.T) {
	r := run(t, fixture(t), bin, "./printf")
	assert.Equal(t, 0, r.code, "go vet's analyzers do not run standalone by default: %s", r.stdout)
	r = run(t, fixture(t), bin, "-vet", "./printf")
	assert.Equal(t, 3, r.code, r.stderr)
	assert.Contains(t, r.stdout, `printf/printf.go:7:14: fmt.Printf format %d has arg "hello" of wrong type string (printf)`)
}

func TestStandaloneAnalyzerSelection(t *testing.T) {
	r := run(t, fixture(t), bin, "-sigchanyzer=false", "./sig")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	r = run(t, fixture(t), bin, "-sigchanyzer", "./sig")
	assert.Equal(t, 3, r.code, r.stdout+r.stderr)
}

func TestVetTool(t *testing.T) {
	dir := fixture(t)
	r := run(t, dir, "go", "vet", "-vettool="+bin, "./sig", "./printf")
	assert.Equal(t, 1, r.code, "go vet fails on findings")
	assert.Contains(t, r.stderr, "sig/sig.go:12:2: misuse of unbuffered os.Signal channel")
	assert.Contains(t, r.stderr, "printf/printf.go:7:14: fmt.Printf format %d has arg", "a drop-in superset of go vet: vet's own findings are kept")

	r = run(t, dir, "go", "vet", "-vettool="+bin, "-vet=false", "./sig", "./printf")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "sig/sig.go:12:2: misuse of unbuffered os.Signal channel")
	assert.NotContains(t, r.stderr, "fmt.Printf", "-vet=false limits the run to the suite")

	r = run(t, dir, "go", "vet", "-vettool="+bin, "-sigchanyzer=false", "./sig")
	assert.Equal(t, 0, r.code, "analyzer flags pass through go vet: %s", r.stderr)

	r = run(t, dir, "go", "vet", "-vettool="+bin, "./clean")
	assert.Equal(t, 0, r.code, r.stderr)
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no such directory", []string{"./nothing/..."}, "./nothing/"},
		{"no such package", []string{"example.com/no/such/pkg"}, "example.com/no/such/pkg"},
		{"syntax error", []string{"./syntax"}, "fixture/syntax: syntax/syntax.go:3:17: expected '}', found 'EOF'"},
		{"type error", []string{"./typeerr"}, "fixture/typeerr: typeerr/typeerr.go:3:28: undefined: undefinedName"},
		{"unknown flag", []string{"-bogus", "./clean"}, "flag provided but not defined: -bogus"},
		{"bad format", []string{"-format=xml", "./clean"}, `unknown -format "xml"`},
		{"bad bool", []string{"-sigchanyzer=maybe", "./clean"}, `invalid boolean value "maybe" for -sigchanyzer`},
		{"no packages", nil, "no packages named"},
		{"flag after packages", []string{"./clean", "-json"}, "flag -json after the package patterns"},
		{"fix and diff", []string{"-fix", "-diff", "./clean"}, "-fix and -diff exclude each other"},
		{"unknown check", []string{"-explain", "no-such-check"}, `no check or analyzer named "no-such-check"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, fixture(t), bin, tc.args...)
			assert.Equal(t, 1, r.code, "stdout: %s", r.stdout)
			lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
			assert.Len(t, lines, 1, "one line on stderr: %q", r.stderr)
			assert.True(t, strings.HasPrefix(r.stderr, "shutdownlint: "), r.stderr)
			assert.Contains(t, r.stderr, tc.want)
			assert.NotContains(t, r.stderr, "goroutine ")
			assert.NotContains(t, r.stderr, "panic")
		})
	}
}

func TestHelp(t *testing.T) {
	r := run(t, fixture(t), bin, "help")
	assert.Equal(t, 0, r.code)
	for _, name := range []string{"osexit", "signalnotify", "ctxpropagation", "deferloop", "recoverpath", "httpshutdown", "mainwait", "sigchanyzer", "lostcancel", "loopclosure", "waitgroup"} {
		assert.Contains(t, r.stdout, name)
	}
	r = run(t, fixture(t), bin, "-explain", "sigchanyzer")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "sigchanyzer (from golang.org/x/tools)")

	r = run(t, fixture(t), bin, "-h")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "Exit status: 0 no findings, 3 findings, 1 error.")
}

// copyFixture copies the fixture module to a temporary directory.
func copyFixture(t *testing.T) string {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(fixture(t))))
	return dir
}

func TestDiffAndFix(t *testing.T) {
	dir := copyFixture(t)
	file := filepath.Join(dir, "sig", "sig.go")
	before, err := os.ReadFile(file)
	require.NoError(t, err)

	r := run(t, dir, bin, "-diff", "./sig")
	assert.Equal(t, 3, r.code, r.stderr)
	assert.Contains(t, r.stdout, "--- sig/sig.go\n+++ sig/sig.go\n")
	assert.Contains(t, r.stdout, "-\tc := make(chan os.Signal)\n+\tc := make(chan os.Signal, 1)\n")
	after, _ := os.ReadFile(file)
	assert.Equal(t, string(before), string(after), "-diff changes nothing")

	r = run(t, dir, bin, "-fix", "./sig")
	assert.Equal(t, 0, r.code, "every finding was fixed: %s %s", r.stdout, r.stderr)
	assert.Contains(t, r.stderr, "applied 1 fixes to 1 files")
	after, _ = os.ReadFile(file)
	assert.Contains(t, string(after), "c := make(chan os.Signal, 1)")

	r = run(t, dir, "go", "build", "./sig")
	assert.Equal(t, 0, r.code, "the fixed code compiles: %s", r.stderr)
	r = run(t, dir, bin, "./sig")
	assert.Equal(t, 0, r.code, "the fixed finding is gone: %s", r.stdout)
}

// jsonFindings runs the suite with -json on pattern in dir and returns its
// findings as "analyzer/check", and which of them have a suggested fix.
func jsonFindings(t *testing.T, dir, pattern string) (all, fixable []string) {
	t.Helper()
	r := run(t, dir, bin, "-json", pattern)
	require.Contains(t, []int{0, 3}, r.code, r.stderr)
	var tree map[string]map[string][]struct {
		Category       string
		SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &tree), r.stdout)
	for _, analyzers := range tree {
		for name, diags := range analyzers {
			for _, d := range diags {
				id := name + "/" + d.Category
				all = append(all, id)
				if len(d.SuggestedFixes) > 0 {
					fixable = append(fixable, id)
				}
			}
		}
	}
	slices.Sort(all)
	slices.Sort(fixable)
	return all, fixable
}

// TestFixAll applies the suggested fixes of every analyzer that has them
// (fixture/fixes holds one finding of each) to a copy, builds and vets the
// result, and runs the suite again: the fixed findings are gone, any others
// remain, and nothing new appears.
func TestFixAll(t *testing.T) {
	dir := copyFixture(t)
	before, fixable := jsonFindings(t, dir, "./fixes")
	var analyzers []string
	for _, id := range fixable {
		analyzers = append(analyzers, strings.Split(id, "/")[0])
	}
	analyzers = slices.Compact(analyzers)
	assert.Equal(t, []string{"ctxpropagation", "deferloop", "httpshutdown", "osexit", "recoverpath", "signalnotify"}, analyzers,
		"fixture/fixes has a fixable finding of each analyzer with fixes")

	r := run(t, dir, bin, "-fix", "./fixes")
	wantCode := 0 // every finding fixed
	if len(before) > len(fixable) {
		wantCode = 3
	}
	assert.Equal(t, wantCode, r.code, "%s %s", r.stdout, r.stderr)
	assert.Contains(t, r.stderr, fmt.Sprintf("applied %d fixes", len(fixable)))

	r = run(t, dir, "go", "vet", "./fixes")
	require.Equal(t, 0, r.code, "the fixed code builds and passes go vet: %s", r.stderr)

	after, _ := jsonFindings(t, dir, "./fixes")
	want := slices.Clone(before)
	for _, id := range fixable {
		i := slices.Index(want, id)
		want = slices.Delete(want, i, i+1)
	}
	assert.ElementsMatch(t, want, after, "after -fix: the unfixable findings only")
}

// knownChecks lists every check slug, from the binary's help.
func knownChecks() []string {
	out, err := exec.Command(bin, "help").Output()
	if err != nil {
		panic(err)
	}
	var slugs []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "    ") {
			if f := strings.Fields(line); len(f) > 0 {
				slugs = append(slugs, f[0])
			}
		}
	}
	return slugs
}

// TestGoFix checks that Go 1.26's go fix applies the suite's fixes with
// shutdownlint as its -fixtool.
func TestGoFix(t *testing.T) {
	dir := copyFixture(t)
	r := run(t, dir, "go", "fix", "-fixtool="+bin, "-vet=false", "-diff", "./sig")
	assert.Contains(t, r.stdout, "+\tc := make(chan os.Signal, 1)", r.stderr)
	r = run(t, dir, "go", "fix", "-fixtool="+bin, "-vet=false", "./sig")
	assert.Equal(t, 0, r.code, r.stderr)
	after, err := os.ReadFile(filepath.Join(dir, "sig", "sig.go"))
	require.NoError(t, err)
	assert.Contains(t, string(after), "c := make(chan os.Signal, 1)")
	r = run(t, dir, "go", "build", "./sig")
	assert.Equal(t, 0, r.code, r.stderr)
}

// TestSuppression checks //shutdownlint:ignore in both modes: the
// suppressed finding is gone, the others and the bad directives are reported.
func TestSuppression(t *testing.T) {
	want := []string{
		"suppress/suppress.go:11:2: os.Exit skips deferred call w.Flush (line 10)",
		"suppress/suppress.go:22:13: //shutdownlint:ignore directive needs a reason after exit-skips-defer",
		"suppress/suppress.go:26:2: //shutdownlint:ignore directive suppresses no exit-skips-defer finding",
		`suppress/suppress.go:31:2: //shutdownlint:ignore names unknown check "exit-skips-defers"`,
	}
	r := run(t, fixture(t), bin, "-osexit", "./suppress")
	assert.Equal(t, 3, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, len(want), r.stdout)
	for i, w := range want {
		assert.True(t, strings.HasPrefix(lines[i], w), "standalone line %d: got %q, want prefix %q", i, lines[i], w)
	}
	assert.NotContains(t, r.stdout, "suppress.go:17:", "the suppressed finding is not reported")

	r = run(t, fixture(t), "go", "vet", "-vettool="+bin, "-vet=false", "-osexit", "./suppress")
	assert.Equal(t, 1, r.code)
	for _, w := range want {
		assert.Contains(t, r.stderr, w, "vet-tool mode")
	}
	assert.NotContains(t, r.stderr, "suppress.go:17:", "the suppressed finding is not reported under go vet either")
}

// TestDependencyThenRoot checks that a package analysed first only as a
// dependency still has its findings reported when it is named later (the go
// command of Go 1.26 caches the two alike; the standalone mode works around
// it).
func TestDependencyThenRoot(t *testing.T) {
	dir := copyFixture(t)
	r := run(t, dir, bin, "-osexit", "./cache/user")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	r = run(t, dir, bin, "-osexit", "./cache/dep")
	assert.Equal(t, 3, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "cache/dep/dep.go:11:2: os.Exit skips deferred call w.Flush (line 10)")
	r = run(t, dir, bin, "-osexit", "./cache/dep")
	assert.Equal(t, 3, r.code, "the same command again, from the cache: %s", r.stdout+r.stderr)
}

// TestExampleService checks the demo of the README's first command: every
// "BUG (check)" comment of example/ is found, and nothing else.
func TestExampleService(t *testing.T) {
	dir, err := filepath.Abs("../../example")
	require.NoError(t, err)
	var want []string
	bug := regexp.MustCompile(`BUG \(([a-z-]+)\)`)
	files, _ := filepath.Glob(filepath.Join(dir, "shopd", "*.go"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range bug.FindAllStringSubmatch(string(data), -1) {
			want = append(want, m[1])
		}
	}
	require.NotEmpty(t, want, "no BUG comments in example/shopd")
	r := run(t, dir, bin, "./...")
	assert.Equal(t, 3, r.code, r.stderr)
	var got []string
	rule := regexp.MustCompile(`\(\w+/([a-z-]+)\)$`)
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if m := rule.FindStringSubmatch(line); m != nil {
			got = append(got, m[1])
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	assert.Equal(t, want, got, "findings on the example service:\n%s", r.stdout)
}
