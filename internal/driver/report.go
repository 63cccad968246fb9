package driver

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// report prints the findings in the chosen format, applies or shows fixes,
// and returns the exit status as an exitError (nil for a clean run).
func (s Suite) report(e env, opts *options, res *results) error {
	findings := res.findings
	if opts.fix || opts.diff {
		fixed, err := s.applyFixes(e, opts, res.findings)
		if err != nil {
			res.errors = append(res.errors, err.Error())
		}
		if opts.fix {
			findings = unfixed(res.findings, fixed)
		}
	}
	if !opts.diff {
		var err error
		switch opts.format {
		case "json":
			err = writeJSON(e, findings)
		case "sarif":
			err = s.writeSARIF(e.stdout, findings, opts.vet)
		default:
			s.writeText(e, findings)
		}
		if err != nil {
			return err
		}
	}
	for _, msg := range res.errors {
		fmt.Fprintf(e.stderr, "%s: %s\n", s.Name, msg)
	}
	internal := false
	for _, f := range res.findings {
		internal = internal || f.Category == InternalErrorCategory
	}
	switch {
	case len(res.errors) > 0 || internal:
		return exitError(ExitError)
	case len(findings) > 0:
		return exitError(ExitFindings)
	}
	return nil
}

// writeText prints one line per finding, file names relative to the
// working directory, then a summary on stderr.
func (s Suite) writeText(e env, findings []*finding) {
	wd, _ := os.Getwd()
	fixable := 0
	for _, f := range findings {
		fmt.Fprintf(e.stdout, "%s: %s (%s)\n", relPosition(wd, f.posn), f.Message, f.Rule)
		if len(f.SuggestedFixes) > 0 {
			fixable++
		}
	}
	if len(findings) == 0 {
		return
	}
	plural := "s"
	if len(findings) == 1 {
		plural = ""
	}
	fmt.Fprintf(e.stderr, "%d finding%s", len(findings), plural)
	if fixable > 0 {
		fmt.Fprintf(e.stderr, ", %d with a suggested fix (-diff shows them, -fix applies them)", fixable)
	}
	fmt.Fprintf(e.stderr, "; %s -explain <check> documents a check\n", s.Name)
}

func relPosition(wd string, p position) string {
	p.File = relPath(wd, p.File)
	return p.String()
}

// relPath returns file relative to wd when it lies below wd.
func relPath(wd, file string) string {
	if wd != "" {
		if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return file
}

// writeJSON prints the findings in the x/tools JSON shape, merged into one
// tree: {package: {analyzer: [diagnostic]}}; errors go under "error" keys.
func writeJSON(e env, findings []*finding) error {
	tree := make(map[string]map[string]any)
	add := func(pkg, analyzer string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = make(map[string]any)
		}
		tree[pkg][analyzer] = v
	}
	lists := make(map[[2]string][]jsonDiagnostic)
	for _, f := range findings {
		k := [2]string{f.Package, f.Analyzer}
		lists[k] = append(lists[k], f.jsonDiagnostic)
	}
	for k, list := range lists {
		add(k[0], k[1], list)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", data)
	return err
}

// unfixed returns the findings whose fix was not applied.
func unfixed(findings []*finding, fixed map[*finding]bool) []*finding {
	var rest []*finding
	for _, f := range findings {
		if !fixed[f] {
			rest = append(rest, f)
		}
	}
	return rest
}
