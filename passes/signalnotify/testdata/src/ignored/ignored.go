package ignored // want package:`registers signals \{SIGHUP, SIGINT\}`

import (
	"os"
	"os/exec"
	"os/signal"
	"syscall"

	"golang.org/x/sys/unix"
)

// A library that ignores SIGTERM makes every program using it unstoppable.
func init() {
	signal.Ignore(syscall.SIGTERM) // want `signal.Ignore ignores SIGTERM: the process can no longer be stopped gracefully, and supervisors kill it after their grace period`
}

func everything() {
	signal.Ignore() // want `signal.Ignore with no signals ignores every signal, SIGINT and SIGTERM included`
}

func interruptAndHangup() {
	signal.Ignore(os.Interrupt, syscall.SIGHUP) // want `signal.Ignore ignores SIGINT:`
}

func viaUnix() {
	signal.Ignore(unix.SIGINT, unix.SIGTERM) // want `signal.Ignore ignores SIGINT and SIGTERM`
}

var quiet = []os.Signal{syscall.SIGTERM}

func viaSlice() {
	signal.Ignore(quiet...) // want `signal.Ignore ignores SIGTERM`
}

func suppressed() {
	//shutdownlint:ignore ignored-termination-signal the child process handles Ctrl+C
	signal.Ignore(os.Interrupt)
}

// Negatives.

func hangup() {
	signal.Ignore(syscall.SIGHUP, syscall.SIGPIPE)
}

// runChild lets the child handle Ctrl+C, then restores it.
func runChild(cmd *exec.Cmd) error {
	signal.Ignore(os.Interrupt)
	defer signal.Reset(os.Interrupt)
	return cmd.Run()
}

// reRegistered: the Notify of the same signal undoes the Ignore.
func reRegistered() chan os.Signal {
	signal.Ignore(os.Interrupt)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify handles SIGINT but not SIGTERM`
	return c
}

func unknown(sigs ...os.Signal) {
	signal.Ignore(sigs...)
}

func userSignals() {
	signal.Ignore(syscall.SIGUSR1, syscall.SIGUSR2, unix.SIGQUIT)
}

// notIgnored: Notify, Stop and Reset do not ignore anything.
func notIgnored(c chan os.Signal) {
	signal.Notify(c, syscall.SIGHUP)
	signal.Stop(c)
	signal.Reset(syscall.SIGHUP)
}
