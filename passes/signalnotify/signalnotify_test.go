package signalnotify_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/signalnotify"
)

func TestSmoke(t *testing.T) {
	lintest.Run(t, signalnotify.Analyzer, signalnotify.Catalog, "smoke")
}
