// Package klog is a stub of k8s.io/klog/v2 with the API the tests use.
package klog

import "time"

func Info(args ...any)                                      {}
func Infof(format string, args ...any)                      {}
func Error(args ...any)                                     {}
func Fatal(args ...any)                                     {}
func Fatalf(format string, args ...any)                     {}
func Exit(args ...any)                                      {}
func Exitf(format string, args ...any)                      {}
func FlushAndExit(flushTimeout time.Duration, exitCode int) {}
func Flush()                                                {}

const ExitFlushTimeout = 10 * time.Second
