// Package httpshutdown defines an Analyzer that reports HTTP servers that cannot shut down gracefully.
//
// # Analyzer httpshutdown
//
// httpshutdown: report HTTP servers that cannot shut down gracefully
//
// Work in progress: the checks of this analyzer are being written.
package httpshutdown
