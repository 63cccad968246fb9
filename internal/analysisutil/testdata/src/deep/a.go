package deep

func deep() {}

func reported() {
	deep() // want "call of deep"
}

func unused() {
	// want +1 "directive suppresses no deep-exit finding"
	//shutdownlint:ignore deep-exit nothing to suppress once the check is on
	println()
}
