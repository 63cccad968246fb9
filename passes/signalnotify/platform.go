package signalnotify

import (
	"go/ast"
	"go/build/constraint"
	"path/filepath"
	"strings"
)

// unixOS are the GOOS values of Unix systems, where supervisors stop a
// process with SIGTERM; knownOS are all GOOS values (from go/build).
var (
	unixOS = []string{
		"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
		"ios", "linux", "netbsd", "openbsd", "solaris",
	}
	knownOS = setOf(
		"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
		"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
	)
	knownArch = setOf(
		"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
		"mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
		"riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
	)
	// impliedOS are the GOOS tags another GOOS also satisfies.
	impliedOS = map[string]string{"android": "linux", "ios": "darwin", "illumos": "solaris"}
)

func setOf(elems ...string) map[string]bool {
	m := make(map[string]bool, len(elems))
	for _, e := range elems {
		m[e] = true
	}
	return m
}

// isNonUnixFile reports whether the file named filename, with syntax f, is
// built for no Unix system: Windows, Plan 9, js or wasip1 only, by its name
// (x_windows.go, x_plan9_386.go) or its build constraint (//go:build windows).
func isNonUnixFile(filename string, f *ast.File) bool {
	if goos := fileNameOS(filepath.Base(filename)); goos != "" {
		return !isUnixOS(goos)
	}
	expr := buildConstraint(f)
	if expr == nil {
		return false
	}
	for _, goos := range unixOS {
		if satisfiable(expr, goos) {
			return false
		}
	}
	return true
}

func isUnixOS(goos string) bool {
	for _, u := range unixOS {
		if u == goos {
			return true
		}
	}
	return false
}

// fileNameOS returns the GOOS a file name restricts the file to, as go/build
// reads it (name_GOOS.go, name_GOOS_GOARCH.go, with an optional _test), or "".
func fileNameOS(name string) string {
	name = strings.TrimSuffix(name, ".go")
	name = strings.TrimSuffix(name, "_test")
	i := strings.Index(name, "_")
	if i < 0 {
		return ""
	}
	parts := strings.Split(name[i:], "_")
	n := len(parts)
	if n >= 2 && knownOS[parts[n-2]] && knownArch[parts[n-1]] {
		return parts[n-2]
	}
	if n >= 1 && knownOS[parts[n-1]] {
		return parts[n-1]
	}
	return ""
}

// buildConstraint returns the file's build constraint: its //go:build line,
// or the conjunction of its // +build lines, or nil.
func buildConstraint(f *ast.File) constraint.Expr {
	var plus constraint.Expr
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			switch {
			case constraint.IsGoBuild(c.Text):
				if x, err := constraint.Parse(c.Text); err == nil {
					return x
				}
			case constraint.IsPlusBuild(c.Text):
				if x, err := constraint.Parse(c.Text); err == nil {
					if plus == nil {
						plus = x
					} else {
						plus = &constraint.AndExpr{X: plus, Y: x}
					}
				}
			}
		}
	}
	return plus
}

// maxFreeTags bounds the tags other than GOOS ones whose values
// satisfiable tries; beyond it the constraint is taken as satisfiable.
const maxFreeTags = 12

// satisfiable reports whether expr holds for GOOS goos with some setting of
// the tags that do not name a GOOS (GOARCH, cgo, go1.N, custom tags).
func satisfiable(expr constraint.Expr, goos string) bool {
	osTag := func(tag string) (val, isOS bool) {
		switch {
		case tag == goos, tag == impliedOS[goos], tag == "unix":
			return true, true
		case knownOS[tag]:
			return false, true
		}
		return false, false
	}
	var free []string
	seen := make(map[string]bool)
	expr.Eval(func(tag string) bool {
		if _, isOS := osTag(tag); !isOS && !seen[tag] {
			seen[tag] = true
			free = append(free, tag)
		}
		return false
	})
	if len(free) > maxFreeTags {
		return true
	}
	for mask := 0; mask < 1<<len(free); mask++ {
		ok := expr.Eval(func(tag string) bool {
			if v, isOS := osTag(tag); isOS {
				return v
			}
			for i, t := range free {
				if t == tag {
					return mask&(1<<i) != 0
				}
			}
			return false
		})
		if ok {
			return true
		}
	}
	return false
}
