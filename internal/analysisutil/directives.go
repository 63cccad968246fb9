package analysisutil

import (
	"go/ast"
	"go/token"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// directivePrefix starts a suppression comment:
//
//	//shutdownlint:ignore <slug>[,<slug>] <reason>
const directivePrefix = "//shutdownlint:ignore"

// A Directive is one //shutdownlint:ignore comment. It suppresses findings
// of its checks on its own line and on the line below it.
type Directive struct {
	Pos, End token.Pos
	Filename string
	Line     int
	Slugs    []string
	Reason   string
}

// Directives is the result of DirectivesAnalyzer: the suppression
// directives and the generated files of a package. It is shared by every
// pass and must not be modified.
type Directives struct {
	List      []*Directive
	generated map[*token.File]bool
	byLine    map[lineKey][]*Directive
}

type lineKey struct {
	filename string
	line     int
}

// DirectivesAnalyzer parses the //shutdownlint:ignore directives and finds
// the generated files of a package once, for all passes that require it.
var DirectivesAnalyzer = &analysis.Analyzer{
	Name:             "shutdownlintdirectives",
	Doc:              "collect //shutdownlint:ignore directives and generated files for the shutdownlint passes",
	URL:              IgnoreURL,
	Run:              runDirectives,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Directives](),
}

func runDirectives(pass *analysis.Pass) (any, error) {
	ds := &Directives{
		generated: make(map[*token.File]bool),
		byLine:    make(map[lineKey][]*Directive),
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if ast.IsGenerated(f) {
			ds.generated[tf] = true
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if d := parseDirective(pass.Fset, c); d != nil {
					ds.List = append(ds.List, d)
					key := lineKey{d.Filename, d.Line}
					ds.byLine[key] = append(ds.byLine[key], d)
				}
			}
		}
	}
	return ds, nil
}

// parseDirective returns the directive that comment c holds, or nil.
func parseDirective(fset *token.FileSet, c *ast.Comment) *Directive {
	rest, ok := strings.CutPrefix(c.Text, directivePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	posn := fset.Position(c.Pos())
	d := &Directive{Pos: c.Pos(), End: c.End(), Filename: posn.Filename, Line: posn.Line}
	fields := strings.Fields(rest)
	if len(fields) > 0 {
		for _, s := range strings.Split(fields[0], ",") {
			if s = strings.TrimSpace(s); s != "" {
				d.Slugs = append(d.Slugs, s)
			}
		}
		d.Reason = strings.Join(fields[1:], " ")
	}
	return d
}

// covering returns the directives that apply to a finding at posn: those on
// its line and on the line above.
func (ds *Directives) covering(posn token.Position) []*Directive {
	same := ds.byLine[lineKey{posn.Filename, posn.Line}]
	above := ds.byLine[lineKey{posn.Filename, posn.Line - 1}]
	if len(above) == 0 {
		return same
	}
	return append(append([]*Directive(nil), same...), above...)
}

// IsGenerated reports whether pos lies in a generated file
// ("// Code generated ... DO NOT EDIT.").
func (ds *Directives) IsGenerated(fset *token.FileSet, pos token.Pos) bool {
	return ds.generated[fset.File(pos)]
}
