package untrappable // want package:`registers signals \{SIGCONT, SIGHUP, SIGINT, SIGKILL, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGUSR1, all, unknown\}`

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/unix"
)

func among() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, os.Kill, syscall.SIGTERM) // want `os.Kill \(SIGKILL\) cannot be caught: signal.Notify never delivers it, the process is still killed without cleanup`
	defer signal.Stop(c)
	<-c
}

func first() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGKILL, os.Interrupt, syscall.SIGTERM) // want `syscall.SIGKILL cannot be caught`
	defer signal.Stop(c)
	<-c
}

func multiline() {
	c := make(chan os.Signal, 1)
	signal.Notify(c,
		os.Interrupt,
		syscall.SIGTERM,
		syscall.SIGSTOP, // want `syscall.SIGSTOP cannot be caught: signal.Notify never delivers it, the process is still stopped`
	)
	defer signal.Stop(c)
	<-c
}

// onlyUntrappable: removing both signals would leave Notify(c), which
// registers every signal; the fix removes the whole statement.
func onlyUntrappable() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGKILL, unix.SIGSTOP) // want `syscall.SIGKILL cannot be caught` `unix.SIGSTOP cannot be caught`
	defer signal.Stop(c)
	<-c
}

// onlyUse: c is used only by the call, so removing it would not compile:
// no fix.
func onlyUse() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Kill) // want `os.Kill \(SIGKILL\) cannot be caught`
}

func inLiteral() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, []os.Signal{unix.SIGKILL, os.Interrupt, syscall.SIGTERM}...) // want `unix.SIGKILL cannot be caught`
	defer signal.Stop(c)
	<-c
}

// No fix in a keyed literal: deleting the element would leave a nil signal
// at its index.
func keyed() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, []os.Signal{0: os.Kill, 1: os.Interrupt, 2: syscall.SIGTERM}...) // want `os.Kill \(SIGKILL\) cannot be caught`
	defer signal.Stop(c)
	<-c
}

const kill = syscall.SIGKILL

func viaConstant() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, kill, syscall.Signal(9)) // want `kill \(SIGKILL\) cannot be caught` `syscall.Signal\(9\) \(SIGKILL\) cannot be caught`
	defer signal.Stop(c)
	<-c
}

var killSigs = []os.Signal{os.Kill, syscall.SIGTERM}

// viaVariable: the signal comes from a variable: reported, no fix.
func viaVariable() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, killSigs...) // want `killSigs includes SIGKILL, which cannot be caught`
	defer signal.Stop(c)
	<-c
}

// inContext: NotifyContext's result is used: the call cannot go, the
// argument can.
func inContext(parent context.Context) {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, os.Kill) // want `os.Kill \(SIGKILL\) cannot be caught: signal.NotifyContext never delivers it`
	defer stop()
	<-ctx.Done()
	ctx2, stop2 := signal.NotifyContext(parent, os.Kill) // want `os.Kill \(SIGKILL\) cannot be caught`
	defer stop2()
	<-ctx2.Done()
}

type mySignal int

func (mySignal) Signal()          {}
func (s mySignal) String() string { return "mine" }

// Kill is named like os.Kill but is not a signal the system sends.
const Kill mySignal = 9

var notKill = syscall.SIGTERM

// Negatives: signals that can be caught, look-alikes, Ignore and Reset,
// signals that cannot be resolved.
func negatives(sigs []os.Signal, sig os.Signal) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGQUIT, os.Interrupt, syscall.SIGTERM)
	signal.Notify(c, Kill)                      // a type of this package, not a system signal
	signal.Notify(c, syscall.SIGTSTP)           // Ctrl+Z can be caught, unlike SIGSTOP
	signal.Notify(c, syscall.SIGCONT)           // can be caught
	signal.Notify(c, syscall.Signal(15))        // SIGTERM
	signal.Notify(c, unix.SIGTERM, unix.SIGHUP) // catchable
	signal.Notify(c, notKill)                   // a variable holding SIGTERM
	signal.Notify(c, sigs...)                   // unknown
	signal.Notify(c, sig)                       // unknown
	signal.Notify(c, []os.Signal{os.Interrupt, syscall.SIGUSR1}...)
	signal.Notify(c)                       // every signal: the runtime skips the uncatchable ones
	signal.Ignore(syscall.SIGHUP, os.Kill) // not a registration
	signal.Reset(os.Kill)                  // not a registration
	signal.Reset(syscall.SIGKILL, syscall.SIGSTOP)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	defer signal.Stop(c)
	<-c
	<-ctx.Done()
}
