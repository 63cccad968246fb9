// Package sigvals declares signal variables: exported ones carry a
// holdsSignals fact when their signals are known.
package sigvals

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

const term = syscall.SIGTERM

// Term is SIGTERM through a constant.
var Term = term // want Term:`holds signals \{SIGTERM\}`

// Shutdown mixes os.Interrupt and a variable.
var Shutdown = []os.Signal{os.Interrupt, Term} // want Shutdown:`holds signals \{SIGINT, SIGTERM\}`

// Appended is built with append and a conversion of a number.
var Appended = append([]os.Signal{unix.SIGHUP}, syscall.Signal(2)) // want Appended:`holds signals \{SIGHUP, SIGINT\}`

// Grown is extended by init.
var Grown = []os.Signal{os.Interrupt} // want Grown:`holds signals \{SIGINT, SIGQUIT\}`

func init() { Grown = append(Grown, unix.SIGQUIT) }

// Spoiled has its elements replaced: unknown, no fact.
var Spoiled = []os.Signal{os.Interrupt}

// Set replaces a signal of Spoiled.
func Set(i int, s os.Signal) { Spoiled[i] = s }

// FromFunc comes from a call: unknown, no fact.
var FromFunc = pick()

func pick() []os.Signal { return nil }

// NotSignal is a number, not a signal: no fact.
var NotSignal = 15

// Kill is os.Kill.
var Kill = os.Kill // want Kill:`holds signals \{SIGKILL\}`
