package driver_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/driver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/sigchanyzer"
)

// panicky panics on every package: it stands for an analyzer that meets
// code it was not written for.
var panicky = &analysis.Analyzer{
	Name: "panicky",
	Doc:  "panic on every package, for the panic isolation test",
	Run:  func(*analysis.Pass) (any, error) { panic("unexpected node") },
}

// TestMain lets the test binary act as a shutdownlint built from a
// test-only suite, both as the standalone command and as the vet tool it
// runs.
func TestMain(m *testing.M) {
	if os.Getenv("SHUTDOWNLINT_DRIVER_TEST") == "panic" {
		driver.Main(driver.Suite{
			Name:      "shutdownlint",
			Analyzers: []*analysis.Analyzer{panicky},
			Bundled:   []*analysis.Analyzer{sigchanyzer.Analyzer},
		})
	}
	os.Exit(m.Run())
}

func TestPanicIsolation(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	dir, err := filepath.Abs("testdata/panicmod")
	require.NoError(t, err)

	cmd := exec.Command(exe, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SHUTDOWNLINT_DRIVER_TEST=panic", "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()

	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "stdout: %s\nstderr: %s", &stdout, &stderr)
	assert.Equal(t, driver.ExitError, exit.ExitCode(), "an internal error makes the run fail")
	out := stdout.String()
	assert.Contains(t, out, "boom/boom.go:1:1: internal error in panicky: unexpected node (please report) (panicky/internal-error)")
	assert.Contains(t, out, "boom/boom.go:10:2: misuse of unbuffered os.Signal channel", "the other analyzers' results are still printed")
	assert.NotContains(t, stderr.String(), "goroutine ", "no panic trace")
}
