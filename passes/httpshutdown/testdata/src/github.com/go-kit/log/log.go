// Package log is a stub of github.com/go-kit/log.
package log

type Logger interface {
	Log(keyvals ...any) error
}
