package main

import (
	"os"
	"os/signal"
	"syscall"
)

func registerTerm(c chan os.Signal) { signal.Notify(c, syscall.SIGTERM) }
