package signalnotify

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A funcRef is a use of a function of the package.
type funcRef struct {
	launch bool             // started as a goroutine
	call   inspector.Cursor // for a plain call, the call
	site   ast.Node         // for a plain call, the function that makes it; nil for other uses
}

// A funcIndex lists the functions of the package and their uses.
type funcIndex struct {
	decls    map[*types.Func]*ast.FuncDecl
	refs     map[*types.Func][]funcRef
	launched map[*ast.FuncLit]token.Pos // function literals goroutine launchers start, and where
}

// funcIndex returns the index of the package's functions, built on first
// use.
func (pi *pkgInfo) funcIndex() *funcIndex {
	if pi.funcs != nil {
		return pi.funcs
	}
	info := pi.pass.TypesInfo
	idx := &funcIndex{
		decls:    make(map[*types.Func]*ast.FuncDecl),
		refs:     make(map[*types.Func][]funcRef),
		launched: make(map[*ast.FuncLit]token.Pos),
	}
	for cur := range pi.in.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil), (*ast.FuncDecl)(nil), (*ast.Ident)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				idx.decls[fn] = n
			}
		case *ast.Ident:
			if fn, ok := info.Uses[n].(*types.Func); ok && fn.Pkg() == pi.pass.Pkg {
				fn = fn.Origin()
				idx.refs[fn] = append(idx.refs[fn], pi.classifyRef(cur))
			}
		default:
			if l, ok := analysisutil.LaunchOf(info, n); ok {
				if lit, ok := l.Fun.(*ast.FuncLit); ok {
					idx.launched[lit] = l.Pos
				}
			}
		}
	}
	pi.funcs = idx
	return idx
}

// classifyRef describes the use of a function at the identifier id.
func (pi *pkgInfo) classifyRef(id inspector.Cursor) funcRef {
	e := id
	if e.ParentEdgeKind() == edge.SelectorExpr_Sel {
		e = e.Parent()
	}
	if k := e.ParentEdgeKind(); k == edge.IndexExpr_X || k == edge.IndexListExpr_X {
		e = e.Parent() // f[T]
	}
	call := e.Parent()
	switch e.ParentEdgeKind() {
	case edge.CallExpr_Fun:
		if _, ok := call.Parent().Node().(*ast.GoStmt); ok {
			return funcRef{launch: true}
		}
		if fc, ok := enclosingFunc(call); ok {
			return funcRef{call: call, site: fc.Node()}
		}
	case edge.CallExpr_Args:
		if l, ok := analysisutil.LaunchOf(pi.pass.TypesInfo, call.Node()); ok && l.Fun == e.Node() {
			return funcRef{launch: true}
		}
	}
	return funcRef{}
}
