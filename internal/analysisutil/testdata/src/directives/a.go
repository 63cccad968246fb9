package directives

func exit() {}
func deep() {}

func reported() {
	exit() // want "call of exit"
	deep() // not reported: deep-exit is opt-in and off
}

func suppressedSameLine() {
	exit() //shutdownlint:ignore exit-skips-defer the test wants it
}

func suppressedLineAbove() {
	//shutdownlint:ignore exit-skips-defer the test wants it
	exit()
}

func onlyTheNextLine() {
	//shutdownlint:ignore exit-skips-defer the test wants it
	exit()
	exit() // want "call of exit"
}

func otherCheckDoesNotSuppress() {
	//shutdownlint:ignore missing-sigterm owned by another analyzer, which reports it if unused
	exit() // want "call of exit"
}

func severalSlugs() {
	//shutdownlint:ignore missing-sigterm,exit-skips-defer both named
	exit()
}

func noReason() {
	// want +1 "directive needs a reason after exit-skips-defer"
	//shutdownlint:ignore exit-skips-defer
	exit()
}

func unused() {
	// want +1 "directive suppresses no exit-skips-defer finding"
	//shutdownlint:ignore exit-skips-defer nothing here to suppress
	println()
}

func unknownSlug() {
	// want +1 `names unknown check "no-such-check"`
	//shutdownlint:ignore no-such-check,exit-skips-defer a typo in the first slug
	exit()
}

func noSlug() {
	// want +1 "directive names no check"
	//shutdownlint:ignore
	println()
}

func optInOffIsNotUnused() {
	//shutdownlint:ignore deep-exit the check is off, so the directive is not reported as unused
	println()
}

func notADirective() {
	//shutdownlint:ignored-not-a-directive
	// shutdownlint:ignore with a space is an ordinary comment
	exit() // want "call of exit"
}
