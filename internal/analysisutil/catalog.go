package analysisutil

import (
	"fmt"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
)

// ModulePath is the import path of the shutdownlint module.
const ModulePath = "github.com/shutdownlint/shutdownlint"

// DocsBase is where the documentation of every package of the module is
// published; a pass's documentation is DocsBase + "/passes/" + name.
const DocsBase = "https://pkg.go.dev/" + ModulePath

// IgnoreCategory is the Category of diagnostics about //shutdownlint:ignore
// directives themselves (no reason given, nothing suppressed, unknown slug).
const IgnoreCategory = "ignore"

// IgnoreURL documents the suppression directive.
const IgnoreURL = DocsBase + "#hdr-Suppressing_findings"

// A Check is one check of an analyzer: the unit a user enables, disables and
// suppresses, and the Category of its diagnostics.
type Check struct {
	Slug    string // e.g. "exit-skips-defer"
	Default bool   // reported unless the analyzer is disabled
	// Option is the analyzer's boolean flag that enables an opt-in check
	// (Default false), e.g. "deep-exit" for -osexit.deep-exit. A default-on
	// check may name the flag that makes it stricter.
	Option string
	Since  string // the release that introduced the check, e.g. "v0.1.0"

	// Filled in from the pass's doc.go by MustCatalog.
	Analyzer string // name of the analyzer that owns the check
	Summary  string // one line, lower case, no period
	Text     string // the check's whole section of the package doc comment
	Wrong    string // the code block following "Wrong:"
	Right    string // the code block following "Right:"
	URL      string // the section's published address
}

// A Catalog is the documentation and the checks of one analyzer.
type Catalog struct {
	Analyzer string
	Summary  string // the analyzer's one-line summary
	Overview string // the analyzer's section, without its summary line
	Checks   []*Check
}

// MustCatalog parses the package doc comment of a pass's doc.go (src) and
// attaches each check's documentation. The doc comment has one section
// "# Analyzer NAME" whose first paragraph is "NAME: SUMMARY", and one section
// "# Check SLUG" per check whose first paragraph is "SLUG: SUMMARY" and that
// contains a "Wrong:" and a "Right:" example. It panics when a section is
// missing: that is a programming error caught by every test of the pass.
func MustCatalog(name, src string, checks ...Check) *Catalog {
	c, err := ParseCatalog(name, src, checks...)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseCatalog is MustCatalog returning its error.
func ParseCatalog(name, src string, checks ...Check) (*Catalog, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return nil, err
	}
	if f.Doc == nil {
		return nil, fmt.Errorf("%s: doc.go has no package doc comment", name)
	}
	sections := splitSections(f.Doc.Text())

	cat := &Catalog{Analyzer: name}
	body, ok := sections["Analyzer "+name]
	if !ok {
		return nil, fmt.Errorf("%s: doc.go has no %q section", name, "# Analyzer "+name)
	}
	if cat.Summary, cat.Overview, err = summary(name, body); err != nil {
		return nil, err
	}
	for i := range checks {
		ch := checks[i]
		body, ok := sections["Check "+ch.Slug]
		if !ok {
			return nil, fmt.Errorf("%s: doc.go has no %q section", name, "# Check "+ch.Slug)
		}
		if ch.Summary, _, err = summary(ch.Slug, body); err != nil {
			return nil, err
		}
		ch.Analyzer = name
		ch.Text = body
		ch.Wrong = codeAfter(body, "Wrong:")
		ch.Right = codeAfter(body, "Right:")
		ch.URL = cat.URL() + "#" + headingID("Check "+ch.Slug)
		cat.Checks = append(cat.Checks, &ch)
	}
	return cat, nil
}

// URL is the address of the analyzer's documentation.
func (c *Catalog) URL() string { return DocsBase + "/passes/" + c.Analyzer }

// Check returns the check with the given slug, or nil.
func (c *Catalog) Check(slug string) *Check {
	for _, ch := range c.Checks {
		if ch.Slug == slug {
			return ch
		}
	}
	return nil
}

// Doc is the text for analysis.Analyzer.Doc: the summary line, the overview
// and one line per check.
func (c *Catalog) Doc() string {
	var b strings.Builder
	b.WriteString(c.Summary)
	b.WriteString("\n\n")
	if c.Overview != "" {
		b.WriteString(c.Overview)
		b.WriteString("\n\n")
	}
	b.WriteString("Checks:\n")
	for _, ch := range c.Checks {
		state := "on"
		if !ch.Default {
			state = "off, enable with -" + c.Analyzer + "." + ch.Option
		}
		fmt.Fprintf(&b, "  %s (%s): %s\n", ch.Slug, state, ch.Summary)
	}
	return strings.TrimRight(b.String(), "\n")
}

// splitSections maps each "# Heading" of a doc comment's text to the text
// that follows it, up to the next heading.
func splitSections(text string) map[string]string {
	sections := make(map[string]string)
	var head string
	var body []string
	flush := func() {
		if head != "" {
			sections[head] = strings.TrimSpace(strings.Join(body, "\n"))
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if h, ok := strings.CutPrefix(line, "# "); ok {
			flush()
			head, body = strings.TrimSpace(h), nil
			continue
		}
		body = append(body, line)
	}
	flush()
	return sections
}

// summary splits a section into its "NAME: SUMMARY" first paragraph and the rest.
func summary(name, body string) (sum, rest string, err error) {
	first, rest, _ := strings.Cut(body, "\n\n")
	sum, ok := strings.CutPrefix(strings.Join(strings.Fields(first), " "), name+": ")
	if !ok || sum == "" {
		return "", "", fmt.Errorf("section of %s does not start with %q", name, name+": SUMMARY")
	}
	return sum, strings.TrimSpace(rest), nil
}

// codeAfter returns the indented code block that follows the line label in
// body, with its common indentation removed.
func codeAfter(body, label string) string {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != label {
			continue
		}
		var code []string
		for _, l := range lines[i+1:] {
			if l == "" {
				if len(code) > 0 {
					code = append(code, "")
				}
				continue
			}
			if !strings.HasPrefix(l, "\t") {
				break
			}
			code = append(code, strings.TrimPrefix(l, "\t"))
		}
		return strings.TrimRight(strings.Join(code, "\n"), "\n")
	}
	return ""
}

// headingID is the anchor pkg.go.dev and go doc give a "# text" heading.
func headingID(text string) string {
	h := &comment.Heading{Text: []comment.Text{comment.Plain(text)}}
	return h.DefaultID()
}
