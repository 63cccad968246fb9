package signalnotify_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/signalnotify"
	"golang.org/x/tools/go/analysis/analysistest"
)

var (
	a   = signalnotify.Analyzer
	cat = signalnotify.Catalog
)

// TestAnalyzer runs every test package and checks that every check has a
// positive case and complete documentation.
func TestAnalyzer(t *testing.T) {
	var all [][]*analysistest.Result
	run := func(name string, fixes bool, pkgs ...string) {
		t.Run(name, func(t *testing.T) {
			if fixes {
				all = append(all, lintest.RunWithSuggestedFixes(t, a, cat, pkgs...))
			} else {
				all = append(all, lintest.Run(t, a, cat, pkgs...))
			}
		})
	}
	run("missing-sigterm/fixes", true, "sigterm")
	run("missing-sigterm", false, "sigtermall", "sigtermunknown", "sigtermconst", "sigtermlocal", "sigtermtest",
		"platform", "platformsigterm")
	run("facts", false, "lib", "libuser", "libmid", "libtop", "intlib", "intuser", "sigvals", "sigvalsuser")
	run("untrappable-signal", true, "untrappable")
	run("signal-never-received", false, "neverreceived")
	run("notify-without-stop/fixes", true, "withoutstop")
	run("notify-without-stop", false, "withoutstopmain")
	run("close-notified-channel", true, "closenotified")
	run("notifycontext-stop-discarded", false, "stopdiscarded")
	run("ignored-termination-signal", false, "ignored")
	run("notify-in-goroutine", false, "goroutine", "goroutinelib")
	run("close-in-signal-loop", false, "closeloop")
	run("typeparams", false, "typeparams")
	run("realworld", false, "realworld")
	lintest.CheckCovered(t, cat, all...)
}

// TestWindowsBuild analyses a package for Windows: files built only for
// Windows or Plan 9 are not reported, and a Unix file's SIGTERM does not
// count.
func TestWindowsBuild(t *testing.T) {
	t.Setenv("GOOS", "windows")
	t.Setenv("GOARCH", "amd64")
	lintest.Run(t, a, cat, "platformwin")
}

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, cat)
}
