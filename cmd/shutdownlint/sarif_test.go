package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func sarif(t *testing.T, dir string, args ...string) (sarifLog, string) {
	t.Helper()
	r := run(t, dir, bin, append([]string{"-format=sarif"}, args...)...)
	require.Equal(t, 3, r.code, "findings keep exit status 3 in SARIF: %s", r.stderr)
	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log))
	return log, r.stdout
}

func TestSARIF(t *testing.T) {
	log, raw := sarif(t, fixture(t), "./sig", "./suppress")
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "shutdownlint", run.Tool.Driver.Name)

	ids := make(map[string]bool)
	for _, r := range run.Tool.Driver.Rules {
		ids[r.ID] = true
		assert.NotEmpty(t, r.ShortDescription.Text, r.ID)
		assert.NotEmpty(t, r.FullDescription.Text, r.ID)
		assert.NotEmpty(t, r.HelpURI, r.ID)
		assert.NotEmpty(t, r.DefaultConfiguration.Level, r.ID)
	}
	for _, id := range []string{"sigchanyzer", "lostcancel", "loopclosure", "waitgroup", "osexit/ignore"} {
		assert.True(t, ids[id], "rule %s", id)
	}
	for _, slug := range knownChecks() {
		found := false
		for id := range ids {
			found = found || strings.HasSuffix(id, "/"+slug)
		}
		assert.True(t, found, "every check is a rule: %s", slug)
	}

	rules := make(map[string]int)
	for _, r := range run.Results {
		rules[r.RuleID]++
		assert.Equal(t, r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID, "ruleIndex points at the rule")
	}
	assert.Equal(t, map[string]int{"sigchanyzer": 1, "osexit/exit-skips-defer": 1, "osexit/ignore": 3}, rules)
	res := run.Results[0]
	require.Equal(t, "sigchanyzer", res.RuleID, "results are sorted by file")
	assert.Equal(t, "sigchanyzer", run.Tool.Driver.Rules[res.RuleIndex].ID)
	assert.Equal(t, "warning", res.Level)
	assert.Contains(t, res.Message.Text, "misuse of unbuffered os.Signal channel")
	loc := res.Locations[0].PhysicalLocation
	assert.Equal(t, "sig/sig.go", loc.ArtifactLocation.URI)
	assert.Equal(t, "%SRCROOT%", loc.ArtifactLocation.URIBaseID)
	assert.Equal(t, 12, loc.Region.StartLine)
	assert.Equal(t, 2, loc.Region.StartColumn)
	assert.NotEmpty(t, res.PartialFingerprints["primaryLocationLineHash"])

	validateSARIF(t, raw)
}

// TestSARIFFingerprintsStable checks that moving a finding by inserting
// unrelated lines above it keeps its fingerprint.
func TestSARIFFingerprintsStable(t *testing.T) {
	dir := copyFixture(t)
	before, _ := sarif(t, dir, "./sig")
	file := filepath.Join(dir, "sig", "sig.go")
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	moved := strings.Replace(string(src), "func Wait() {", "// An unrelated comment.\n//\n// It moves the finding down.\nfunc Wait() {", 1)
	require.NoError(t, os.WriteFile(file, []byte(moved), 0o644))
	after, _ := sarif(t, dir, "./sig")

	b, a := before.Runs[0].Results[0], after.Runs[0].Results[0]
	assert.Equal(t, b.Locations[0].PhysicalLocation.Region.StartLine+3, a.Locations[0].PhysicalLocation.Region.StartLine)
	assert.Equal(t, b.PartialFingerprints, a.PartialFingerprints)
}

// validateSARIF runs Microsoft's SARIF Multitool on the log, with GitHub's
// rules, when SARIF_MULTITOOL names it (.ci/run installs it from the npm
// registry); the log must produce no error.
func validateSARIF(t *testing.T, raw string) {
	tool := os.Getenv("SARIF_MULTITOOL")
	if tool == "" {
		t.Log("SARIF_MULTITOOL not set: the SARIF Multitool validation is skipped (make sarif-validate runs it)")
		return
	}
	file := filepath.Join(t.TempDir(), "out.sarif")
	require.NoError(t, os.WriteFile(file, []byte(raw), 0o644))
	out, err := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", file).CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.NotContains(t, string(out), ": error ", "the SARIF Multitool reports errors:\n%s", out)
	assert.Contains(t, string(out), "Analysis completed successfully", "%s", out)
	t.Logf("SARIF Multitool:\n%s", out)
}
