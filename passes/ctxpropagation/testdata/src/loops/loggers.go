package loops

import (
	"context"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// The fatal functions of well-known loggers end the process like log.Fatal
// (an accept loop whose only exit is a fatal log when the listener is
// closed).
func loggerFatal(ctx context.Context, accept func() (int, error), logger *zap.Logger) {
	go func() {
		for { // quiet: logrus.Fatal ends the process
			c, err := accept()
			if err != nil {
				logrus.Fatal(err)
			}
			handle(c)
		}
	}()
	go func() {
		for { // quiet: zap's Logger.Fatal ends the process
			c, err := accept()
			if err != nil {
				logger.Fatal("accept")
			}
			handle(c)
		}
	}()
	go func() {
		for { // want `goroutine loop has no exit`
			c, err := accept()
			if err != nil {
				logger.Info("accept")
			}
			handle(c)
		}
	}()
}
