package analysisutil_test

import (
	"testing"

	"github.com/shutdownlint/shutdownlint/internal/analysisutil"
	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis"
)

func TestIsStdPath(t *testing.T) {
	dotless := &analysis.Pass{Module: &analysis.Module{Path: "myservice"}}
	dotted := &analysis.Pass{Module: &analysis.Module{Path: "example.com/app"}}
	noModule := &analysis.Pass{}
	for _, tc := range []struct {
		pass *analysis.Pass
		path string
		want bool
	}{
		{noModule, "net/http", true},
		{noModule, "myservice/logx", true}, // no module known: the dot rule alone
		{noModule, "example.com/app/logx", false},
		{dotless, "net/http", true},
		{dotless, "myservice", false},
		{dotless, "myservice/logx", false},
		{dotless, "myservicex/logx", true}, // another dotless path, not the module's
		{dotted, "os", true},
		{dotted, "example.com/app/logx", false},
		{dotted, "github.com/sirupsen/logrus", false},
	} {
		assert.Equal(t, tc.want, analysisutil.IsStdPath(tc.pass, tc.path), "%s in module %v", tc.path, tc.pass.Module)
	}
}
