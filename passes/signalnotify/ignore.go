package signalnotify

// checkIgnored reports signal.Ignore of SIGINT or SIGTERM, or of every
// signal, unless the same function re-enables them (signal.Reset, or a
// registration of the same signals), which makes the ignoring temporary.
//
//	signal.Ignore(syscall.SIGTERM)
func (pi *pkgInfo) checkIgnored() {
	for _, c := range pi.calls {
		if c.name != "Ignore" || c.test || !c.sigs.hasTermination() || pi.reenabled(c) {
			continue
		}
		what := "ignores " + c.sigs.termNames()
		if c.sigs.All {
			what = "with no signals ignores every signal, SIGINT and SIGTERM included"
		}
		pi.r.Reportf("ignored-termination-signal", c.call,
			"%s %s: the process can no longer be stopped gracefully, and supervisors kill it after their grace period",
			c.funcName(), what)
	}
}

// reenabled reports whether the function of the Ignore call ig also calls
// signal.Reset, or registers one of the termination signals ig ignores.
func (pi *pkgInfo) reenabled(ig *sigCall) bool {
	fc, ok := enclosingFunc(ig.cur)
	if !ok {
		return false
	}
	for _, o := range pi.calls {
		if o == ig || !fc.Contains(o.cur) {
			continue
		}
		if o.name == "Reset" {
			return true
		}
		if o.isRegistration() {
			for _, n := range []string{sigint, sigterm} {
				if ig.sigs.has(n) && o.sigs.mayHave(n) {
					return true
				}
			}
		}
	}
	return false
}
