package signalnotify

import (
	"bytes"
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// importName returns the name under which file imports path, or "" when
// it does not import it, or imports it as _ or with a dot.
func importName(file *ast.File, path string) string {
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name == nil {
			return path[strings.LastIndex(path, "/")+1:]
		}
		if spec.Name.Name != "_" && spec.Name.Name != "." {
			return spec.Name.Name
		}
	}
	return ""
}

// addImport returns the edit that adds the standard library package path
// to the imports of file: in sorted position among the standard imports of
// the first parenthesized import declaration, or as a new declaration
// after the last one.
func addImport(pass *analysis.Pass, file *ast.File, path string) (analysis.TextEdit, bool) {
	quoted := strconv.Quote(path)
	var last *ast.GenDecl
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		last = gd
		if !gd.Lparen.IsValid() {
			continue
		}
		var lastStd ast.Spec
		for _, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(spec.Path.Value)
			if !analysisutil.IsStdPath(pass, p) {
				continue
			}
			if p > path {
				return analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(quoted + "\n\t")}, true
			}
			lastStd = spec
		}
		if lastStd != nil {
			return analysis.TextEdit{Pos: lastStd.End(), End: lastStd.End(), NewText: []byte("\n\t" + quoted)}, true
		}
		if len(gd.Specs) > 0 {
			pos := gd.Specs[0].Pos()
			return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(quoted + "\n\n\t")}, true
		}
	}
	if last == nil {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\nimport " + quoted)}, true
}

// lineIndent returns the white space that starts the line of pos.
func lineIndent(pass *analysis.Pass, pos token.Pos) (string, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return "", false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return "", false
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := tf.Offset(pos)
	prefix := src[start:end]
	if len(bytes.TrimLeft(prefix, " \t")) != 0 {
		return "", false
	}
	return string(prefix), true
}

// wholeLines returns the range of the lines of node n, newline included,
// when n is alone on them (but for a trailing comment, which goes too).
func wholeLines(pass *analysis.Pass, n ast.Node) (token.Pos, token.Pos, bool) {
	tf := pass.Fset.File(n.Pos())
	if tf == nil {
		return 0, 0, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return 0, 0, false
	}
	if _, ok := lineIndent(pass, n.Pos()); !ok {
		return 0, 0, false
	}
	start := tf.LineStart(tf.Line(n.Pos()))
	endOff := tf.Offset(n.End())
	rest := src[endOff:]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		nl = len(rest)
	} else {
		nl++
	}
	tail := bytes.TrimSpace(rest[:nl])
	if len(tail) != 0 && !bytes.HasPrefix(tail, []byte("//")) {
		return 0, 0, false
	}
	return start, tf.Pos(endOff + nl), true
}

// afterLine returns the position where the line after the one of pos
// starts: code inserted there follows the line's trailing comment.
func afterLine(pass *analysis.Pass, pos token.Pos) (token.Pos, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil || tf.Line(pos) >= tf.LineCount() {
		return token.NoPos, false
	}
	return tf.LineStart(tf.Line(pos) + 1), true
}
