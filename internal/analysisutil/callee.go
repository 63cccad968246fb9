package analysisutil

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method that call statically invokes
// (the generic origin for instantiations), or nil for dynamic calls,
// conversions and builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// CalleeObject is Callee as a types.Object: nil (an untyped nil) for
// dynamic calls, conversions and builtins, so that callers can compare it
// with nil after passing it around as an Object.
func CalleeObject(info *types.Info, call *ast.CallExpr) types.Object {
	if fn := Callee(info, call); fn != nil {
		return fn
	}
	return nil
}

// IsFunc reports whether obj is one of the package-level functions names of
// the package pkgPath, e.g. IsFunc(obj, "os", "Exit").
func IsFunc(obj types.Object, pkgPath string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig := fn.Signature(); sig.Recv() != nil {
		return false
	}
	return slices.Contains(names, fn.Name())
}

// IsMethod reports whether obj is one of the methods names of the named type
// typeName of package pkgPath, with pointer or value receiver, e.g.
// IsMethod(obj, "sync", "WaitGroup", "Wait").
func IsMethod(obj types.Object, pkgPath, typeName string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || !slices.Contains(names, fn.Name()) {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	return IsNamedType(recv.Type(), pkgPath, typeName)
}

// IsNamedType reports whether t, or the type t points to, is the named type
// pkgPath.typeName, e.g. IsNamedType(t, "net/http", "Server").
func IsNamedType(t types.Type, pkgPath, typeName string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == typeName && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// Imports reports whether pkg directly imports one of the packages paths.
func Imports(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		if slices.Contains(paths, imp.Path()) {
			return true
		}
	}
	return false
}

// IsBuiltin reports whether fun denotes the predeclared function name
// (append, close, panic, ...), not a user function that shadows it.
func IsBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
