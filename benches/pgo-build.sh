#!/usr/bin/env bash
# Builds quoteline, quoteline-bench and quoteline-gen with profile-guided
# optimisation, into target/pgo/dist/:
#   benches/pgo-build.sh
# The dist build is first built instrumented and run over a training corpus
# (2 000 generated articles from a seed the benchmarks do not use, and the
# demo corpus in assets/), then built again with the branch and call counts
# it recorded. Needs llvm-profdata, from `rustup component add llvm-tools`.
set -euo pipefail
cd "$(dirname "$0")/.."
profdata=$(ls "$(rustc --print sysroot)"/lib/rustlib/*/bin/llvm-profdata 2>/dev/null | head -n 1 || true)
if [ -z "$profdata" ]; then
  echo "pgo-build: llvm-profdata is missing; install it with: rustup component add llvm-tools" >&2
  exit 1
fi
data=$PWD/target/pgo-data
rm -rf "$data"
mkdir -p "$data/profiles"
bins=(--bin quoteline --bin quoteline-bench --bin quoteline-gen)
# With an explicit target, RUSTFLAGS reach the program only, not the build
# scripts and derive macros that run while it is built.
host=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-Cprofile-generate=$data/profiles" \
  cargo build --quiet --profile dist --target "$host" --target-dir target/pgo-train "${bins[@]}"
train=target/pgo-train/$host/dist
"$train/quoteline-gen" --seed 3 2000 "$data/corpus" >/dev/null
"$train/quoteline" extract --no-state --format jsonl "$data/corpus" assets >/dev/null
"$train/quoteline" speakers --no-state "$data/corpus" >/dev/null
"$train/quoteline-bench" --load-only --articles 2000 --dir "$data/corpus" >/dev/null
"$profdata" merge -o "$data/merged.profdata" "$data/profiles"
# Cargo does not see a new profile's content: build afresh.
rm -rf target/pgo
RUSTFLAGS="-Cprofile-use=$data/merged.profdata" \
  cargo build --quiet --profile dist --target "$host" --target-dir target/pgo "${bins[@]}"
mkdir -p target/pgo/dist
for b in quoteline quoteline-bench quoteline-gen; do
  cp "target/pgo/$host/dist/$b" target/pgo/dist/
done
echo "pgo-build: built target/pgo/dist/quoteline, quoteline-bench and quoteline-gen"
