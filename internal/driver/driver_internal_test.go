package driver

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePosition(t *testing.T) {
	assert.Equal(t, position{"/a/b.go", 12, 3}, parsePosition("/a/b.go:12:3"))
	assert.Equal(t, position{`C:\x\b.go`, 1, 2}, parsePosition(`C:\x\b.go:1:2`))
	assert.Equal(t, position{File: "weird"}, parsePosition("weird"))
}

func TestIsVetToolInvocation(t *testing.T) {
	assert.True(t, isVetToolInvocation([]string{"-V=full"}))
	assert.True(t, isVetToolInvocation([]string{"-flags"}))
	assert.True(t, isVetToolInvocation([]string{"-json", "-vet=false", "/tmp/go-build/vet.cfg"}))
	assert.False(t, isVetToolInvocation([]string{"./..."}))
	assert.False(t, isVetToolInvocation([]string{"-json", "std"}))
	assert.False(t, isVetToolInvocation(nil))
}

func TestVetFlagValue(t *testing.T) {
	assert.True(t, vetFlagValue([]string{"x.cfg"}))
	assert.False(t, vetFlagValue([]string{"-vet=false", "x.cfg"}))
	assert.False(t, vetFlagValue([]string{"--vet=0", "x.cfg"}))
	assert.True(t, vetFlagValue([]string{"-vet=false", "-vet", "x.cfg"}))
	assert.True(t, vetFlagValue([]string{"x.cfg", "-vet=false"}), "flags after the first argument are not flags")
}

func TestGoErrors(t *testing.T) {
	exitErr := errors.New("exit status 1")
	stderr := "# fx/b\nvet: b/b.go:3:17: undefined: undefined\nb/b.go:4:1: undefined: other\n# fx/c\nc/c.go:3:13: expected '}', found 'EOF'\n"
	assert.Equal(t, []string{
		"fx/b: b/b.go:3:17: undefined: undefined (and 1 more)",
		"fx/c: c/c.go:3:13: expected '}', found 'EOF'",
	}, goErrors(stderr, exitErr))

	assert.Equal(t, []string{`"./x/..." matched no packages`},
		goErrors("go: warning: \"./x/...\" matched no packages\nno packages to vet\n", exitErr))

	assert.Equal(t, []string{"no required module provides package example.com/zzz; to add it: go get example.com/zzz"},
		goErrors("no required module provides package example.com/zzz; to add it:\n\tgo get example.com/zzz\n", exitErr))

	crash := "# fx/a\npanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x/main.go:3 +0x1\nexit status 2\n"
	got := goErrors(crash, exitErr)
	require.Len(t, got, 1)
	assert.Equal(t, "internal error analysing fx/a: panic: boom (please report)", got[0])

	assert.Nil(t, goErrors("go: downloading example.com/m v1.0.0\n", nil), "progress output of a successful run is not an error")
}

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	want := `--- x.go
+++ x.go
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -11,3 +11,4 @@
 k
 l
 m
+n
`
	assert.Equal(t, want, unifiedDiff("x.go", []byte(old), []byte(new)))
	assert.Empty(t, unifiedDiff("x.go", []byte(old), []byte(old)))
	assert.Equal(t, "--- x.go\n+++ x.go\n@@ -0,0 +1,1 @@\n+a\n", unifiedDiff("x.go", nil, []byte("a\n")))
	assert.Equal(t, "--- x.go\n+++ x.go\n@@ -1,1 +1,1 @@\n-a\n+b\n\\ No newline at end of file\n", unifiedDiff("x.go", []byte("a\n"), []byte("b")))
}

// TestUnifiedDiffAppliesWithPatch checks the diff against patch(1), when
// the machine has it, on a larger random-looking edit.
func TestUnifiedDiffAppliesWithPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("no patch command")
	}
	var oldB, newB strings.Builder
	for i := range 200 {
		line := strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "\n"
		oldB.WriteString(line)
		switch {
		case i%17 == 0:
			newB.WriteString("inserted\n" + line)
		case i%23 == 0:
			// deleted
		case i%31 == 0:
			newB.WriteString("changed\n")
		default:
			newB.WriteString(line)
		}
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	require.NoError(t, os.WriteFile(file, []byte(oldB.String()), 0o644))
	d := unifiedDiff("f.txt", []byte(oldB.String()), []byte(newB.String()))
	cmd := exec.Command(patch, "-s", "-p0", "f.txt")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(d)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	got, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, newB.String(), string(got))
}

func fixFinding(file, msg string, line int, edits ...jsonEdit) *finding {
	f := &finding{jsonDiagnostic: jsonDiagnostic{Message: msg, SuggestedFixes: []jsonFix{{Message: "Fix " + msg, Edits: edits}}}}
	f.posn = position{File: file, Line: line}
	return f
}

func TestApplyFixes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nvar x = 1\nvar y = 2\n"
	require.NoError(t, os.WriteFile(file, []byte(src), 0o640))
	one := strings.Index(src, "1")
	two := strings.Index(src, "2")
	fs := []*finding{
		fixFinding(file, "x", 3, jsonEdit{file, one, one + 1, "10"}),
		fixFinding(file, "y", 4, jsonEdit{file, two, two + 1, "20"}),
		fixFinding(file, "y again", 4, jsonEdit{file, two, two + 1, "20"}), // identical edit: merged
	}
	var stdout, stderr bytes.Buffer
	s := Suite{Name: "shutdownlint"}
	fixed, err := s.applyFixes(env{stdout: &stdout, stderr: &stderr}, &options{fix: true}, fs)
	require.NoError(t, err)
	assert.Len(t, fixed, 3)
	got, _ := os.ReadFile(file)
	assert.Equal(t, "package a\n\nvar x = 10\nvar y = 20\n", string(got))
	info, _ := os.Stat(file)
	assert.Equal(t, os.FileMode(0o640), info.Mode().Perm(), "permissions kept")
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*shutdownlint*"))
	assert.Empty(t, leftovers, "no temporary files left behind")
}

func TestApplyFixesConflictLeavesFileUntouched(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	other := filepath.Join(dir, "b.go")
	src := "package a\n\nvar x = 1\n"
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	require.NoError(t, os.WriteFile(other, []byte(src), 0o644))
	one := strings.Index(src, "1")
	fs := []*finding{
		fixFinding(file, "p", 3, jsonEdit{file, one, one + 1, "10"}),
		fixFinding(file, "q", 3, jsonEdit{file, one - 2, one + 1, "= 20"}),
		// a fix touching the conflicted file and another one is dropped everywhere
		fixFinding(other, "r", 3, jsonEdit{other, one, one + 1, "30"}, jsonEdit{file, 0, 0, "// x\n"}),
	}
	var stdout, stderr bytes.Buffer
	s := Suite{Name: "shutdownlint"}
	fixed, err := s.applyFixes(env{stdout: &stdout, stderr: &stderr}, &options{fix: true}, fs)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "conflicting fixes in "+file)
	assert.Contains(t, err.Error(), "file left unchanged")
	assert.Empty(t, fixed)
	for _, f := range []string{file, other} {
		got, _ := os.ReadFile(f)
		assert.Equal(t, src, string(got), f)
	}
}

func TestApplyFixesRefusesUnparsableResult(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nvar x = 1\n"
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	one := strings.Index(src, "1")
	fs := []*finding{fixFinding(file, "p", 3, jsonEdit{file, one, one + 1, "1 +"})}
	var stdout, stderr bytes.Buffer
	s := Suite{Name: "shutdownlint"}
	_, err := s.applyFixes(env{stdout: &stdout, stderr: &stderr}, &options{fix: true}, fs)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "would not leave valid Go")
	got, _ := os.ReadFile(file)
	assert.Equal(t, src, string(got))
}

func TestApplyFixesDiffChangesNothing(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nvar x = 1\n"
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	one := strings.Index(src, "1")
	var stdout, stderr bytes.Buffer
	s := Suite{Name: "shutdownlint"}
	_, err := s.applyFixes(env{stdout: &stdout, stderr: &stderr}, &options{diff: true}, []*finding{fixFinding(file, "p", 3, jsonEdit{file, one, one + 1, "2"})})
	require.NoError(t, err)
	assert.Contains(t, stdout.String(), "-var x = 1\n+var x = 2\n")
	got, _ := os.ReadFile(file)
	assert.Equal(t, src, string(got))
}

// TestGCEnv checks that the standalone mode tunes the collector of the
// analysis processes only where the user has not.
func TestGCEnv(t *testing.T) {
	t.Setenv("GOGC", "")
	os.Unsetenv("GOGC")
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	assert.Equal(t, []string{"GOGC=400", "GOMEMLIMIT=1GiB"}, gcEnv())
	t.Setenv("GOGC", "off")
	assert.Equal(t, []string{"GOMEMLIMIT=1GiB"}, gcEnv(), "the user's GOGC is kept")
	t.Setenv("GOMEMLIMIT", "4GiB")
	assert.Empty(t, gcEnv(), "the user's GOMEMLIMIT is kept")
}
