package driver

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// A fileEdit is one edit of one suggested fix in one file.
type fileEdit struct {
	jsonEdit
	f *finding
}

// applyFixes applies the first suggested fix of each finding, or with -diff
// prints what applying them would change. A file whose fixes overlap is left
// unchanged, as is a file the fixes would leave unparsable; the fixes that
// touch it are then not applied anywhere. Files are replaced atomically
// (written beside the original, then renamed over it). It returns the
// findings whose fix was applied.
func (s Suite) applyFixes(e env, opts *options, findings []*finding) (map[*finding]bool, error) {
	var fixes []*finding
	for _, f := range findings {
		if len(f.SuggestedFixes) > 0 && len(f.SuggestedFixes[0].Edits) > 0 {
			fixes = append(fixes, f)
		}
	}
	refused := make(map[string]string) // file -> why
	var plans map[string][]byte
	for {
		var err error
		plans, err = planFixes(fixes, refused)
		if err != nil {
			return nil, err
		}
		// A fix that touches a refused file is dropped everywhere.
		kept := fixes[:0:0]
		for _, f := range fixes {
			if !touchesAny(f, refused) {
				kept = append(kept, f)
			}
		}
		if len(kept) == len(fixes) {
			break
		}
		fixes = kept
	}

	var problems []string
	for _, file := range sortedKeys(refused) {
		problems = append(problems, refused[file])
	}
	applied := make(map[*finding]bool)
	for _, f := range fixes {
		applied[f] = true
	}
	wd, _ := os.Getwd()
	for _, file := range sortedKeys(plans) {
		old, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		if opts.diff {
			fmt.Fprint(e.stdout, unifiedDiff(relPath(wd, file), old, plans[file]))
			continue
		}
		if err := writeFileAtomic(file, plans[file]); err != nil {
			return nil, err
		}
	}
	if opts.fix && len(plans) > 0 {
		fmt.Fprintf(e.stderr, "%s: applied %d fixes to %d files\n", s.Name, len(applied), len(plans))
	}
	if len(problems) > 0 {
		return applied, fmt.Errorf("%s", strings.Join(problems, "\n"+s.Name+": "))
	}
	return applied, nil
}

func touchesAny(f *finding, files map[string]string) bool {
	for _, ed := range f.SuggestedFixes[0].Edits {
		if _, ok := files[ed.Filename]; ok {
			return true
		}
	}
	return false
}

// planFixes computes the new content of every file the fixes touch, and
// records in refused the files that cannot be fixed and why.
func planFixes(fixes []*finding, refused map[string]string) (map[string][]byte, error) {
	byFile := make(map[string][]fileEdit)
	for _, f := range fixes {
		for _, ed := range f.SuggestedFixes[0].Edits {
			byFile[ed.Filename] = append(byFile[ed.Filename], fileEdit{ed, f})
		}
	}
	plans := make(map[string][]byte)
	for file, edits := range byFile {
		if _, ok := refused[file]; ok {
			continue
		}
		old, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		edits = dedupEdits(edits)
		if a, b, ok := conflict(edits); ok {
			refused[file] = fmt.Sprintf("conflicting fixes in %s: %q (line %d) and %q (line %d); file left unchanged",
				file, a.f.SuggestedFixes[0].Message, a.f.posn.Line, b.f.SuggestedFixes[0].Message, b.f.posn.Line)
			continue
		}
		if last := edits[len(edits)-1]; last.End > len(old) {
			refused[file] = fmt.Sprintf("%s changed since it was analysed; file left unchanged", file)
			continue
		}
		updated, err := applyEdits(old, edits)
		if err != nil {
			refused[file] = fmt.Sprintf("fixes for %s would not leave valid Go (%v); file left unchanged", file, err)
			continue
		}
		plans[file] = updated
	}
	return plans, nil
}

// dedupEdits sorts edits by position and drops exact duplicates (two fixes
// adding the same import, one finding reported twice).
func dedupEdits(edits []fileEdit) []fileEdit {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].Start != edits[j].Start {
			return edits[i].Start < edits[j].Start
		}
		return edits[i].End < edits[j].End
	})
	out := edits[:0]
	for i, ed := range edits {
		if i > 0 && ed.jsonEdit == edits[i-1].jsonEdit {
			continue
		}
		out = append(out, ed)
	}
	return out
}

// conflict returns two edits of different fixes that overlap, or that insert
// different text at the same place (their order would be arbitrary).
func conflict(edits []fileEdit) (a, b fileEdit, ok bool) {
	for i := 1; i < len(edits); i++ {
		p, q := edits[i-1], edits[i]
		if p.f == q.f && p.End <= q.Start {
			continue
		}
		if p.End > q.Start || (p.Start == q.Start && p.End == q.End) || (p.Start == p.End && q.Start == q.End && p.Start == q.Start) {
			return p, q, true
		}
	}
	return a, b, false
}

// applyEdits applies sorted, non-overlapping edits to src. The result must
// parse; it is gofmt-ed when src was.
func applyEdits(src []byte, edits []fileEdit) ([]byte, error) {
	var b bytes.Buffer
	last := 0
	for _, ed := range edits {
		b.Write(src[last:ed.Start])
		b.WriteString(ed.New)
		last = ed.End
	}
	b.Write(src[last:])
	out := b.Bytes()
	if _, err := parser.ParseFile(token.NewFileSet(), "", out, parser.SkipObjectResolution); err != nil {
		return nil, err
	}
	if formatted, err := format.Source(src); err == nil && bytes.Equal(formatted, src) {
		if f, err := format.Source(out); err == nil {
			out = f
		}
	}
	return out, nil
}

// writeFileAtomic replaces file with data: written to a temporary file in
// the same directory, synced, then renamed over the original, keeping its
// permissions. A crash leaves either the old or the new file, never half.
func writeFileAtomic(file string, data []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".shutdownlint-*")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close() // the write error is the one to report
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close() // the sync error is the one to report
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), info.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
