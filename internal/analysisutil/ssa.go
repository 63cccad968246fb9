package analysisutil

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// SSA is the SSA form of one package.
type SSA struct {
	Pkg *ssa.Package
	// SrcFuncs are the functions declared in the package's files and their
	// function literals, in source order.
	SrcFuncs []*ssa.Function
}

// BuildSSA builds the SSA form of the pass's package. Functions of imported
// packages are created from their types only (no bodies). Calls of
// functions that never return (os.Exit) are not known to SSA: blocks after
// them look reachable.
//
// Why not x/tools' buildssa: it requires ctrlflow, which declares facts, and
// under go vet (unitchecker) an analyzer that transitively requires a
// fact-producing analyzer also runs on every dependency of the checked
// packages, the whole standard library included. A pass that required
// buildssa would build SSA for all of std on every uncached run. Nor is SSA
// built by a required analyzer of the suite's own: that would build it for
// every checked package, which costs a fifth of the suite's time on std.
// Passes call BuildSSA after a cheap syntactic check that the package can
// hold what they look for in SSA.
func BuildSSA(pass *analysis.Pass) *SSA {
	// Generic functions keep one generic body (no instantiations).
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	res := &SSA{Pkg: pkg}
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		res.SrcFuncs = append(res.SrcFuncs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			if fn := prog.FuncValue(obj); fn != nil {
				add(fn)
			}
		}
	}
	return res
}
