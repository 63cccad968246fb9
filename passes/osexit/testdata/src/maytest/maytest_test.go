package maytest

import (
	"log"
	"os"
	"testing"
)

func TestRun(t *testing.T) {
	dir, _ := os.MkdirTemp("", "x")
	defer os.RemoveAll(dir)
	check(nil) // quiet: a helper's error path in a test is a failing test
	if dir == "" {
		log.Fatal("no dir") // want `^log\.Fatal skips deferred call os\.RemoveAll`
	}
}
