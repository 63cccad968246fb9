// Package zap is a stub of go.uber.org/zap with the API the tests use.
package zap

type Field struct{}

type Logger struct{}

type SugaredLogger struct{}

func NewProduction() (*Logger, error)                        { return &Logger{}, nil }
func NewNop() *Logger                                        { return &Logger{} }
func L() *Logger                                             { return &Logger{} }
func S() *SugaredLogger                                      { return &SugaredLogger{} }
func Error(err error) Field                                  { return Field{} }
func (l *Logger) Sugar() *SugaredLogger                      { return &SugaredLogger{} }
func (l *Logger) Info(msg string, fields ...Field)           {}
func (l *Logger) Error(msg string, fields ...Field)          {}
func (l *Logger) Fatal(msg string, fields ...Field)          {}
func (l *Logger) Sync() error                                { return nil }
func (s *SugaredLogger) Infof(template string, args ...any)  {}
func (s *SugaredLogger) Fatal(args ...any)                   {}
func (s *SugaredLogger) Fatalf(template string, args ...any) {}
func (s *SugaredLogger) Fatalw(msg string, kv ...any)        {}
func (s *SugaredLogger) Fatalln(args ...any)                 {}
func (s *SugaredLogger) Sync() error                         { return nil }
