package osexit_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/lintest"
	"github.com/shutdownlint/shutdownlint/passes/osexit"
)

func TestBasic(t *testing.T) {
	lintest.Run(t, osexit.Analyzer, osexit.Catalog, "a", "closures")
}
