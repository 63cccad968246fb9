package analysisutil

import (
	"go/ast"
	"go/types"
)

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	return IsNamedType(t, "context", "Context")
}

// IsFreshContext reports whether fn is context.Background or context.TODO,
// the calls that make a context nothing can cancel.
func IsFreshContext(fn types.Object) bool {
	return IsFunc(fn, "context", "Background", "TODO")
}

// IsContextDerivation reports whether fn derives a cancellable context from
// a parent: context.WithCancel, WithCancelCause, WithTimeout,
// WithTimeoutCause, WithDeadline, WithDeadlineCause, signal.NotifyContext,
// errgroup.WithContext.
func IsContextDerivation(fn types.Object) bool {
	return IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause") ||
		IsFunc(fn, "os/signal", "NotifyContext") ||
		IsFunc(fn, "golang.org/x/sync/errgroup", "WithContext")
}

// IsSignalRegistration reports whether fn registers signals:
// signal.Notify or signal.NotifyContext.
func IsSignalRegistration(fn types.Object) bool {
	return IsFunc(fn, "os/signal", "Notify", "NotifyContext")
}

// DoneContext returns the context expression x when e is the call x.Done()
// of context.Context's Done method, or nil:
//
//	<-ctx.Done()   // DoneContext(info, u.X) is ctx
func DoneContext(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !IsMethod(CalleeObject(info, call), "context", "Context", "Done") {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return ast.Unparen(sel.X)
}
