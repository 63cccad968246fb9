// Package zerolog is a stub of github.com/rs/zerolog with the API the tests
// use.
package zerolog

import "io"

type Level int8

const FatalLevel Level = 4

type Logger struct{}

type Event struct{}

func New(w io.Writer) Logger                   { return Logger{} }
func (l *Logger) Info() *Event                 { return &Event{} }
func (l *Logger) Error() *Event                { return &Event{} }
func (l *Logger) Fatal() *Event                { return &Event{} }
func (l *Logger) WithLevel(level Level) *Event { return &Event{} }
func (e *Event) Err(err error) *Event          { return e }
func (e *Event) Str(key, val string) *Event    { return e }
func (e *Event) Msg(msg string)                {}
func (e *Event) Msgf(format string, v ...any)  {}
func (e *Event) Send()                         {}
