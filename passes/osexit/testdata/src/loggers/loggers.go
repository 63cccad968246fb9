// Package loggers holds the fatal functions of the well-known loggers,
// identified by import path and name (the stubs have empty bodies).
package loggers

import (
	"bufio"
	"errors"

	"github.com/golang/glog"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	klogv1 "k8s.io/klog"
	"k8s.io/klog/v2"
)

var err = errors.New("x")

// Positives.

func logrusFatal(w *bufio.Writer, l *logrus.Logger, fl logrus.FieldLogger) {
	defer w.Flush()
	if err != nil {
		logrus.Fatal(err) // want `^logrus\.Fatal skips deferred call w\.Flush`
	}
	if err != nil {
		logrus.WithError(err).Fatalf("x %v", 1) // want `\(\*logrus\.Entry\)\.Fatalf skips deferred call w\.Flush`
	}
	if err != nil {
		l.Fatal(err) // want `^l\.Fatal skips deferred call w\.Flush`
	}
	if err != nil {
		l.Exit(2) // want `^l\.Exit skips deferred call w\.Flush`
	}
	if err != nil {
		fl.Fatalf("x") // want `^fl\.Fatalf skips deferred call w\.Flush`
	}
	if err != nil {
		logrus.FatalFn(func() []any { return nil }) // want `^logrus\.FatalFn skips deferred call w\.Flush`
	}
}

func zapFatal(w *bufio.Writer, logger *zap.Logger) {
	defer w.Flush()
	if err != nil {
		logger.Fatal("x", zap.Error(err)) // want `^logger\.Fatal skips deferred call w\.Flush`
	}
	if err != nil {
		zap.S().Fatalw("x") // want `\(\*zap\.SugaredLogger\)\.Fatalw skips deferred call w\.Flush`
	}
	sugar := logger.Sugar()
	if err != nil {
		sugar.Fatalf("x") // want `^sugar\.Fatalf skips deferred call w\.Flush`
	}
}

func zerologFatal(w *bufio.Writer, logger zerolog.Logger) {
	defer w.Flush()
	if err != nil {
		zlog.Fatal().Err(err).Msg("x") // want `^zerolog's Fatal\(\)\.Msg skips deferred call w\.Flush`
	}
	if err != nil {
		logger.Fatal().Str("k", "v").Send() // want `^zerolog's Fatal\(\)\.Send skips deferred call w\.Flush`
	}
}

func klogFatal(w *bufio.Writer) {
	defer w.Flush()
	if err != nil {
		klog.Fatalf("x") // want `^klog\.Fatalf skips deferred call w\.Flush`
	}
	if err != nil {
		klog.Exit("x") // want `^klog\.Exit skips deferred call w\.Flush`
	}
	if err != nil {
		klog.FlushAndExit(klog.ExitFlushTimeout, 1) // want `^klog\.FlushAndExit skips deferred call w\.Flush`
	}
	if err != nil {
		klogv1.Fatalf("x") // want `^klog\.Fatalf skips deferred call w\.Flush`
	}
	if err != nil {
		glog.Exitf("x") // want `^glog\.Exitf skips deferred call w\.Flush`
	}
}

// A logger's flush skipped by a plain os.Exit is lost.
func flushThenExit(logger *zap.Logger, code int) {
	defer klog.Flush()
	defer logger.Sync()
	exit(code) // want `^exit may exit the process and skip 2 deferred calls: klog\.Flush \(line 89\), logger\.Sync \(line 90\)$`
}

func exit(code int) {
	if code != 0 {
		zerologFatalAlways()
	}
}

func zerologFatalAlways() { // want zerologFatalAlways:"exits"
	zlog.Fatal().Msg("bye")
}

func loggerFlushLost(logger *zap.Logger) { // want loggerFlushLost:"exits"
	defer glog.Flush()
	defer logger.Sync()
	logrus.Exit(1) // want `^logrus\.Exit skips 2 deferred calls: glog\.Flush \(line \d+\), logger\.Sync \(line \d+\)$`
}

// Negatives.

// Non-fatal logging does not exit.
func notFatal(w *bufio.Writer, l *logrus.Logger, logger *zap.Logger, zl zerolog.Logger) {
	defer w.Flush()
	logrus.Error(err)                         // quiet: not fatal
	l.Info("x")                               // quiet: not fatal
	logger.Error("x")                         // quiet: not fatal
	zl.Error().Msg("x")                       // quiet: not a fatal event
	zlog.Info().Msg("x")                      // quiet: not a fatal event
	klog.Error("x")                           // quiet: not fatal
	glog.Info("x")                            // quiet: not fatal
	zl.WithLevel(zerolog.FatalLevel).Msg("x") // quiet: WithLevel does not exit
}

// A fatal event that is never sent does not exit; neither do the other
// levels of the sugared logger and logrus' entries.
func notSent(w *bufio.Writer, sugar *zap.SugaredLogger, e *logrus.Entry) {
	defer w.Flush()
	zlog.Fatal().Str("k", "v")       // quiet: the event is never sent
	logrus.WithError(err).Error("x") // quiet: not fatal
	sugar.Infof("x")                 // quiet: not fatal
	e.Info("x")                      // quiet: not fatal
}

// A fatal event kept in a variable: its level is not followed.
func storedEvent(w *bufio.Writer) {
	defer w.Flush()
	e := zlog.Fatal()
	e.Msg("x") // quiet: the event is not followed through a variable
}

// klog's and glog's Fatal flush the log themselves; zap's Fatal syncs.
func ownFlush(done chan struct{}) {
	defer klog.Flush()
	defer close(done)
	if err != nil {
		klog.Fatalf("x") // quiet: klog.Fatal flushes klog itself
	}
}

// ...but not the other loggers.
func otherLoggersFlush(logger *zap.Logger) {
	defer klog.Flush()
	defer glog.Flush()
	defer logger.Sync()
	if err != nil {
		klog.Fatalf("x") // want `^klog\.Fatalf skips 2 deferred calls: glog\.Flush \(line \d+\), logger\.Sync \(line \d+\)$`
	}
}

func ownFlushOnly() { // want ownFlushOnly:"exits"
	defer klog.Flush()
	klog.Fatal("x") // quiet: klog.Fatal flushes before exiting
}

func zapOwnSync(logger *zap.Logger) { // want zapOwnSync:"exits"
	defer logger.Sync()
	logger.Fatal("x") // quiet: zap syncs on Fatal
}

func glogOwnFlush() { // want glogOwnFlush:"exits"
	defer glog.Flush()
	glog.Fatal("x") // quiet: glog flushes on Fatal
}
