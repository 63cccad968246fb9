package signalnotify

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestIsNonUnixFile(t *testing.T) {
	for _, tc := range []struct {
		name, build string
		want        bool
	}{
		{"main.go", "", false},
		{"signal_windows.go", "", true},
		{"signal_windows_amd64.go", "", true},
		{"signal_plan9.go", "", true},
		{"signal_plan9_386_test.go", "", true},
		{"signal_js_wasm.go", "", true},
		{"signal_linux.go", "", false},
		{"signal_darwin_arm64.go", "", false},
		{"windows.go", "", false}, // a name alone is no constraint
		{"signal_unix.go", "", false},
		{"signal_windows.go", "//go:build linux", true}, // the name decides first, as go/build reads both
		{"a.go", "//go:build windows", true},
		{"a.go", "//go:build windows || plan9", true},
		{"a.go", "//go:build windows && !cgo", true},
		{"a.go", "//go:build !unix", true},
		{"a.go", "//go:build js && wasm", true},
		{"a.go", "//go:build unix", false},
		{"a.go", "//go:build !windows", false},
		{"a.go", "//go:build !linux", false}, // darwin
		{"a.go", "//go:build windows || darwin", false},
		{"a.go", "//go:build amd64 && (windows || custom)", false}, // custom tag on Linux
		{"a.go", "//go:build ios", false},
		{"a.go", "//go:build android && !linux", true}, // android implies linux
		{"a.go", "// +build windows", true},
		{"a.go", "// +build windows plan9", true},
		{"a.go", "// +build windows\n// +build !plan9", true},
		{"a.go", "// +build linux windows", false},
	} {
		src := tc.build + "\n\npackage p\n"
		f, err := parser.ParseFile(token.NewFileSet(), tc.name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := isNonUnixFile(tc.name, f); got != tc.want {
			t.Errorf("isNonUnixFile(%s, %q) = %v, want %v", tc.name, tc.build, got, tc.want)
		}
	}
}

func TestSigSetString(t *testing.T) {
	var s sigSet
	s.add(sigterm)
	s.add(sigint)
	s.add(sigint)
	if got, want := s.String(), "{SIGINT, SIGTERM}"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := s.termNames(), "SIGINT and SIGTERM"; got != want {
		t.Errorf("termNames() = %q, want %q", got, want)
	}
	s.union(sigSet{All: true, Unknown: true})
	if got, want := s.String(), "{SIGINT, SIGTERM, all, unknown}"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if !s.mayHave("SIGHUP") || !(sigSet{Unknown: true}).mayHave(sigterm) || (sigSet{Unknown: true}).has(sigterm) {
		t.Error("mayHave/has disagree with the set")
	}
}
