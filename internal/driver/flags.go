package driver

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// options are the standalone command's own flags.
type options struct {
	format  string // text, json, sarif
	fix     bool
	diff    bool
	vet     bool
	tags    string
	explain string
	version bool

	forward []string // analyzer flags for the vet tool, as given
}

// forwarded is a flag.Value that records the text it was set to, so that
// the flag can be passed on to the vet tool exactly as the user wrote it.
type forwarded struct {
	flag.Value
	name string
	opts *options
	bool bool
}

func (f *forwarded) Set(s string) error {
	if err := f.Value.Set(s); err != nil {
		return err
	}
	f.opts.forward = append(f.opts.forward, "-"+f.name+"="+s)
	return nil
}

func (f *forwarded) IsBoolFlag() bool { return f.bool }

// enableFlag is the -NAME flag that selects analyzers, as in go vet:
// -NAME runs only the named analyzers, -NAME=false all but those.
type enableFlag struct{ set, val bool }

func (e *enableFlag) String() string {
	if e == nil || !e.set {
		return ""
	}
	return strconv.FormatBool(e.val)
}

func (e *enableFlag) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	e.set, e.val = true, b
	return nil
}

func (e *enableFlag) IsBoolFlag() bool { return true }

// flagSet declares the standalone flags: the driver's own, and for each
// analyzer -NAME and -NAME.FLAG, bound to the analyzer's flag values so that
// bad values are rejected here, before anything runs.
func (s Suite) flagSet(opts *options, analyzers []*analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet(s.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.format, "format", "text", "output format: text, json or sarif")
	fs.BoolFunc("json", "same as -format=json", func(v string) error {
		b, err := strconv.ParseBool(v)
		if b {
			opts.format = "json"
		}
		return err
	})
	fs.BoolVar(&opts.fix, "fix", false, "apply the suggested fixes")
	fs.BoolVar(&opts.diff, "diff", false, "print the suggested fixes as a unified diff, change nothing")
	fs.BoolVar(&opts.vet, "vet", false, "also run go vet's own analyzers")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags, passed to the go command")
	fs.StringVar(&opts.explain, "explain", "", "print the documentation of a check (or analyzer) and exit")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")

	for _, a := range analyzers {
		fs.Var(&forwarded{Value: new(enableFlag), name: a.Name, opts: opts, bool: true}, a.Name, "enable the "+a.Name+" analyzer (-"+a.Name+"=false: disable it)")
		a.Flags.VisitAll(func(f *flag.Flag) {
			isBool := false
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok {
				isBool = b.IsBoolFlag()
			}
			name := a.Name + "." + f.Name
			fs.Var(&forwarded{Value: f.Value, name: name, opts: opts, bool: isBool}, name, f.Usage)
		})
	}
	fs.Usage = func() {} // errors are reported in one line; -h prints the usage
	return fs
}

func (s Suite) usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, `%[1]s finds the bugs that break graceful shutdown of Go services.

Usage:
  %[1]s [flags] packages...      analyse packages (e.g. ./... or std)
  %[1]s help [analyzer|check]    list the checks, or document one
  %[1]s -explain check           document one check
  go vet -vettool=$(command -v %[1]s) [flags] packages...
                                 run as a go vet tool (also runs go vet's analyzers; -vet=false: not)

Exit status: 0 no findings, 3 findings, 1 error.

Flags:
`, s.Name)
	var lines []string
	fs.VisitAll(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") || s.isAnalyzerName(f.Name) {
			return
		}
		lines = append(lines, fmt.Sprintf("  -%s\n\t%s", f.Name, f.Usage))
	})
	sort.Strings(lines)
	fmt.Fprintln(w, strings.Join(lines, "\n"))
	fmt.Fprintf(w, "\nAnalyzer flags (-NAME to run only NAME, -NAME=false to skip it, -NAME.OPTION=value):\n")
	fs.VisitAll(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") {
			fmt.Fprintf(w, "  -%s\n\t%s\n", f.Name, f.Usage)
		}
	})
}

func (s Suite) isAnalyzerName(name string) bool {
	for _, a := range s.all(true) {
		if a.Name == name {
			return true
		}
	}
	return false
}
