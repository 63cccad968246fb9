package driver

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// The subset of SARIF 2.1.0 that shutdownlint writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Results            []sarifResult               `json:"results"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name,omitempty"`
		ShortDescription     sarifText          `json:"shortDescription"`
		FullDescription      sarifText          `json:"fullDescription"`
		Help                 sarifMarkdown      `json:"help"`
		HelpURI              string             `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           sarifProperties    `json:"properties"`
	}
	sarifConfiguration struct {
		Enabled bool   `json:"enabled"`
		Level   string `json:"level"`
	}
	sarifProperties struct {
		Tags      []string `json:"tags"`
		Precision string   `json:"precision"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifMarkdown struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifText            `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

const srcRoot = "%SRCROOT%"

// writeSARIF prints the findings as a SARIF 2.1.0 log: one rule per check
// of the suite (id analyzer/check) and per bundled analyzer, one result per
// finding, file locations relative to the working directory (%SRCROOT%), and
// partialFingerprints that do not change when unrelated lines move.
func (s Suite) writeSARIF(w io.Writer, findings []*finding, withVet bool) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	rules, index := s.sarifRules(findings, withVet)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           s.Name,
			Version:        sarifVersion(),
			InformationURI: "https://" + analysisutil.ModulePath,
			Rules:          rules,
		}},
		Results:            []sarifResult{},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(wd) + "/"}},
		ColumnKind:         "unicodeCodePoints",
	}
	lines := newLineCache()
	occurrences := make(map[string]int)
	for _, f := range findings {
		loc := sarifLoc(wd, lines, f.posn, parsePosition(f.End))
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     levelOf(f),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{loc},
		}
		for i, r := range f.Related {
			id := i + 1
			rl := sarifLoc(wd, lines, parsePosition(r.Posn), parsePosition(r.End))
			rl.ID, rl.Message = &id, &sarifText{Text: r.Message}
			res.RelatedLocations = append(res.RelatedLocations, rl)
		}
		key := fingerprintKey(f, loc.PhysicalLocation.ArtifactLocation.URI, lines.line(f.posn.File, f.posn.Line))
		occurrences[key]++
		fp := fmt.Sprintf("%s:%d", key, occurrences[key])
		res.PartialFingerprints = map[string]string{"primaryLocationLineHash": fp}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifRules returns the rules of every check and analyzer that can report,
// and the index of each rule id.
func (s Suite) sarifRules(findings []*finding, withVet bool) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := make(map[string]int)
	add := func(r sarifRule) {
		if _, ok := index[r.ID]; !ok {
			index[r.ID] = len(rules)
			rules = append(rules, r)
		}
	}
	for _, c := range s.Catalogs {
		for _, ch := range c.Checks {
			add(sarifRule{
				ID:                   c.Analyzer + "/" + ch.Slug,
				Name:                 ruleName(ch.Slug),
				ShortDescription:     sarifText{Text: ch.Summary},
				FullDescription:      sarifText{Text: firstParagraph(ch.Text)},
				Help:                 sarifMarkdown{Text: ch.Text, Markdown: docMarkdown(ch.Text)},
				HelpURI:              ch.URL,
				DefaultConfiguration: sarifConfiguration{Enabled: ch.Default, Level: "warning"},
				Properties:           sarifProperties{Tags: []string{"shutdown", c.Analyzer}, Precision: "high"},
			})
		}
		add(sarifRule{
			ID:                   c.Analyzer + "/" + analysisutil.IgnoreCategory,
			Name:                 ruleName(c.Analyzer + "-ignore"),
			ShortDescription:     sarifText{Text: "malformed or unused //shutdownlint:ignore directive"},
			FullDescription:      sarifText{Text: "A //shutdownlint:ignore directive has no reason, names an unknown check, or suppresses nothing."},
			Help:                 sarifMarkdown{Text: "See " + analysisutil.IgnoreURL, Markdown: "See [suppressing findings](" + analysisutil.IgnoreURL + ")."},
			HelpURI:              analysisutil.IgnoreURL,
			DefaultConfiguration: sarifConfiguration{Enabled: true, Level: "warning"},
			Properties:           sarifProperties{Tags: []string{"shutdownlint"}, Precision: "very-high"},
		})
	}
	analyzers := s.all(withVet)
	for _, a := range analyzers {
		if s.catalog(a.Name) == nil {
			add(analyzerRule(a))
		}
	}
	for _, f := range findings {
		if _, ok := index[f.Rule]; !ok {
			add(sarifRule{ // an analyzer's internal error, or an analyzer not known to the suite
				ID:                   f.Rule,
				ShortDescription:     sarifText{Text: f.Rule},
				FullDescription:      sarifText{Text: f.Rule},
				Help:                 sarifMarkdown{Text: f.Rule, Markdown: f.Rule},
				DefaultConfiguration: sarifConfiguration{Enabled: true, Level: "error"},
				Properties:           sarifProperties{Tags: []string{"shutdownlint"}, Precision: "high"},
			})
		}
	}
	return rules, index
}

func analyzerRule(a *analysis.Analyzer) sarifRule {
	summary, _, _ := strings.Cut(a.Doc, "\n")
	return sarifRule{
		ID:                   a.Name, // a name equal to the id is omitted, as SARIF asks
		ShortDescription:     sarifText{Text: summary},
		FullDescription:      sarifText{Text: firstParagraph(a.Doc)},
		Help:                 sarifMarkdown{Text: a.Doc, Markdown: docMarkdown(a.Doc)},
		HelpURI:              a.URL,
		DefaultConfiguration: sarifConfiguration{Enabled: true, Level: "warning"},
		Properties:           sarifProperties{Tags: []string{"go-vet", a.Name}, Precision: "high"},
	}
}

// sarifVersion is the module version without its "v", numeric as SARIF
// consumers expect ("0.0.0-devel" for a build outside a released module).
func sarifVersion() string {
	v := version()
	if v == "(devel)" {
		return "0.0.0-devel"
	}
	return strings.TrimPrefix(v, "v")
}

func levelOf(f *finding) string {
	if f.Category == InternalErrorCategory {
		return "error"
	}
	return "warning"
}

// ruleName turns a slug into the PascalCase name SARIF viewers show.
func ruleName(slug string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func firstParagraph(text string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(text), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

// docMarkdown renders a doc comment text as Markdown: tab-indented blocks
// become fenced Go code.
func docMarkdown(text string) string {
	var b strings.Builder
	inCode := false
	for _, line := range strings.Split(text, "\n") {
		code := strings.HasPrefix(line, "\t")
		if code && !inCode {
			b.WriteString("```go\n")
			inCode = true
		} else if !code && inCode && line != "" {
			b.WriteString("```\n")
			inCode = false
		}
		if inCode {
			line = strings.TrimPrefix(line, "\t")
		} else if h, ok := strings.CutPrefix(line, "# "); ok {
			line = "### " + h
		}
		b.WriteString(line + "\n")
	}
	if inCode {
		b.WriteString("```\n")
	}
	return strings.TrimSpace(b.String())
}

// sarifLoc is the location of a finding: the file relative to %SRCROOT%
// when it lies below the working directory, and the region with columns in
// Unicode code points (Go's columns count bytes).
func sarifLoc(wd string, lines *lineCache, start, end position) sarifLocation {
	uri := fileURI(start.File)
	base := ""
	if rel := relPath(wd, start.File); rel != start.File {
		uri, base = filepath.ToSlash(rel), srcRoot
	}
	region := sarifRegion{StartLine: max(start.Line, 1)}
	if start.Col > 0 {
		region.StartColumn = lines.codePoints(start.File, start.Line, start.Col)
	}
	if end.File == start.File && end.Line >= start.Line && end.Col > 0 && (end.Line > start.Line || end.Col > start.Col) {
		region.EndLine = end.Line
		region.EndColumn = lines.codePoints(end.File, end.Line, end.Col)
	}
	return sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLoc{URI: uri, URIBaseID: base},
		Region:           region,
	}}
}

func fileURI(path string) string {
	return "file://" + filepath.ToSlash(path)
}

// digits are replaced in fingerprinted messages: messages quote line
// numbers ("f.Close (line 12)") that move with unrelated edits.
var digits = regexp.MustCompile(`[0-9]+`)

// fingerprintKey identifies a finding independently of its line number: the
// rule, the file, the message without numbers and the text of the flagged
// line without surrounding space. Identical keys in a file are numbered by
// occurrence.
func fingerprintKey(f *finding, uri, lineText string) string {
	h := sha256.New()
	for _, part := range []string{f.Rule, uri, digits.ReplaceAllString(f.Message, "N"), strings.TrimSpace(lineText)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// lineCache reads the lines of the files findings point into.
type lineCache struct{ files map[string][]string }

func newLineCache() *lineCache { return &lineCache{files: make(map[string][]string)} }

func (c *lineCache) line(file string, n int) string {
	lines, ok := c.files[file]
	if !ok {
		if f, err := os.Open(file); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			_ = f.Close() // read-only: nothing to lose
		}
		c.files[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// codePoints converts a 1-based byte column of a line into a 1-based column
// in Unicode code points.
func (c *lineCache) codePoints(file string, line, col int) int {
	text := c.line(file, line)
	if col-1 > len(text) {
		return col
	}
	return utf8.RuneCountInString(text[:col-1]) + 1
}
