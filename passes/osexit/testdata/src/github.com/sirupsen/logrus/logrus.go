// Package logrus is a stub of github.com/sirupsen/logrus with the API the
// tests use.
package logrus

type Fields map[string]any

type Logger struct{}

type Entry struct{}

type LogFunction func() []any

type FieldLogger interface {
	WithField(key string, value any) *Entry
	Info(args ...any)
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

func New() *Logger                                       { return &Logger{} }
func StandardLogger() *Logger                            { return &Logger{} }
func WithField(key string, value any) *Entry             { return &Entry{} }
func WithError(err error) *Entry                         { return &Entry{} }
func Info(args ...any)                                   {}
func Error(args ...any)                                  {}
func Fatal(args ...any)                                  {}
func Fatalf(format string, args ...any)                  {}
func Fatalln(args ...any)                                {}
func FatalFn(fn LogFunction)                             {}
func Exit(code int)                                      {}
func RegisterExitHandler(handler func())                 {}
func (l *Logger) WithField(key string, value any) *Entry { return &Entry{} }
func (l *Logger) Info(args ...any)                       {}
func (l *Logger) Fatal(args ...any)                      {}
func (l *Logger) Fatalf(format string, args ...any)      {}
func (l *Logger) Exit(code int)                          {}
func (e *Entry) WithField(key string, value any) *Entry  { return e }
func (e *Entry) Info(args ...any)                        {}
func (e *Entry) Error(args ...any)                       {}
func (e *Entry) Fatal(args ...any)                       {}
func (e *Entry) Fatalf(format string, args ...any)       {}
