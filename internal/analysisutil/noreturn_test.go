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

// TestIsNoReturnCall checks which calls of a small file never return.
func TestIsNoReturnCall(t *testing.T) {
	const src = `package p

import (
	"fmt"
	"log"
	"os"
	"runtime"
	"testing"
)

func f(t *testing.T, tb testing.TB, l *log.Logger, fn func()) {
	os.Exit(1)         // no return
	runtime.Goexit()   // no return
	log.Fatalf("x")    // no return
	l.Panicln("x")     // no return
	t.FailNow()        // no return
	tb.Skip()          // no return
	panic("x")         // no return
	log.Printf("x")    // returns
	l.Print("x")       // returns
	t.Log("x")         // returns
	fmt.Println("x")   // returns
	fn()               // returns
	print("x")         // returns
	os.Getenv("Exit")  // returns
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	require.NoError(t, err)
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	_, err = (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	require.NoError(t, err)

	comments := map[int]string{}
	for _, cg := range f.Comments {
		comments[fset.Position(cg.Pos()).Line] = cg.Text()
	}
	n := 0
	ast.Inspect(f, func(n2 ast.Node) bool {
		call, ok := n2.(*ast.CallExpr)
		if !ok {
			return true
		}
		line := fset.Position(call.Pos()).Line
		want := comments[line] == "no return\n"
		assert.Equal(t, want, analysisutil.IsNoReturnCall(info, call), "line %d: %s", line, comments[line])
		n++
		return false
	})
	assert.Equal(t, 14, n, "calls checked")
}
