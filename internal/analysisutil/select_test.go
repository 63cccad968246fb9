package analysisutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommRecv(t *testing.T) {
	const src = `package p

func f(ch chan int, out chan int, ctx interface{ Done() <-chan struct{} }) {
	select {
	case <-ch:
	case v := <-(out):
		_ = v
	case v, ok := <-ctx.Done():
		_, _ = v, ok
	case out <- 1:
	default:
	}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	require.NoError(t, err)
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		if cc, ok := n.(*ast.CommClause); ok {
			if x := analysisutil.CommRecv(cc.Comm); x != nil {
				got = append(got, types.ExprString(x))
			} else {
				got = append(got, "-")
			}
		}
		return true
	})
	assert.Equal(t, []string{"ch", "out", "ctx.Done()", "-", "-"}, got)
}
