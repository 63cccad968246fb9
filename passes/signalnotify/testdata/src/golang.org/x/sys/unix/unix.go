// Package unix is a stub of golang.org/x/sys/unix.
package unix

import "syscall"

const (
	SIGHUP  = syscall.Signal(0x1)
	SIGINT  = syscall.Signal(0x2)
	SIGQUIT = syscall.Signal(0x3)
	SIGKILL = syscall.Signal(0x9)
	SIGTERM = syscall.Signal(0xf)
	SIGSTOP = syscall.SIGSTOP
)
