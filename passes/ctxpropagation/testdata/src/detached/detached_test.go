package detached

import (
	"context"
	"testing"
)

func helper(ctx context.Context, t *testing.T) {
	go index(context.Background(), Job{}) // quiet: test file
}

func TestX(t *testing.T) {
	go index(context.Background(), Job{}) // quiet: test, no context in scope
}
