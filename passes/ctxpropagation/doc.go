// Package ctxpropagation defines an Analyzer that reports cancellation that never reaches the goroutines doing the work.
//
// # Analyzer ctxpropagation
//
// ctxpropagation: report cancellation that never reaches the goroutines doing the work
//
// Work in progress: the checks of this analyzer are being written.
package ctxpropagation
