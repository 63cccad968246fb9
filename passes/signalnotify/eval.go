package signalnotify

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// An evaluator resolves the signals an expression may hold, through the
// type checker: constants of type syscall.Signal by value (syscall.SIGINT,
// unix.SIGINT, syscall.Signal(2), a constant declared from them), os.Interrupt
// and os.Kill, variables of the package by every value assigned to them,
// slice literals, append, and exported variables of imported packages by
// their holdsSignals fact.
type evaluator struct {
	pass     *analysis.Pass
	namer    signalNamer
	vars     map[*types.Var]*varInfo // built on first use
	visiting map[*types.Var]bool
}

// A varInfo is every value the package assigns to a variable.
type varInfo struct {
	values  []valueSrc
	unknown bool // assigned in a way the evaluator does not follow
}

// A valueSrc is an expression assigned to a variable, or (elem) a slice
// whose elements a range statement assigns to it.
type valueSrc struct {
	expr ast.Expr
	elem bool
}

func newEvaluator(pass *analysis.Pass) *evaluator {
	return &evaluator{pass: pass, visiting: make(map[*types.Var]bool)}
}

// callSignals returns the signals of the arguments args[first:] of a Notify,
// NotifyContext, Ignore or Reset call; no signals at all means every signal.
func (ev *evaluator) callSignals(call *ast.CallExpr, first int) sigSet {
	if len(call.Args) <= first {
		return sigSet{All: true}
	}
	var s sigSet
	args := call.Args[first:]
	for i, a := range args {
		if call.Ellipsis.IsValid() && i == len(args)-1 {
			sl := ev.slice(a)
			if len(args) == 1 && sl.empty() {
				sl.All = true // Notify(c, empty...) registers every signal
			}
			s.union(sl)
			continue
		}
		s.union(ev.signal(a))
	}
	return s
}

// signal returns the signals a single-signal expression may hold.
func (ev *evaluator) signal(e ast.Expr) sigSet {
	e = ast.Unparen(e)
	info := ev.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if name := ev.namer.nameOf(tv.Type, tv.Value); name != "" {
			return sigSet{Names: []string{name}}
		}
		return sigSet{Unknown: true}
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 && info.Types[call.Fun].IsType() {
		return ev.signal(call.Args[0]) // os.Signal(x)
	}
	if v, ok := varOf(info, e); ok {
		if v.Pkg() != nil && v.Pkg().Path() == "os" && osSignalVars[v.Name()] != "" {
			return sigSet{Names: []string{osSignalVars[v.Name()]}}
		}
		return ev.variable(v, false)
	}
	return sigSet{Unknown: true}
}

// slice returns the signals a slice expression may hold.
func (ev *evaluator) slice(e ast.Expr) sigSet {
	e = ast.Unparen(e)
	info := ev.pass.TypesInfo
	switch e := e.(type) {
	case *ast.CompositeLit:
		var s sigSet
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			s.union(ev.signal(elt))
		}
		return s
	case *ast.CallExpr:
		if analysisutil.IsBuiltin(info, e.Fun, "append") && len(e.Args) > 0 {
			s := ev.slice(e.Args[0])
			for i, a := range e.Args[1:] {
				if e.Ellipsis.IsValid() && i == len(e.Args)-2 {
					s.union(ev.slice(a))
				} else {
					s.union(ev.signal(a))
				}
			}
			return s
		}
		if len(e.Args) == 1 && info.Types[e.Fun].IsType() {
			return ev.slice(e.Args[0]) // a conversion to []os.Signal
		}
	case *ast.Ident:
		if info.Types[e].IsNil() {
			return sigSet{}
		}
	}
	if v, ok := varOf(info, e); ok {
		return ev.variable(v, true)
	}
	return sigSet{Unknown: true}
}

// variable returns the signals the variable v may hold: a signal, or (asSlice)
// a slice of signals.
func (ev *evaluator) variable(v *types.Var, asSlice bool) sigSet {
	if v.Pkg() != ev.pass.Pkg {
		var f holdsSignals
		if v.Pkg() != nil && ev.pass.ImportObjectFact(v, &f) {
			return f.Signals
		}
		return sigSet{Unknown: true}
	}
	if v.IsField() || ev.visiting[v] {
		return sigSet{Unknown: v.IsField()} // a cycle adds nothing
	}
	vi := ev.varIndex()[v]
	if vi == nil || vi.unknown {
		return sigSet{Unknown: true}
	}
	ev.visiting[v] = true
	defer delete(ev.visiting, v)
	var s sigSet
	for _, src := range vi.values {
		switch {
		case src.elem && asSlice:
			s.Unknown = true
		case src.elem || asSlice:
			s.union(ev.slice(src.expr))
		default:
			s.union(ev.signal(src.expr))
		}
	}
	if len(vi.values) == 0 && !asSlice {
		s.Unknown = true // a nil os.Signal
	}
	return s
}

// varIndex returns, for every variable of the package declared with var or
// :=, or assigned, the values it is given. Parameters and results are not
// in it: their values come from elsewhere.
func (ev *evaluator) varIndex() map[*types.Var]*varInfo {
	if ev.vars != nil {
		return ev.vars
	}
	ev.vars = make(map[*types.Var]*varInfo)
	info := ev.pass.TypesInfo
	get := func(e ast.Expr) *varInfo {
		v, ok := varOf(info, e)
		if !ok || v.Pkg() != ev.pass.Pkg {
			return nil
		}
		vi := ev.vars[v]
		if vi == nil {
			vi = new(varInfo)
			ev.vars[v] = vi
		}
		return vi
	}
	// spoil marks the variable under an element or field write unknown.
	spoil := func(e ast.Expr) {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.IndexExpr:
				e = x.X
				continue
			case *ast.SelectorExpr:
				if _, ok := info.Selections[x]; ok {
					e = x.X
					continue
				}
			case *ast.StarExpr:
				e = x.X
				continue
			}
			break
		}
		if vi := get(e); vi != nil {
			vi.unknown = true
		}
	}
	// Parameters and results hold values from elsewhere.
	spoilFields := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, field := range fl.List {
			for _, name := range field.Names {
				spoil(name)
			}
		}
	}
	for _, f := range ev.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					vi := get(name)
					switch {
					case vi == nil:
					case len(n.Values) == len(n.Names):
						vi.values = append(vi.values, valueSrc{expr: n.Values[i]})
					case len(n.Values) > 0:
						vi.unknown = true // several variables from one call
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if _, ok := ast.Unparen(lhs).(*ast.Ident); !ok {
						spoil(lhs)
						continue
					}
					vi := get(lhs)
					switch {
					case vi == nil:
					case len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE):
						vi.values = append(vi.values, valueSrc{expr: n.Rhs[i]})
					default:
						vi.unknown = true
					}
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					spoil(n.Key)
				}
				if n.Value != nil {
					if vi := get(n.Value); vi != nil {
						vi.values = append(vi.values, valueSrc{expr: n.X, elem: true})
					} else {
						spoil(n.Value)
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					spoil(n.X)
				}
			case *ast.IncDecStmt:
				spoil(n.X)
			case *ast.FuncDecl:
				spoilFields(n.Recv)
			case *ast.FuncType:
				spoilFields(n.Params)
				spoilFields(n.Results)
			}
			return true
		})
	}
	return ev.vars
}

// varOf returns the variable an identifier or a qualified identifier or
// field selector refers to.
func varOf(info *types.Info, e ast.Expr) (*types.Var, bool) {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil, false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	return v, ok && v != nil
}
