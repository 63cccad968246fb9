// Package klog is a stub of k8s.io/klog (v1).
package klog

func Fatalf(format string, args ...any) {}
func Flush()                            {}
