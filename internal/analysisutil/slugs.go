package analysisutil

import "slices"

// UnknownSlugOwner is the analyzer that reports //shutdownlint:ignore
// directives naming no check or a check no analyzer has, so that such a
// directive is reported once and not by every pass.
const UnknownSlugOwner = "osexit"

// knownSlugs lists every check slug of the suite, sorted. A pass's analysis
// test only links that pass, so the suite's slugs cannot be collected at run
// time; TestKnownSlugs in the module root keeps this list equal to the
// checks of the registered analyzers.
var knownSlugs = []string{
	"close-in-signal-loop",
	"close-notified-channel",
	"deep-exit",
	"defer-captures-loop-var",
	"defer-in-loop",
	"detached-context",
	"exit-skips-defer",
	"goexit-in-main",
	"goroutine-escapes-recover",
	"goroutine-without-recover",
	"ignored-termination-signal",
	"main-returns-without-wait",
	"missing-sigterm",
	"notify-in-goroutine",
	"notify-without-stop",
	"notifycontext-stop-discarded",
	"parent-context-used",
	"recover-not-in-defer",
	"recovered-value-discarded",
	"server-closed-as-failure",
	"shutdown-with-done-context",
	"shutdown-without-deadline",
	"signal-never-received",
	"stale-context-capture",
	"uncancellable-loop",
	"unstoppable-server",
	"untrappable-signal",
}

// KnownSlugs returns every check slug of the suite, sorted.
func KnownSlugs() []string { return slices.Clone(knownSlugs) }

// IsKnownSlug reports whether s is the slug of a check of the suite.
func IsKnownSlug(s string) bool {
	_, ok := slices.BinarySearch(knownSlugs, s)
	return ok
}
