// Package recoverpath defines an Analyzer that reports panics that escape the recover their author relied on.
//
// # Analyzer recoverpath
//
// recoverpath: report panics that escape the recover their author relied on
//
// Work in progress: the checks of this analyzer are being written.
package recoverpath
