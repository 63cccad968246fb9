package osexit_test

import (
	"bytes"
	"go/format"
	"os"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// checkRawFixes applies the first suggested fix of every diagnostic of
// results to its file exactly as a driver does (identical edits of the same
// fix reported in several package variants merged, no import clean-up,
// unlike analysistest) and compares the gofmt-ed result with the file's
// .golden file. It catches a fix that leaves an unused import behind.
func checkRawFixes(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	type edit struct {
		start, end int
		text       string
	}
	byFile := make(map[string][]edit)
	for _, r := range results {
		fset := r.Action.Package.Fset
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			for _, e := range d.SuggestedFixes[0].TextEdits {
				tf := fset.File(e.Pos)
				ed := edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)}
				if !slices.Contains(byFile[tf.Name()], ed) {
					byFile[tf.Name()] = append(byFile[tf.Name()], ed)
				}
			}
		}
	}
	if len(byFile) == 0 {
		t.Error("no suggested fixes to check")
	}
	for file, edits := range byFile {
		slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		last := 0
		for _, e := range edits {
			if e.start < last {
				t.Fatalf("%s: overlapping edits", file)
			}
			out.Write(src[last:e.start])
			out.WriteString(e.text)
			last = e.end
		}
		out.Write(src[last:])
		got, err := format.Source(out.Bytes())
		if err != nil {
			t.Errorf("%s: fixed file does not parse: %v\n%s", file, err, out.Bytes())
			continue
		}
		golden, err := os.ReadFile(file + ".golden")
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if want, _ := format.Source(golden); !bytes.Equal(got, want) {
			t.Errorf("%s: applying the fixes as a driver does gives\n%s\nwant\n%s", file, got, want)
		}
	}
}
