# shutdownlint — see README.md.
GO             ?= go
BIN            := bin/shutdownlint
# The one place the golangci-lint version is pinned (lint target, plugin test).
GOLANGCI_LINT_VERSION := v2.15.0
export GOLANGCI_LINT_VERSION

.PHONY: all build install demo test test-go test-short tidy-check fmt-check docs lint dogfood bench realworld plugin-test clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/shutdownlint

install:
	$(GO) install ./cmd/shutdownlint

# The newcomer's first command: build, then run on the example service.
demo: build
	@echo '$$ cd example && ../$(BIN) ./...'
	-@cd example && ../$(BIN) ./...
	@echo
	@echo '$$ cd example && ../$(BIN) -diff ./...   # the suggested fixes'
	-@cd example && ../$(BIN) -diff ./...
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

# The suite on its own code.
dogfood: build
	./$(BIN) ./...

clean:
	rm -rf bin
