// Package glog is a stub of github.com/golang/glog with the API the tests use.
package glog

func Info(args ...any)                  {}
func Fatal(args ...any)                 {}
func Fatalf(format string, args ...any) {}
func Exitf(format string, args ...any)  {}
func Flush()                            {}
