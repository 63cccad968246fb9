// Package mainwait defines an Analyzer that reports main returning while its goroutines are still cleaning up.
//
// # Analyzer mainwait
//
// mainwait: report main returning while its goroutines are still cleaning up
//
// Work in progress: the checks of this analyzer are being written.
package mainwait
