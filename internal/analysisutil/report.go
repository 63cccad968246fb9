package analysisutil

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A Reporter reports the diagnostics of one pass. It sets each diagnostic's
// URL from its Category (the check slug), drops diagnostics of disabled
// checks and in generated files, applies //shutdownlint:ignore directives,
// and (in Finish) reports the directives that are malformed or unused.
type Reporter struct {
	Pass    *analysis.Pass
	Catalog *Catalog
	dirs    *Directives
	used    map[*Directive]map[string]bool
}

// NewReporter returns the Reporter of pass, whose analyzer must require
// DirectivesAnalyzer. Call Finish when the pass is done.
func NewReporter(pass *analysis.Pass, catalog *Catalog) *Reporter {
	dirs, _ := pass.ResultOf[DirectivesAnalyzer].(*Directives)
	if dirs == nil {
		panic(fmt.Sprintf("analyzer %s must require analysisutil.DirectivesAnalyzer", pass.Analyzer.Name))
	}
	return &Reporter{Pass: pass, Catalog: catalog, dirs: dirs, used: make(map[*Directive]map[string]bool)}
}

// Enabled reports whether the check slug is on: on by default, or opted in
// through its analyzer flag.
func (r *Reporter) Enabled(slug string) bool {
	ch := r.mustCheck(slug)
	return ch.Default || r.flagSet(ch.Option)
}

func (r *Reporter) flagSet(name string) bool {
	if name == "" {
		return false
	}
	f := r.Pass.Analyzer.Flags.Lookup(name)
	return f != nil && f.Value.String() == "true"
}

func (r *Reporter) mustCheck(slug string) *Check {
	ch := r.Catalog.Check(slug)
	if ch == nil {
		panic(fmt.Sprintf("analyzer %s has no check %q", r.Catalog.Analyzer, slug))
	}
	return ch
}

// Reportf reports a diagnostic of check slug over rng.
func (r *Reporter) Reportf(slug string, rng analysis.Range, format string, args ...any) {
	r.Report(analysis.Diagnostic{
		Pos:      rng.Pos(),
		End:      rng.End(),
		Category: slug,
		Message:  fmt.Sprintf(format, args...),
	})
}

// Report reports d, whose Category must be one of the catalog's slugs,
// unless the check is disabled, d lies in a generated file, or a directive
// suppresses it.
func (r *Reporter) Report(d analysis.Diagnostic) {
	ch := r.mustCheck(d.Category)
	if !r.Enabled(d.Category) || !d.Pos.IsValid() || r.dirs.IsGenerated(r.Pass.Fset, d.Pos) {
		return
	}
	if r.suppressed(d) {
		return
	}
	if d.URL == "" {
		d.URL = ch.URL
	}
	r.Pass.Report(d)
}

// suppressed reports whether a directive covers d, and records its use.
func (r *Reporter) suppressed(d analysis.Diagnostic) bool {
	hit := false
	for _, dir := range r.dirs.covering(r.Pass.Fset.Position(d.Pos)) {
		if slices.Contains(dir.Slugs, d.Category) {
			if r.used[dir] == nil {
				r.used[dir] = make(map[string]bool)
			}
			r.used[dir][d.Category] = true
			hit = true
		}
	}
	return hit
}

// Finish reports the directives that concern this analyzer and are
// malformed or suppress nothing. A directive without a reason still
// suppresses: one finding about it is enough.
func (r *Reporter) Finish() {
	for _, dir := range r.dirs.List {
		r.checkDirective(dir)
	}
}

func (r *Reporter) checkDirective(dir *Directive) {
	report := func(format string, args ...any) {
		r.Pass.Report(analysis.Diagnostic{
			Pos: dir.Pos, End: dir.End, Category: IgnoreCategory, URL: IgnoreURL,
			Message: fmt.Sprintf(format, args...),
		})
	}
	if len(dir.Slugs) == 0 {
		if r.Catalog.Analyzer == UnknownSlugOwner {
			report("//shutdownlint:ignore directive names no check; write //shutdownlint:ignore <check> <reason>")
		}
		return
	}
	var unknown []string
	for _, s := range dir.Slugs {
		if !IsKnownSlug(s) {
			unknown = append(unknown, s)
		}
	}
	if len(unknown) > 0 && r.Catalog.Analyzer == UnknownSlugOwner {
		report("//shutdownlint:ignore names unknown check %s (the checks are listed by shutdownlint help)", strings.Join(quoteAll(unknown), ", "))
	}
	first := ""
	for _, s := range dir.Slugs {
		if IsKnownSlug(s) {
			first = s
			break
		}
	}
	if dir.Reason == "" && first != "" && r.Catalog.Check(first) != nil {
		report("//shutdownlint:ignore directive needs a reason after %s", strings.Join(dir.Slugs, ","))
	}
	for _, s := range dir.Slugs {
		if r.Catalog.Check(s) != nil && r.Enabled(s) && !r.used[dir][s] {
			report("//shutdownlint:ignore directive suppresses no %s finding", s)
		}
	}
}

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return q
}

// File returns the syntax tree of the pass's file that contains pos, or nil.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
