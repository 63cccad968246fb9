// Package signalnotify defines an Analyzer that reports termination signals that are lost, ignored or handled too late.
//
// # Analyzer signalnotify
//
// signalnotify: report termination signals that are lost, ignored or handled too late
//
// Work in progress: the checks of this analyzer are being written.
package signalnotify
