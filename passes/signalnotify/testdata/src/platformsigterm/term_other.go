//go:build !windows

package main

import "os"

func registerTerm(c chan os.Signal) {}
