package mainwait_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/mainwait"
)

// TestMainReturnsWithoutWait runs every test package in one analysis: the
// "waits" facts of all dependencies (std included) are computed once.
func TestMainReturnsWithoutWait(t *testing.T) {
	results := lintest.Run(t, mainwait.Analyzer, mainwait.Catalog,
		"shapes", "brace", "exitcode", "helpers", "nosig", "notmain", "typeparams", "lib", "nosignal", "chain", "method", "runerror", "realmains", "gracectx")
	lintest.CheckCovered(t, mainwait.Catalog, results)
}

func TestCatalog(t *testing.T) {
	lintest.CheckCatalog(t, mainwait.Catalog)
}
