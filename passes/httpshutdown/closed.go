package httpshutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"

	"golang.org/x/tools/go/analysis"
)

// checkServeErrors reports serve calls whose error is treated as a failure
// although the package shuts the same server down (server-closed-as-failure).
func checkServeErrors(st *state, serves, closers []serverCall) {
	for _, sv := range serves {
		if sv.key == nil {
			continue // a server no variable holds cannot be shut down
		}
		cc := &closedCheck{state: st, serve: sv, seen: make(map[ast.Node]bool)}
		for _, c := range closers {
			if st.alias.same(c.key, sv.key) {
				cc.closers = append(cc.closers, c)
			}
		}
		if len(cc.closers) == 0 || !cc.closedBefore(sv.cur) {
			continue
		}
		f := cc.serveFailure()
		if f == nil {
			continue
		}
		d := analysis.Diagnostic{
			Pos:      sv.cur.Node().Pos(),
			End:      sv.cur.Node().End(),
			Category: checkClosedAsFailure,
			Message:  cc.message(f),
		}
		if fix := cc.fix(f); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		st.r.Report(d)
	}
}

// serveFailure follows the serve call's error to where it is treated as a
// failure, or returns nil.
func (cc *closedCheck) serveFailure() *failure {
	if !cc.serve.value {
		return cc.flow(cc.serve.cur, cc.serve.cur, 0)
	}
	// g.Go(srv.ListenAndServe): the error goes to g.Wait.
	p := cc.serve.cur.Parent()
	if call, ok := p.Node().(*ast.CallExpr); ok && isErrgroupGo(cc.info, call) {
		return cc.followWait(p, 0)
	}
	return nil
}

// message says which serve call returns ErrServerClosed, after which close,
// and what treats it as a failure with what consequence.
func (cc *closedCheck) message(f *failure) string {
	serve := exprString(cc.serve.sel)
	closer := exprString(cc.closer.sel)
	where := ""
	fset := cc.pass.Fset
	if sl, fl := fset.Position(cc.serve.cur.Node().Pos()), fset.Position(f.at.Node().Pos()); sl.Filename != fl.Filename || sl.Line != fl.Line {
		where = fmt.Sprintf(" at line %d", fl.Line)
		if sl.Filename != fl.Filename {
			where = fmt.Sprintf(" at %s:%d", filepath.Base(fl.Filename), fl.Line) // same package: the file name is enough
		}
	}
	var what string
	switch f.kind {
	case exitSink:
		what = fmt.Sprintf("%s%s treats it as a failure and exits before the shutdown completes", f.name, where)
	case panicSink:
		what = fmt.Sprintf("%s%s treats it as a failure and crashes the shutdown", f.name, where)
	case errorLog:
		what = fmt.Sprintf("%s%s logs it as an error on every clean stop", f.name, where)
	default:
		if where != "" {
			where = " (" + strings.TrimPrefix(where, " at ") + ")"
		}
		what = fmt.Sprintf("%s returns it to its callers%s as a failure on every clean stop", f.name, where)
	}
	return fmt.Sprintf("%s returns http.ErrServerClosed once %s is called, and %s", serve, closer, what)
}

// fix returns the edit that adds the http.ErrServerClosed comparison, in
// the first mechanical shape: a returned serve call becomes an if statement
// returning only other errors; an `if err != nil` guard gets the
// comparison; a sink called directly with the serve call is wrapped in an
// if statement.
func (cc *closedCheck) fix(f *failure) *analysis.SuggestedFix {
	const msg = "Treat http.ErrServerClosed as a clean stop"
	if cc.serve.value {
		return nil
	}
	call := cc.serve.cur.Node().(*ast.CallExpr)
	p := cc.serve.cur.Parent()
	if rs, ok := p.Node().(*ast.ReturnStmt); ok && len(rs.Results) == 1 {
		if _, ok := stmtInList(p); ok {
			fx := cc.newFixer(rs.Pos())
			if cond, ok := fx.closedCond("err", rs.Pos()); ok {
				ind := fx.indent(rs.Pos())
				fx.replace(rs, fmt.Sprintf("if err := %s; %s {\n%s\treturn err\n%s}\n%sreturn nil", fx.text(call), cond, ind, ind, ind))
				return fx.suggested(msg)
			}
		}
		return nil
	}
	if guard := cc.guardOf(f); guard != nil {
		fx := cc.newFixer(guard.Pos())
		if cond, ok := fx.closedCond(f.errVar.Name(), guard.Cond.Pos()); ok {
			fx.replace(guard.Cond, cond)
			return fx.suggested(msg)
		}
		return nil
	}
	sink, ok := f.at.Node().(*ast.CallExpr)
	if !ok || p.Node() != sink || mentionsName(sink, "err") {
		return nil
	}
	if _, ok := f.at.Parent().Node().(*ast.ExprStmt); !ok {
		return nil
	}
	stmt, ok := stmtInList(f.at)
	if !ok {
		return nil
	}
	fx := cc.newFixer(sink.Pos())
	cond, ok := fx.closedCond("err", sink.Pos())
	if !ok {
		return nil
	}
	ind := fx.indent(sink.Pos())
	fx.replace(stmt.Node(), fmt.Sprintf("if err := %s; %s {\n%s\t%s\n%s}", fx.text(call), cond, ind, fx.textReplacing(sink, call, "err"), ind))
	return fx.suggested(msg)
}

// guardOf returns the `if err != nil` statement around the failure that
// tests the variable holding the serve error, or nil.
func (cc *closedCheck) guardOf(f *failure) *ast.IfStmt {
	if f.guard != nil || f.errVar == nil {
		return f.guard
	}
	for c := range f.at.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := c.Node().(*ast.IfStmt)
		if !ok {
			return nil
		}
		if contains(ifs.Body, f.at.Node()) && nilChecked(cc.info, ifs.Cond, token.NEQ) == f.errVar {
			return ifs
		}
	}
	return nil
}

// closedCond returns the condition `name != nil && !errors.Is(name,
// http.ErrServerClosed)` as the file at pos can spell it (a plain
// comparison before Go 1.13 or when errors cannot be imported).
func (fx *fixer) closedCond(name string, pos token.Pos) (string, bool) {
	if fx == nil {
		return "", false
	}
	httpName, ok := fx.pkgName("net/http", pos)
	if !ok {
		return "", false
	}
	closed := httpName + ".ErrServerClosed"
	if ok, known := analysisutil.AtLeastGo(fx.st.pass, pos, "go1.13"); ok || !known {
		if errorsName, ok := fx.pkgName("errors", pos); ok {
			return fmt.Sprintf("%s != nil && !%s.Is(%s, %s)", name, errorsName, name, closed), true
		}
	}
	return fmt.Sprintf("%s != nil && %s != %s", name, name, closed), true
}
