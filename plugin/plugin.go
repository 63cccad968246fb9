// Package plugin registers shutdownlint's analyzers with golangci-lint's
// module plugin system (github.com/golangci/plugin-module-register), one
// plugin per analyzer, so that each is enabled, configured and suppressed
// (//nolint:osexit) on its own. The bundled x/tools analyzers are not
// registered: golangci-lint runs them already as part of govet.
//
// Settings are the analyzer's flags without the analyzer prefix, with their
// natural YAML types:
//
//	linters:
//	  settings:
//	    custom:
//	      osexit:
//	        type: module
//	        settings:
//	          deep-exit: true
//	          exit-funcs: [example.com/log.Die]
package plugin

import (
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"github.com/shutdownlint/shutdownlint"
	"golang.org/x/tools/go/analysis"
)

func init() {
	for _, a := range shutdownlint.Analyzers() {
		register.Plugin(a.Name, New(a))
	}
}

// New returns the plugin constructor of analyzer a.
func New(a *analysis.Analyzer) register.NewPlugin {
	return func(conf any) (register.LinterPlugin, error) {
		settings, err := register.DecodeSettings[map[string]any](conf)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.Name, err)
		}
		if err := apply(a, settings); err != nil {
			return nil, err
		}
		return linter{a}, nil
	}
}

type linter struct{ a *analysis.Analyzer }

func (l linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{l.a}, nil
}

func (linter) GetLoadMode() string { return register.LoadModeTypesInfo }

// apply sets the analyzer's flags from the plugin settings.
func apply(a *analysis.Analyzer, settings map[string]any) error {
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := a.Flags.Lookup(k)
		if f == nil {
			return fmt.Errorf("%s: unknown setting %q (settings: %s)", a.Name, k, known(a))
		}
		v, err := flagText(settings[k])
		if err != nil {
			return fmt.Errorf("%s: setting %q: %w", a.Name, k, err)
		}
		if err := a.Flags.Set(k, v); err != nil {
			return fmt.Errorf("%s: setting %q: %w", a.Name, k, err)
		}
	}
	return nil
}

// flagText converts a decoded YAML value to the text of a flag: booleans,
// numbers and strings as themselves, lists joined with commas.
func flagText(v any) (string, error) {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v), nil
	case string:
		return v, nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return "", fmt.Errorf("list element %v is not a string", e)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case nil:
		return "", fmt.Errorf("no value")
	}
	return "", fmt.Errorf("unsupported value %v of type %T", v, v)
}

func known(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
