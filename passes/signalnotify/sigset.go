package signalnotify

import (
	"go/constant"
	"go/types"
	"slices"
	"strings"
)

// A sigSet is what a Notify, Ignore or signal slice may hold: signals known
// by name (the syscall constant's name: "SIGINT", "SIGTERM"), every signal
// (Notify with no signals), and whether some of it could not be resolved.
// It is a may-set: a signal in Names may be registered on some path.
type sigSet struct {
	Names   []string // sorted, no duplicates
	All     bool     // every signal
	Unknown bool     // some signals are not known
}

func (s *sigSet) add(name string) {
	if i, found := slices.BinarySearch(s.Names, name); !found {
		s.Names = slices.Insert(s.Names, i, name)
	}
}

func (s *sigSet) union(t sigSet) {
	for _, n := range t.Names {
		s.add(n)
	}
	s.All = s.All || t.All
	s.Unknown = s.Unknown || t.Unknown
}

// has reports whether the signal name is known to be in s (All included).
func (s sigSet) has(name string) bool {
	return s.All || slices.Contains(s.Names, name)
}

// mayHave reports whether s may hold the signal name: known, every signal,
// or unresolved.
func (s sigSet) mayHave(name string) bool {
	return s.Unknown || s.has(name)
}

// coversKilling reports whether s certainly holds every signal of t whose
// default action kills the process.
func (s sigSet) coversKilling(t sigSet) bool {
	if t.All {
		return s.All
	}
	for _, n := range t.Names {
		if !defaultHarmless[n] && !s.has(n) {
			return false
		}
	}
	return true
}

func (s sigSet) empty() bool { return len(s.Names) == 0 && !s.All && !s.Unknown }

// hasTermination reports whether s certainly holds SIGINT or SIGTERM, the
// signals that ask a process to shut down.
func (s sigSet) hasTermination() bool { return s.has(sigint) || s.has(sigterm) }

// String is "{SIGINT, SIGTERM}", with "all" for every signal and "unknown"
// for unresolved ones.
func (s sigSet) String() string {
	elems := slices.Clone(s.Names)
	if s.All {
		elems = append(elems, "all")
	}
	if s.Unknown {
		elems = append(elems, "unknown")
	}
	return "{" + strings.Join(elems, ", ") + "}"
}

// termNames names the termination signals of s for a message: "SIGINT and
// SIGTERM", "SIGINT", "every signal".
func (s sigSet) termNames() string {
	if s.All {
		return "every signal"
	}
	var names []string
	for _, n := range []string{sigint, sigterm} {
		if s.has(n) {
			names = append(names, n)
		}
	}
	return andList(names)
}

const (
	sigint  = "SIGINT"
	sigterm = "SIGTERM"
	sigkill = "SIGKILL"
	sigstop = "SIGSTOP"
)

// signalAliases are syscall constants that share their value with a
// better known name, which is the one used.
var signalAliases = map[string]bool{
	"SIGIOT": true, "SIGCLD": true, "SIGPOLL": true, "SIGUNUSED": true, "SIGLOST": true,
}

// signalNamer names the constants of type syscall.Signal by the syscall
// constant with the same value, for the GOOS and GOARCH being analysed (the
// value of SIGSTOP differs between systems).
type signalNamer struct {
	byValue map[*types.Package]map[int64]string
}

// nameOf returns the name of the signal constant value v of type t, or ""
// when t is not syscall.Signal or the value has no name.
func (sn *signalNamer) nameOf(t types.Type, v constant.Value) string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || v == nil || v.Kind() != constant.Int {
		return ""
	}
	obj := named.Obj()
	if obj.Name() != "Signal" || obj.Pkg() == nil || obj.Pkg().Path() != "syscall" {
		return ""
	}
	n, ok := constant.Int64Val(v)
	if !ok {
		return ""
	}
	if sn.byValue == nil {
		sn.byValue = make(map[*types.Package]map[int64]string)
	}
	names, ok := sn.byValue[obj.Pkg()]
	if !ok {
		names = signalNames(obj.Pkg(), named)
		sn.byValue[obj.Pkg()] = names
	}
	return names[n]
}

// signalNames maps the values of the SIG* constants of type sigType in the
// syscall package to their names.
func signalNames(syscall *types.Package, sigType types.Type) map[int64]string {
	names := make(map[int64]string)
	scope := syscall.Scope()
	for _, name := range scope.Names() { // sorted
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || !strings.HasPrefix(name, "SIG") || signalAliases[name] || !types.Identical(c.Type(), sigType) {
			continue
		}
		if n, ok := constant.Int64Val(c.Val()); ok {
			if _, dup := names[n]; !dup {
				names[n] = name
			}
		}
	}
	return names
}

// osSignalVars are the signal variables of package os, which hold
// syscall.SIGINT and syscall.SIGKILL on every system (a syscall.Note on
// Plan 9).
var osSignalVars = map[string]string{
	"Interrupt": sigint,
	"Kill":      sigkill,
}

// isSignalType reports whether t is os.Signal or syscall.Signal, the types
// of a single signal.
func isSignalType(t types.Type) bool {
	return isNamed(t, "os", "Signal") || isNamed(t, "syscall", "Signal")
}

// isSignalSliceType reports whether t is a slice of os.Signal or
// syscall.Signal.
func isSignalSliceType(t types.Type) bool {
	s, ok := types.Unalias(t).Underlying().(*types.Slice)
	return ok && isSignalType(s.Elem())
}

// isNamed reports whether t itself (not a pointer to it) is the
// named type pkgPath.name.
func isNamed(t types.Type, pkgPath, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// plural returns singular when names is one signal ("SIGINT", "every
// signal"), plural when it joins several ("SIGINT and SIGTERM", "signals").
func plural(names, singular, pluralForm string) string {
	if strings.Contains(names, " and ") || names == "signals" || names == "the signals" {
		return pluralForm
	}
	return singular
}
