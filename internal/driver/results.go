package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// The JSON shapes of "go vet -json" (x/tools' analysis JSON output):
// a stream of objects {package ID: {analyzer: [diagnostic] | {"error": msg}}}.
type (
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
)

// A finding is one diagnostic of one analyzer.
type finding struct {
	Package  string
	Analyzer string
	jsonDiagnostic
	posn position
	URL  string
	Rule string // analyzer/slug for the suite's checks, the analyzer's name otherwise
}

type position struct {
	File      string
	Line, Col int
}

func (p position) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// parsePosition parses "file:line:col" (the file may contain colons).
func parsePosition(s string) position {
	var p position
	rest := s
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		if n, err := strconv.Atoi(rest[i+1:]); err == nil {
			if j := strings.LastIndexByte(rest[:i], ':'); j >= 0 {
				if l, err := strconv.Atoi(rest[j+1 : i]); err == nil {
					return position{File: rest[:j], Line: l, Col: n}
				}
			}
			p.Col = n
		}
	}
	p.File = s
	return p
}

// results are the merged findings and errors of a run.
type results struct {
	findings []*finding
	errors   []string
}

// parseVetJSON reads the stream of JSON trees go vet -json prints, one per
// package, and merges them. The same file is analysed more than once when a
// package is also compiled with its tests; such duplicates are dropped.
func parseVetJSON(r io.Reader, s Suite) (*results, error) {
	res := new(results)
	seen := make(map[string]bool)
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		for _, pkg := range sortedKeys(tree) {
			for _, name := range sortedKeys(tree[pkg]) {
				raw := tree[pkg][name]
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
					var e struct {
						Error string `json:"error"`
					}
					if err := json.Unmarshal(raw, &e); err != nil {
						return nil, err
					}
					res.errors = append(res.errors, fmt.Sprintf("%s: %s: %s", pkg, name, e.Error))
					continue
				}
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, err
				}
				for _, d := range diags {
					key := name + "\x00" + d.Posn + "\x00" + d.Message
					if seen[key] {
						continue
					}
					seen[key] = true
					f := &finding{Package: pkg, Analyzer: name, jsonDiagnostic: d, posn: parsePosition(d.Posn)}
					f.URL, f.Rule = s.findingURL(f), s.rule(f)
					res.findings = append(res.findings, f)
				}
			}
		}
	}
	sort.SliceStable(res.findings, func(i, j int) bool {
		a, b := res.findings[i].posn, res.findings[j].posn
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return res.findings[i].Analyzer < res.findings[j].Analyzer
	})
	return res, nil
}

// findingURL is the documentation address of a finding's check.
func (s Suite) findingURL(f *finding) string {
	if ch := s.check(f.Category); ch != nil && ch.Analyzer == f.Analyzer {
		return ch.URL
	}
	for _, a := range s.all(true) {
		if a.Name == f.Analyzer {
			return a.URL
		}
	}
	return ""
}

// rule is the identifier of a finding's check: analyzer/slug for the
// suite's checks, the analyzer's name for the bundled and vet analyzers.
func (s Suite) rule(f *finding) string {
	if ch := s.check(f.Category); ch != nil && ch.Analyzer == f.Analyzer {
		return f.Analyzer + "/" + f.Category
	}
	if f.Category == "ignore" || f.Category == InternalErrorCategory {
		return f.Analyzer + "/" + f.Category
	}
	return f.Analyzer
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
