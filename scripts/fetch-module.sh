#!/usr/bin/env bash
# fetch-module.sh MODULE@VERSION DIR: puts a writable copy of the module's
# source, fetched through the Go module proxy, in DIR/<module path with / as
# _>@<version>, downloads its dependencies, and prints that directory.
set -euo pipefail
export GOWORK=off
modver=$1
root=$2
dest="$root/$(echo "$modver" | tr / _)"
if [ ! -f "$dest/.fetched" ]; then
  src=$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod go mod download -json "$modver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$src" ] || { echo "fetch-module: cannot download $modver" >&2; exit 1; }
  rm -rf "$dest"
  mkdir -p "$root"
  cp -r "$src" "$dest"
  chmod -R u+w "$dest"
  (cd "$dest" && go mod download >/dev/null 2>&1 || true)
  # Web assets a module embeds are often built by its Makefile (npm) and
  # absent from the module zip (alertmanager's ui/app/dist): a placeholder
  # file lets the package build, as go vet needs every package to load.
  (cd "$dest" && go list -e -f '{{if .Error}}{{.Error}}{{end}}' ./... 2>/dev/null |
    sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: pattern \([^:]*\): no matching files found$/\1 \2/p' |
    while read -r file pattern; do
      mkdir -p "$(dirname "$file")/$pattern" && echo placeholder > "$(dirname "$file")/$pattern/placeholder.txt"
    done) || true
  touch "$dest/.fetched"
fi
echo "$dest"
