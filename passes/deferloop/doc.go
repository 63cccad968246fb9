// Package deferloop defines an Analyzer that reports defers that run too late or see the wrong values.
//
// # Analyzer deferloop
//
// deferloop: report defers that run too late or see the wrong values
//
// Work in progress: the checks of this analyzer are being written.
package deferloop
