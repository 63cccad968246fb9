// Command shutdownlint finds the bugs that break graceful shutdown of Go
// services. Run it on packages:
//
//	shutdownlint ./...
//
// or as a go vet tool, where it also runs go vet's own analyzers:
//
//	go vet -vettool=$(command -v shutdownlint) ./...
//
// Exit status: 0 no findings, 3 findings, 1 error. See shutdownlint help.
package main

import (
	"github.com/shutdownlint/shutdownlint"
	"github.com/shutdownlint/shutdownlint/internal/driver"
)

func main() {
	driver.Main(driver.Suite{
		Name:      "shutdownlint",
		Analyzers: shutdownlint.Analyzers(),
		Catalogs:  shutdownlint.Catalogs(),
		Bundled:   shutdownlint.Bundled(),
		Vet:       shutdownlint.Vet(),
	})
}
