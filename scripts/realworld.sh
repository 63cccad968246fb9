#!/usr/bin/env bash
# realworld.sh [OUT]: runs shutdownlint on the standard library and on every
# module of realworld/modules.txt (fetched through the Go module proxy into
# $RW_DIR, default /tmp/rw) and writes every finding, one line each
# ("<target> <file>:<line>:<col>: <message> (<analyzer>/<check>)"), to OUT
# (default realworld/report.txt), then a count per check. Packages of a module
# that do not build are listed in OUT.errors; they do not stop the run.
# RW_FLAGS adds flags to every run, e.g. the opt-in checks:
#   RW_FLAGS="-osexit.deep-exit -recoverpath.strict -ctxpropagation.calls" make realworld
set -uo pipefail
export GOWORK=off # some modules ship a go.work naming directories their module zip lacks
cd "$(dirname "$0")/.."
out=${1:-realworld/report.txt}
rw=${RW_DIR:-/tmp/rw}
go build -o bin/shutdownlint ./cmd/shutdownlint || exit 1
bin=$PWD/bin/shutdownlint
: > "$out"
: > "$out.errors"

run() { # target dir pattern
  local target=$1 dir=$2 pattern=$3 start=$SECONDS rc
  (cd "$dir" && "$bin" ${RW_FLAGS:-} "$pattern" > /tmp/realworld.out 2> /tmp/realworld.err)
  rc=$?
  sed "s|^|$target |" /tmp/realworld.out >> "$out"
  grep '^shutdownlint: ' /tmp/realworld.err | sed "s|^|$target |" >> "$out.errors"
  if grep -q 'internal error\|panic:' /tmp/realworld.out /tmp/realworld.err; then
    echo "!! $target: internal error (see $out / $out.errors)" >&2
  fi
  echo "$target: exit $rc, $(wc -l < /tmp/realworld.out) findings, $((SECONDS - start))s" >&2
}

run std "$(mktemp -d)" std
grep -v '^#' realworld/modules.txt | while read -r mod size _; do
  [ -n "$mod" ] || continue
  dir=$(scripts/fetch-module.sh "$mod" "$rw") || { echo "cannot fetch $mod" >&2; continue; }
  run "$mod" "$dir" ./...
done

echo "== findings per check" >&2
sed -n 's/.*(\([a-z]*\/[a-z-]*\))$/\1/p; s/.*(\([a-z]*\))$/\1/p' "$out" | sort | uniq -c | sort -rn >&2
echo "report: $out ($(wc -l < "$out") findings), build errors: $out.errors ($(wc -l < "$out.errors") lines)" >&2
