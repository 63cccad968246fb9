package analysisutil

import (
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IsStdPath reports whether the import path is a standard library
// package: no dot in its first element, and not a package of the module
// being analysed (a module may be named "myservice", without a dot).
func IsStdPath(pass *analysis.Pass, path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	if m := pass.Module; m != nil && m.Path != "" && (path == m.Path || strings.HasPrefix(path, m.Path+"/")) {
		return false
	}
	return true
}
