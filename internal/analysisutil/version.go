package analysisutil

import (
	"go/token"
	"go/version"

	"golang.org/x/tools/go/analysis"
)

// FileVersion returns the Go language version the type checker recorded for
// the file containing pos (e.g. "go1.22"), or "" when it is unknown.
func FileVersion(pass *analysis.Pass, pos token.Pos) string {
	f := File(pass, pos)
	if f == nil || pass.TypesInfo.FileVersions == nil {
		return ""
	}
	return pass.TypesInfo.FileVersions[f]
}

// AtLeastGo reports whether the file containing pos is at language version
// v (e.g. "go1.22") or later. known is false when the version is unknown;
// callers then stay silent.
func AtLeastGo(pass *analysis.Pass, pos token.Pos, v string) (ok, known bool) {
	fv := FileVersion(pass, pos)
	if !version.IsValid(fv) {
		return false, false
	}
	return version.Compare(fv, v) >= 0, true
}
