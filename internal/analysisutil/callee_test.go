package analysisutil_test

import (
	"go/types"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/stretchr/testify/assert"
)

// TestNilCallee checks that the helpers accept what Callee returns for a
// dynamic call: a nil *types.Func.
func TestNilCallee(t *testing.T) {
	var fn *types.Func
	assert.False(t, analysisutil.IsFunc(fn, "os", "Exit"))
	assert.False(t, analysisutil.IsMethod(fn, "sync", "WaitGroup", "Wait"))
	assert.False(t, analysisutil.IsLauncher(fn))
	assert.False(t, analysisutil.IsFreshContext(fn))
	assert.False(t, analysisutil.IsFunc(nil, "os", "Exit"))
}
