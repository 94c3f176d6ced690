#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 20) with cargo-fuzz, seeding the
# corpora from the demo articles. Usage: fuzz/run.sh [SECONDS] [TARGET...]
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain
# accept them. No sanitizer: quoteline has no unsafe code of its own, and
# plain builds run many more inputs per second.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(decode clean quotes html json feed)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  if [ -z "$(ls -A "fuzz/corpus/$t")" ]; then
    cp assets/demo/*.txt assets/demo/*.md "fuzz/corpus/$t/" 2>/dev/null || true
    cp tests/fixtures/formats/* "fuzz/corpus/$t/" 2>/dev/null || true
  fi
  echo "fuzz: $t for ${secs}s"
  cargo fuzz run -s none --release "$t" -- -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 2>&1 \
    | grep -E "^(#[0-9]+ +DONE|Done|==|SUMMARY|thread '|panicked|artifact)" || true
  if [ -n "$(find "fuzz/artifacts/$t" -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' 2>/dev/null)" ]; then
    echo "fuzz: $t found a failing input in fuzz/artifacts/$t" >&2
    exit 1
  fi
done
