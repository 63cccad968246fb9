package main

import (
	"os"
	"os/signal"
)

func registerTerm(c chan os.Signal) { signal.Notify(c, os.Interrupt) }
