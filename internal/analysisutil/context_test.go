package analysisutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDoneContextAndIsBuiltin checks both helpers on the calls of a small
// type-checked file.
func TestDoneContextAndIsBuiltin(t *testing.T) {
	const src = `package p

import "context"

type fake struct{}

func (fake) Done() <-chan struct{} { return nil }

func f(ctx context.Context, s struct{ ctx context.Context }, x fake, ch chan int) {
	_ = ctx.Done()
	_ = (s.ctx).Done()
	_ = x.Done()
	_ = context.Background().Err()
	close(ch)
	_ = append([]int{}, 1)
	{
		close := func(chan int) {}
		close(ch)
	}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	require.NoError(t, err)
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	_, err = (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	require.NoError(t, err)

	var done, closes, appends []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if x := analysisutil.DoneContext(info, call); x != nil {
			done = append(done, types.ExprString(x))
		}
		if analysisutil.IsBuiltin(info, call.Fun, "close") {
			closes = append(closes, fset.Position(call.Pos()).String())
		}
		if analysisutil.IsBuiltin(info, call.Fun, "append") {
			appends = append(appends, types.ExprString(call))
		}
		return true
	})
	assert.Equal(t, []string{"ctx", "s.ctx"}, done, "x.Done() of a non-context type and ctx.Err() are not Done calls")
	assert.Equal(t, []string{"p.go:14:2"}, closes, "the shadowing close func is not the builtin")
	assert.Equal(t, []string{"append([]int{}, 1)"}, appends)
}
