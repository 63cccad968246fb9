package signalnotify_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/signalnotify"
)

var (
	a   = signalnotify.Analyzer
	cat = signalnotify.Catalog
)

// fixPackages have suggested fixes, compared with their .golden files.
var fixPackages = []string{
	"sigterm",       // missing-sigterm
	"sigintvals",    // missing-sigterm: SIGINT through constants and variables
	"untrappable",   // untrappable-signal
	"withoutstop",   // notify-without-stop
	"closenotified", // close-notified-channel
}

// packages are the other test packages, loaded together (each load
// type-checks the standard library from source).
var packages = []string{
	// missing-sigterm: every signal, unknown signals, constants, locals,
	// test files, per-OS files.
	"sigtermall", "sigtermunknown", "sigtermconst", "sigtermlocal", "sigtermtest", "platform", "platformsigterm",
	// missing-sigterm: signal identity (unix, spread literals, variables).
	"sigtermunix", "sigtermspread", "sigtermvar",
	// Facts across packages: registrations and signal variables.
	"lib", "libuser", "libmid", "libtop", "intlib", "intuser", "sigvals", "sigvalsuser",
	"neverreceived",             // signal-never-received
	"withoutstopmain",           // notify-without-stop in package main
	"withoutstopescape",         // notify-without-stop: escaping channels
	"stopdiscarded",             // notifycontext-stop-discarded
	"ignored",                   // ignored-termination-signal
	"goroutine", "goroutinelib", // notify-in-goroutine
	"closeloop",  // close-in-signal-loop
	"typeparams", // generic code
	"realworld",  // minimised real-world cases
	"weird",      // unusual spellings
}

// TestAnalyzer runs every test package and checks that every check has a
// positive case.
func TestAnalyzer(t *testing.T) {
	fixed := lintest.RunWithSuggestedFixes(t, a, cat, fixPackages...)
	rest := lintest.Run(t, a, cat, packages...)
	lintest.CheckCovered(t, cat, fixed, rest)
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
