// Package fail has functions that terminate the process in ways the
// analyzer cannot see (here: empty bodies); -osexit.exit-funcs names them.
package fail

func Die(code int) {}

func Other(code int) {}

type Logger struct{}

func (l *Logger) Die(msg string)   {}
func (l *Logger) Print(msg string) {}
