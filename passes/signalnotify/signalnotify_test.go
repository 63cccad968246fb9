package signalnotify_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/signalnotify"
)

func TestMissingSigterm(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, signalnotify.Analyzer, signalnotify.Catalog, "sigterm")
	lintest.Run(t, signalnotify.Analyzer, signalnotify.Catalog,
		"lib", "libuser", "libmid", "libtop", "intlib", "intuser", "sigvals", "sigvalsuser",
		"sigtermall", "sigtermunknown", "sigtermconst", "sigtermlocal", "sigtermtest",
		"platform", "platformsigterm")
}

// TestWindowsBuild analyses a package for Windows: files built only for
// Windows or Plan 9 are not reported, and a Unix file's SIGTERM does not
// count.
func TestWindowsBuild(t *testing.T) {
	t.Setenv("GOOS", "windows")
	t.Setenv("GOARCH", "amd64")
	lintest.Run(t, signalnotify.Analyzer, signalnotify.Catalog, "platformwin")
}

func TestUntrappable(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, signalnotify.Analyzer, signalnotify.Catalog, "untrappable")
}

func TestSignalNeverReceived(t *testing.T) {
	lintest.Run(t, signalnotify.Analyzer, signalnotify.Catalog, "neverreceived")
}

func TestNotifyWithoutStop(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, signalnotify.Analyzer, signalnotify.Catalog, "withoutstop")
	lintest.Run(t, signalnotify.Analyzer, signalnotify.Catalog, "withoutstopmain")
}

func TestCloseNotifiedChannel(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, signalnotify.Analyzer, signalnotify.Catalog, "closenotified")
}

func TestNotifyContextStopDiscarded(t *testing.T) {
	lintest.Run(t, signalnotify.Analyzer, signalnotify.Catalog, "stopdiscarded")
}
