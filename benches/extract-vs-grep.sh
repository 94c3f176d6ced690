#!/usr/bin/env bash
# `quoteline extract` against `grep -rc '"'` over the same folder, in one run:
#   benches/extract-vs-grep.sh [ARTICLES] [DIR]
# The folder is generated (quoteline-gen) when missing; each command runs
# twice and the second (warm cache) run counts. QUOTELINE=path times another
# build of quoteline (the profile-guided one: benches/pgo-build.sh).
set -euo pipefail
# Another build to time, resolved before leaving the caller's directory.
custom=${QUOTELINE:+$(realpath -e "$QUOTELINE" 2>/dev/null || echo "$QUOTELINE")}
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=${2:-/tmp/quoteline-bench-$n}
cargo build --profile dist --quiet --bin quoteline --bin quoteline-gen
bin=${custom:-target/dist/quoteline}
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
  echo "extract-vs-grep: no quoteline program at $bin" >&2
  exit 1
fi
[ -d "$dir" ] || target/dist/quoteline-gen "$n" "$dir"
# Each command's time, and its status: a build that fails is not timed as
# a fast one (grep's status only says whether it found a mark).
secs() {
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || rc=$?
  t1=$(date +%s.%N)
  awk "BEGIN { print $t1 - $t0 }"
  return "$rc"
}
for _ in 1 2; do
  g=$(secs grep -rc '"' "$dir") || true
  q=$(secs "$bin" extract --no-state --format jsonl "$dir") || {
    echo "extract-vs-grep: $bin extract failed on $dir" >&2
    exit 1
  }
done
mb=$(du -sm --apparent-size "$dir" | cut -f1)
printf 'folder %s (%s articles, %s MB)\n' "$dir" "$n" "$mb"
printf '  grep -rc %s       %6.2f s\n' "'\"'" "$g"
printf '  quoteline extract  %6.2f s  (%.1fx grep)\n' "$q" "$(awk "BEGIN { print $q / $g }")"
