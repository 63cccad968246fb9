package driver

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
)

// help prints the list of analyzers and checks, or the documentation of the
// analyzer or check named by args[0].
func (s Suite) help(e env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(e.stdout, "%s finds the bugs that break graceful shutdown of Go services.\n\n", s.Name)
		fmt.Fprintf(e.stdout, "Usage: %s [flags] packages...   (%s -h lists the flags)\n\n", s.Name, s.Name)
		fmt.Fprintln(e.stdout, "Analyzers and their checks (off: opt-in, enabled by the flag shown):")
		for _, c := range s.Catalogs {
			fmt.Fprintf(e.stdout, "\n  %s: %s\n", c.Analyzer, c.Summary)
			for _, ch := range c.Checks {
				state := ""
				if !ch.Default {
					state = fmt.Sprintf(" [off: -%s.%s]", c.Analyzer, ch.Option)
				}
				fmt.Fprintf(e.stdout, "    %-30s %s%s\n", ch.Slug, ch.Summary, state)
			}
		}
		fmt.Fprintln(e.stdout, "\nBundled from golang.org/x/tools:")
		for _, a := range s.Bundled {
			fmt.Fprintf(e.stdout, "  %-32s %s\n", a.Name, firstLine(a.Doc))
		}
		fmt.Fprintf(e.stdout, "\n%s help <analyzer|check> documents one of them.\n", s.Name)
		return ExitClean
	}
	if err := s.explain(e, args[0]); err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", s.Name, err)
		return ExitError
	}
	return ExitClean
}

// explain prints the documentation of a check, or of an analyzer with all
// its checks.
func (s Suite) explain(e env, name string) error {
	name = strings.TrimSpace(name)
	if _, slug, ok := strings.Cut(name, "/"); ok {
		name = slug // accept the analyzer/slug rule id of text and SARIF output
	}
	if ch := s.check(name); ch != nil {
		fmt.Fprint(e.stdout, formatCheck(ch))
		return nil
	}
	if c := s.catalog(name); c != nil {
		fmt.Fprintf(e.stdout, "%s: %s\n\n%s\n\nDocumentation: %s\n", c.Analyzer, c.Summary, c.Overview, c.URL())
		for _, ch := range c.Checks {
			fmt.Fprintf(e.stdout, "\n%s\n", strings.Repeat("-", 72))
			fmt.Fprint(e.stdout, formatCheck(ch))
		}
		return nil
	}
	for _, a := range s.all(true) {
		if a.Name == name {
			fmt.Fprintf(e.stdout, "%s (from golang.org/x/tools)\n\n%s\n\nDocumentation: %s\n", a.Name, a.Doc, a.URL)
			return nil
		}
	}
	return fmt.Errorf("no check or analyzer named %q (%s help lists them)", name, s.Name)
}

func formatCheck(ch *analysisutil.Check) string {
	state := "on by default"
	if !ch.Default {
		state = fmt.Sprintf("off by default; enable with -%s.%s", ch.Analyzer, ch.Option)
	}
	return fmt.Sprintf("%s/%s (%s, since %s)\n\n%s\n\nDocumentation: %s\n", ch.Analyzer, ch.Slug, state, ch.Since, ch.Text, ch.URL)
}

// version is the module version the binary was built from.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
