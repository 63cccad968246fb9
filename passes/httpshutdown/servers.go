package httpshutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// The methods of *http.Server the checks are about.
var (
	serveMethods = []string{"ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"}
	closeMethods = []string{"Shutdown", "Close"}
)

// aliases groups the variables and fields that may hold the same server or
// the same error channel: a union-find over objects, joined by assignments,
// composite-literal fields, range statements, append, the parameters of
// calls of the package's functions and of function literals called at
// once, and the results of functions called once. Two
// serve and Shutdown calls are "on the same server" when their receivers'
// objects are in one group.
type aliases struct {
	parent map[types.Object]types.Object
}

func (a *aliases) find(o types.Object) types.Object {
	for {
		p, ok := a.parent[o]
		if !ok || p == o {
			return o
		}
		if gp, ok := a.parent[p]; ok {
			a.parent[o] = gp
		}
		o = p
	}
}

func (a *aliases) union(x, y types.Object) {
	if x == nil || y == nil {
		return
	}
	rx, ry := a.find(x), a.find(y)
	if rx != ry {
		a.parent[rx] = ry
	}
}

// same reports whether x and y may hold the same value; nil is never the same.
func (a *aliases) same(x, y types.Object) bool {
	return x != nil && y != nil && a.find(x) == a.find(y)
}

// isTracked reports whether values of type t are followed between
// variables: servers (*http.Server, http.Server and slices, arrays and maps
// of them) and channels of errors.
func isTracked(t types.Type) bool {
	if t == nil {
		return false
	}
	if analysisutil.IsNamedType(t, "net/http", "Server") {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return analysisutil.IsNamedType(u.Elem(), "net/http", "Server")
	case *types.Array:
		return analysisutil.IsNamedType(u.Elem(), "net/http", "Server")
	case *types.Map:
		return analysisutil.IsNamedType(u.Elem(), "net/http", "Server")
	case *types.Chan:
		return isErrorType(u.Elem())
	}
	return false
}

// isErrorType reports whether t is the predeclared error interface.
func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// keyOf returns the variable or field that holds the value of e, or nil
// when e is not such a reference:
//
//	srv, s.srv, *p, &srv, servers[i], pkg.Server
func keyOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				return sel.Obj().(*types.Var).Origin() // one field for every instance of a generic type
			}
			return nil
		}
		if v, ok := info.Uses[e.Sel].(*types.Var); ok {
			return v
		}
	case *ast.StarExpr:
		return keyOf(info, e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return keyOf(info, e.X)
		}
	case *ast.IndexExpr:
		return keyOf(info, e.X)
	}
	return nil
}

// receiverKey returns the variable or field holding the receiver of the
// method call or method value sel, looking through embedded fields: for
// s.ListenAndServe() with s of a struct type embedding *http.Server it is the
// embedded field.
func receiverKey(info *types.Info, sel *ast.SelectorExpr) types.Object {
	s, ok := info.Selections[sel]
	if !ok {
		return nil
	}
	if idx := s.Index(); len(idx) > 1 {
		return embeddedField(s.Recv(), idx[:len(idx)-1])
	}
	return keyOf(info, sel.X)
}

// embeddedField returns the field reached from type t through the field
// indices path.
func embeddedField(t types.Type, path []int) types.Object {
	var field *types.Var
	for _, i := range path {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		field = st.Field(i)
		t = field.Type()
	}
	if field == nil {
		return nil
	}
	return field.Origin()
}

// collectAliases joins the objects that may hold the same server or channel.
func collectAliases(info *types.Info, insp *inspector.Inspector) *aliases {
	a := &aliases{parent: make(map[types.Object]types.Object)}
	once := calledOnce(info)
	var join func(lhs types.Object, rhs ast.Expr)
	join = func(lhs types.Object, rhs ast.Expr) {
		if lhs == nil || !isTracked(lhs.Type()) {
			return
		}
		if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
			if analysisutil.IsBuiltin(info, call.Fun, "append") {
				for _, arg := range call.Args {
					join(lhs, arg)
				}
			} else if res := onceResults(info, call, once); res != nil && res.Len() == 1 {
				a.union(lhs, res.At(0))
			}
			return
		}
		a.union(lhs, keyOf(info, rhs))
	}
	for c := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.ReturnStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					join(keyOf(info, lhs), n.Rhs[i])
				}
			} else if len(n.Rhs) == 1 {
				joinResults(a, info, once, n.Rhs[0], func(i int) types.Object { return keyOf(info, n.Lhs[i]) })
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					join(info.Defs[name], n.Values[i])
				}
			} else if len(n.Values) == 1 {
				joinResults(a, info, once, n.Values[0], func(i int) types.Object { return info.Defs[n.Names[i]] })
			}
		case *ast.RangeStmt:
			if n.Value != nil {
				join(keyOf(info, n.Value), n.X)
			}
		case *ast.CallExpr:
			sig := calleeSignature(info, n)
			if sig == nil {
				continue
			}
			params := sig.Params()
			for i, arg := range n.Args {
				if i >= params.Len() || (sig.Variadic() && i >= params.Len()-1) {
					break
				}
				join(params.At(i), arg)
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					join(f, n.Value)
				}
			}
		case *ast.ReturnStmt:
			if res := declResults(info, c); res != nil && res.Len() == len(n.Results) {
				for i, e := range n.Results {
					join(res.At(i), e)
				}
			}
		}
	}
	return a
}

// calledOnce returns the functions and methods the package refers to
// exactly once. Only their results are joined with the variables their one
// call assigns: a constructor called for several servers would otherwise
// make them all one server.
func calledOnce(info *types.Info) map[*types.Func]bool {
	refs := make(map[*types.Func]int)
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok {
			refs[fn.Origin()]++
		}
	}
	once := make(map[*types.Func]bool)
	for fn, n := range refs {
		if n == 1 {
			once[fn] = true
		}
	}
	return once
}

// onceResults returns the results of the function call calls when the
// package calls it nowhere else, or nil.
func onceResults(info *types.Info, call *ast.CallExpr, once map[*types.Func]bool) *types.Tuple {
	fn := analysisutil.Callee(info, call)
	if fn == nil || !once[fn] {
		return nil
	}
	return fn.Signature().Results()
}

// joinResults joins the variables lhs(i) that a multi-valued call assigns
// with the results of the function called, when it is called only there:
//
//	servers, err := startServers()
func joinResults(a *aliases, info *types.Info, once map[*types.Func]bool, rhs ast.Expr, lhs func(i int) types.Object) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return
	}
	res := onceResults(info, call, once)
	if res == nil {
		return
	}
	for i := range res.Len() {
		if o := lhs(i); o != nil && isTracked(o.Type()) {
			a.union(o, res.At(i))
		}
	}
}

// declResults returns the results of the function declaration whose
// return statement is at ret, or nil in a function literal.
func declResults(info *types.Info, ret inspector.Cursor) *types.Tuple {
	for f := range ret.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fd, ok := f.Node().(*ast.FuncDecl)
		if !ok {
			return nil
		}
		if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
			return fn.Signature().Results()
		}
		return nil
	}
	return nil
}

// calleeSignature returns the signature whose parameters receive the
// arguments of call: that of the package's function or method it calls, or
// that of the function literal it invokes at once, or nil:
//
//	serve(srv), s.serve(srv), go func(old *http.Server) { ... }(srv)
func calleeSignature(info *types.Info, call *ast.CallExpr) *types.Signature {
	if fn := analysisutil.Callee(info, call); fn != nil {
		return fn.Signature()
	}
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		sig, _ := info.TypeOf(lit).(*types.Signature)
		return sig
	}
	return nil
}

// A serverCall is a call (or method value) of a method of *http.Server.
type serverCall struct {
	cur      inspector.Cursor // the *ast.CallExpr, or the *ast.SelectorExpr of a method value
	sel      *ast.SelectorExpr
	method   string
	key      types.Object // the variable or field holding the server, or nil
	deferred bool         // the call is deferred
	value    bool         // a method value, not a call: when it runs is unknown
}

// serverCalls returns the calls and method values of the methods names of
// *http.Server in the package.
func serverCalls(info *types.Info, insp *inspector.Inspector, names []string) []serverCall {
	var calls []serverCall
	for c := range insp.Root().Preorder((*ast.SelectorExpr)(nil)) {
		sel := c.Node().(*ast.SelectorExpr)
		fn, ok := info.Uses[sel.Sel].(*types.Func)
		if !ok || !analysisutil.IsMethod(fn, "net/http", "Server", names...) {
			continue
		}
		sc := serverCall{cur: c, sel: sel, method: fn.Name(), key: receiverKey(info, sel)}
		parent := c.Parent()
		if call, ok := parent.Node().(*ast.CallExpr); ok && call.Fun == sel {
			sc.cur = parent
			_, sc.deferred = parent.Parent().Node().(*ast.DeferStmt)
		} else {
			sc.value = true
		}
		calls = append(calls, sc)
	}
	return calls
}

// enclosingFunc returns the cursor of the innermost function declaration or
// literal containing c.
func enclosingFunc(c inspector.Cursor) (inspector.Cursor, bool) {
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f, true
	}
	return inspector.Cursor{}, false
}
