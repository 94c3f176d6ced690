#!/usr/bin/env bash
# `quoteline extract` against `grep -c '"'` over the same folder, in one run:
#   benches/extract-vs-grep.sh [ARTICLES] [DIR]
# The folder is generated (quoteline-gen) when missing; each command runs
# twice and the second (warm cache) run counts. QUOTELINE=path times another
# build of quoteline (the profile-guided one: benches/pgo-build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=${2:-/tmp/quoteline-bench-$n}
cargo build --profile dist --quiet --bin quoteline --bin quoteline-gen
bin=${QUOTELINE:-target/dist/quoteline}
if [ ! -x "$bin" ]; then
  echo "extract-vs-grep: no quoteline at $bin (a path from the repository's root)" >&2
  exit 1
fi
[ -d "$dir" ] || target/dist/quoteline-gen "$n" "$dir"
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); awk "BEGIN { print $t1 - $t0 }"; }
for _ in 1 2; do
  g=$(secs grep -rc '"' "$dir")
  q=$(secs "$bin" extract --no-state --format jsonl "$dir")
done
mb=$(du -sm --apparent-size "$dir" | cut -f1)
printf 'folder %s (%s articles, %s MB)\n' "$dir" "$n" "$mb"
printf '  grep -rc %s       %6.2f s\n' "'\"'" "$g"
printf '  quoteline extract  %6.2f s  (%.1fx grep)\n' "$q" "$(awk "BEGIN { print $q / $g }")"
