package plugin

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCustomGolangciLint builds a golangci-lint binary containing the plugin
// without git or `golangci-lint custom`: a tiny module whose main
// blank-imports the plugin and calls golangci-lint's command entry point,
// with its dependencies from the module proxy and this checkout wired in by
// a replace directive. It then runs that binary on testdata/fixture, whose
// .golangci.yml enables three of the suite's linters and sets an option.
//
// It takes minutes when cold, so it runs only under make plugin-test
// (SHUTDOWNLINT_PLUGIN_E2E=1), which .ci/run calls.
func TestCustomGolangciLint(t *testing.T) {
	if os.Getenv("SHUTDOWNLINT_PLUGIN_E2E") == "" {
		t.Skip("set SHUTDOWNLINT_PLUGIN_E2E=1 (make plugin-test) to build a custom golangci-lint")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	version := pinnedVersion(t, filepath.Join(root, ".custom-gcl.yml"))

	dir := t.TempDir()
	gomod := "module shutdownlint.test/customgcl\n\ngo 1.26\n\n" +
		"require (\n\tgithub.com/golangci/golangci-lint/v2 " + version + "\n\tgithub.com/shutdownlint/shutdownlint v0.0.0\n)\n\n" +
		"replace github.com/shutdownlint/shutdownlint => " + root + "\n"
	// The version string "(devel)": golangci-lint caches results by its
	// version, and this binary changes with the checkout.
	main := `package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/shutdownlint/shutdownlint/plugin"
)

func main() {
	info := commands.BuildInfo{Version: "(devel)", Commit: "shutdownlint plugin test", Date: "(unknown)", GoVersion: "unknown"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644))
	gcl := filepath.Join(dir, "custom-gcl")
	runIn(t, dir, "go", "mod", "tidy")
	runIn(t, dir, "go", "build", "-o", gcl, ".")

	fixture := filepath.Join(root, "plugin", "testdata", "fixture")
	cmd := exec.Command(gcl, "run", "--output.json.path=stdout", "--output.text.path=stderr", "./...")
	cmd.Dir = fixture
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+filepath.Join(dir, "cache"), "GOFLAGS=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	t.Logf("custom golangci-lint output:\n%s", stderr.String())
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "findings make golangci-lint fail; stderr: %s", &stderr)

	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	// The JSON report comes first; golangci-lint's summary follows it.
	require.NoError(t, json.NewDecoder(&stdout).Decode(&report), stdout.String())
	got := make(map[string]bool)
	for _, is := range report.Issues {
		got[is.FromLinter+" "+filepath.Base(is.Pos.Filename)+":"+itoa(is.Pos.Line)] = true
	}
	for _, want := range wantedIssues(t, fixture) {
		assert.True(t, got[want.key], "missing issue %s (%s); got %v", want.key, want.why, got)
		delete(got, want.key)
	}
	assert.Empty(t, got, "unexpected issues (a //nolint:<analyzer> line must be suppressed)")
}

// want is an issue the fixture marks with a "// golangci: <linter>" comment.
type want struct{ key, why string }

var wantComment = regexp.MustCompile(`// golangci: (\w+)(.*)$`)

// wantedIssues reads the expected issues from the fixture's comments.
func wantedIssues(t *testing.T, dir string) []want {
	var wants []want
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := wantComment.FindStringSubmatch(line); m != nil {
				wants = append(wants, want{m[1] + " " + filepath.Base(path) + ":" + itoa(i+1), strings.TrimSpace(m[2])})
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, wants)
	return wants
}

func pinnedVersion(t *testing.T, file string) string {
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^version: *(v\S+)`).FindSubmatch(data)
	require.NotNil(t, m, "no version in %s", file)
	return string(m[1])
}

func runIn(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %s:\n%s", name, args, out)
}

func itoa(n int) string { return strconv.Itoa(n) }
