package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
)

// standalone analyses the packages named on the command line through
// "go vet -vettool" and prints the findings.
func (s Suite) standalone(e env) error {
	var opts options
	// The vet analyzers' flags are always declared, so that -vet with
	// -printf.funcs=... parses; they take effect only with -vet.
	fs := s.flagSet(&opts, s.all(true))
	if err := fs.Parse(e.args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			s.usage(e.stdout, fs)
			return nil
		}
		return fmt.Errorf("%w (see %s -h)", err, s.Name)
	}
	switch {
	case opts.version:
		fmt.Fprintln(e.stdout, s.Name, version())
		return nil
	case opts.explain != "":
		return s.explain(e, opts.explain)
	}
	switch opts.format {
	case "text", "json", "sarif":
	default:
		return fmt.Errorf("unknown -format %q (want text, json or sarif)", opts.format)
	}
	if opts.fix && opts.diff {
		return fmt.Errorf("-fix and -diff exclude each other: -diff shows what -fix would change")
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		return fmt.Errorf("no packages named (e.g. %s ./...)", s.Name)
	}
	for _, p := range patterns {
		if strings.HasPrefix(p, "-") {
			return fmt.Errorf("flag %s after the package patterns: flags come first", p)
		}
	}

	res, err := s.vet(e, &opts, patterns)
	if err != nil {
		return err
	}
	return s.report(e, &opts, res)
}

// vet runs go vet with this binary as its tool and collects the results.
func (s Suite) vet(e env, opts *options, patterns []string) (*results, error) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("the go command is needed and was not found in PATH")
	}
	args := []string{"vet", "-vettool=" + e.exe, "-json"}
	if opts.tags != "" {
		args = append(args, "-tags="+opts.tags)
	}
	if !opts.vet {
		args = append(args, "-vet=false")
	}
	args = append(args, opts.forward...)
	if salt := cacheSalt(gocmd, patterns, opts); salt != "" {
		args = append(args, "-cache-salt="+salt)
	}
	args = append(args, patterns...)

	cmd := exec.Command(gocmd, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), gcEnv()...)
	runErr := cmd.Run()

	res, perr := parseVetJSON(&stdout, s)
	if perr != nil {
		return nil, fmt.Errorf("reading go vet output: %w", perr)
	}
	res.errors = append(res.errors, goErrors(stderr.String(), runErr)...)
	if runErr != nil && len(res.errors) == 0 {
		var ee *exec.ExitError
		if !errors.As(runErr, &ee) {
			return nil, fmt.Errorf("running go vet: %w", runErr)
		}
		res.errors = append(res.errors, "go vet failed: "+strings.TrimSpace(firstLine(stderr.String())))
	}
	return res, nil
}

// cacheSalt works around a bug of the go command of Go 1.26: its vet cache
// key does not say whether a package was vetted only for the facts its
// dependents need (VetxOnly) or as one of the packages named on the command
// line. A package first vetted as a dependency (shutdownlint ./cmd/x) is then
// "cached" with no findings when it is named later (shutdownlint ./...), and
// its findings are lost; plain go vet 1.26 loses its own findings the same
// way, and Go 1.27 keys them apart. On Go 1.26 the standalone mode therefore
// passes a flag whose value depends on the working directory and the command
// line: the same command is still served from the cache, a different set of
// packages is not mixed up with it. It returns "" when no salt is needed.
func cacheSalt(gocmd string, patterns []string, opts *options) string {
	out, err := exec.Command(gocmd, "env", "GOVERSION").Output()
	if err != nil || !strings.HasPrefix(strings.TrimSpace(string(out)), "go1.26") {
		return ""
	}
	wd, _ := os.Getwd()
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%q", wd, opts.tags, patterns)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// goErrors turns what the go command printed on stderr into one line per
// problem: a package that does not parse or type-check gives its first error
// and the number of the others; a pattern that matches nothing says so.
// With a zero exit status, stderr holds only progress messages.
func goErrors(stderr string, runErr error) []string {
	if runErr == nil {
		return nil
	}
	var errs []string
	pkg := ""
	extra := 0
	inPanic := false
	flush := func() {
		if extra > 0 && len(errs) > 0 {
			errs[len(errs)-1] += fmt.Sprintf(" (and %d more)", extra)
		}
		extra = 0
	}
	for _, line := range strings.Split(stderr, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == "" || isProgress(line):
			continue
		case strings.HasPrefix(line, "# "):
			flush()
			pkg = strings.TrimPrefix(line, "# ")
			inPanic = false
			continue
		case inPanic:
			continue // the stack of a crashed tool
		case line == "no packages to vet":
			continue
		case strings.HasPrefix(line, "\t"):
			if len(errs) > 0 && extra == 0 {
				errs[len(errs)-1] += " " + strings.TrimSpace(line) // continuation of the previous message
			}
			continue
		case strings.HasPrefix(line, "go: warning: ") && strings.HasSuffix(line, "matched no packages"):
			errs = append(errs, strings.TrimPrefix(line, "go: warning: "))
			continue
		case strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: "):
			where := ""
			if pkg != "" {
				where = " analysing " + pkg
			}
			errs = append(errs, "internal error"+where+": "+line+" (please report)")
			inPanic = true
			continue
		}
		if pkg != "" && len(errs) > 0 && strings.HasPrefix(errs[len(errs)-1], pkg+": ") {
			extra++
			continue
		}
		if pkg != "" {
			line = pkg + ": " + strings.TrimPrefix(line, "vet: ")
		} else {
			line = strings.TrimPrefix(line, "go: ")
		}
		errs = append(errs, line)
	}
	flush()
	return slices.Compact(errs)
}

// isProgress reports whether line is one of the go command's progress
// messages ("go: downloading m v1", "go: finding module for package p").
func isProgress(line string) bool {
	for _, p := range []string{"go: downloading ", "go: finding module for package ", "go: found "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

// gcEnv returns the garbage-collector settings for the go vet run and the
// analysis processes it starts, unless the user set them: GOGC=400 with a
// soft limit GOMEMLIMIT=1GiB. Most packages are analysed in a few tens of
// MB, where the default GOGC=100 collects constantly (a quarter of the
// suite's CPU on std); the limit brings the collector back for the rare
// package whose heap nears 1 GiB. Measured on std (2 CPUs): 29 s → 22 s,
// largest process 150 → 160 MB. The vet-tool mode keeps Go's defaults: there
// go vet's environment is the user's.
func gcEnv() []string {
	var env []string
	if _, ok := os.LookupEnv("GOGC"); !ok {
		env = append(env, "GOGC=400")
	}
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		env = append(env, "GOMEMLIMIT=1GiB")
	}
	return env
}
