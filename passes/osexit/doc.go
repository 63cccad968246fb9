// Package osexit defines an Analyzer that reports process exits that skip deferred cleanup.
//
// # Analyzer osexit
//
// osexit: report process exits that skip deferred cleanup
//
// Work in progress: the checks of this analyzer are being written.
package osexit
