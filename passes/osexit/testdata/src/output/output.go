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
