// Package output holds deferred calls that print: log lines are not the
// program's output, but what a command prints to stdout is.
package output

import (
	"fmt"
	"log"
	"log/slog"
	"os"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// Positives.

func closeJSONArray(items []string) {
	fmt.Print("[")
	defer fmt.Println("]")
	for _, it := range items {
		if it == "" {
			os.Exit(1) // want `^os\.Exit skips deferred call fmt\.Println \(line 19\)$`
		}
		fmt.Printf("%q,", it)
	}
}

// Negatives.

func logsOnly(l *zap.Logger, e *logrus.Entry) { // want logsOnly:"exits"
	defer log.Println("done")
	defer slog.Info("done")
	defer l.Info("done")
	defer e.Error("done", 1)
	defer logrus.Error("done")
	defer func() {
		log.Printf("finished")
		l.Sugar().Infof("finished")
	}()
	os.Exit(1) // quiet: only log lines are skipped
}

// Minimised from croc's send command: temporary files removed by deferred
// literals leak when the command exits early.
func send(name string, secret string) {
	f, err := os.CreateTemp("", name)
	if err != nil {
		return
	}
	defer func() {
		e := os.Remove(f.Name())
		if e != nil {
			log.Print(e)
		}
	}()
	if secret == "" {
		fmt.Println("set CROC_SECRET")
		os.Exit(0) // want `^os\.Exit skips deferred call func literal \(line \d+\)$`
	}
}
