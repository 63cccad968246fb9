// Package logrus is a stub of github.com/sirupsen/logrus.
package logrus

type Logger struct{}

func New() *Logger { return &Logger{} }

func (l *Logger) Errorf(format string, args ...any) {}
func (l *Logger) Infof(format string, args ...any)  {}
func (l *Logger) Fatalf(format string, args ...any) {}

func Error(args ...any) {}
func Info(args ...any)  {}
func Fatal(args ...any) {}
