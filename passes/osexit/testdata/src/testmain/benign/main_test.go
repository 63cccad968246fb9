//go:build go1.21

package benign

import (
	"context"
	"os"
	"testing"
)

func TestX(t *testing.T) {}

var ctx context.Context

func TestMain(m *testing.M) { // want TestMain:"exits"
	var cancel context.CancelFunc
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	os.Exit(m.Run()) // quiet: only a cancel func is skipped
}
