# shutdownlint — see README.md.
GO             ?= go
BIN            := bin/shutdownlint
# golangci-lint's version is pinned in one place, .custom-gcl.yml.
GOLANGCI_LINT_VERSION := $(shell sed -n 's/^version: *//p' .custom-gcl.yml)
export GOLANGCI_LINT_VERSION

.PHONY: all build install demo test test-go test-short tidy-check fmt-check docs lint dogfood bench realworld plugin-test sarif-validate clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/shutdownlint

install:
	$(GO) install ./cmd/shutdownlint

# The newcomer's first command: build, then run on the example service.
demo: build
	@echo '$$ cd example && ../$(BIN) ./...'
	@cd example && ../$(BIN) ./...; rc=$$?; echo "(exit status $$rc: 3 means findings, 0 none, 1 an error)"; [ $$rc -ne 1 ]
	@echo
	@echo '$$ cd example && ../$(BIN) -diff ./...   # the suggested fixes'
	@cd example && ../$(BIN) -diff ./...; [ $$? -ne 1 ]
	@echo
	@echo '$$ $(BIN) -explain exit-skips-defer        # the docs of a check'
	@./$(BIN) -explain exit-skips-defer

# Everything CI runs on every change.
test: tidy-check fmt-check test-go

test-go:
	$(GO) test ./...

test-short:
	$(GO) test -short ./...

tidy-check:
	$(GO) mod tidy -diff

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '/testdata/')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Regenerate the README's check table from the passes' doc.go files.
docs:
	$(GO) run ./internal/cmd/gendocs -w README.md

lint:
	$(GO) run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION) run ./...

# Builds a custom golangci-lint with the plugin (no git: a tiny module that
# imports golangci-lint's command and the plugin, replace'd to this checkout)
# and runs it on plugin/testdata/fixture. Minutes when cold.
plugin-test:
	SHUTDOWNLINT_PLUGIN_E2E=1 $(GO) test -count=1 -run TestCustomGolangciLint -timeout 30m -v ./plugin/

# Validates the SARIF output with Microsoft's SARIF Multitool (GitHub's
# rules), installed from the npm registry into .cache/.
SARIF_TOOL := .cache/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
sarif-validate:
	@test -x $(SARIF_TOOL) || (mkdir -p .cache/sarif && cd .cache/sarif && npm install --no-audit --no-fund --silent @microsoft/sarif-multitool-linux@5.7.0 && chmod u+x node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool)
	SARIF_MULTITOOL=$(CURDIR)/$(SARIF_TOOL) $(GO) test -count=1 -run 'TestSARIF' -v ./cmd/shutdownlint/

# The suite on its own code.
dogfood: build
	./$(BIN) ./...

# Speed and memory next to go vet, on std and the bench modules (long).
bench:
	$(GO) run ./internal/cmd/bench -o bench.out

# The suite over std and every module of realworld/modules.txt; every
# finding goes to realworld/report.txt (triaged in realworld/TRIAGE.md).
realworld:
	scripts/realworld.sh realworld/report.txt

clean:
	rm -rf bin
