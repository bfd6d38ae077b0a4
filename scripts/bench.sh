#!/usr/bin/env bash
# Benchmarks the review analysis (internal/reviews) in one run on the same
# generated review sets (100 / 1,000 / 5,000 reviews with planted
# near-duplicate clusters, bursts and repeat reviewers):
#   - ours in native Go, and ours compiled to WebAssembly (GOOS=js) running
#     in Node and, when /usr/bin/chromium (or $CHROMIUM) exists, in headless
#     Chromium, the extension's engine;
#   - a naive all-pairs Go Levenshtein (agnivade/levenshtein) and an
#     all-pairs JavaScript baseline (fastest-levenshtein in Node) on the same
#     compared texts;
# and prints times, ratios, memory, and precision / recall on the planted
# clusters and bursts. Installs what it needs (Go modules; the npm packages
# pinned in bench/package-lock.json). Outputs go to bench/data and bench/out
# (both git-ignored). Then the extension's own call per review page through
# core.wasm (bench/run-core-session.mjs: with an analysis session, and the
# whole page again, in Node and Chromium), the core's page benchmarks and the team service's
# p50/p99 latency (BENCH_SKIP_WORKER=1 skips it). Between them, today's
# core and extension side by side with the baseline commit $base, built in
# bench/out/base from that commit's tree: bench/run-core-compare.mjs (wasm
# size, compile, instantiate, Go start-up, first and later analysis of each
# real page, verdicts compared; COMPARE_RUNS=3 cold runs) and
# bench/extension-compare.mjs (fresh browser, worker restart -> badge,
# WARM_BENCH_N=40 warm loads, the 60-card search annotation over
# SEARCH_BENCH_N=5 loads; builds the extension into bench/out/dist unless
# $TRUSTLENS_DIST names one).
# Usage: scripts/bench.sh [sizes, default 100,1000,5000]
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${1:-100,1000,5000}"
# The baseline the lean core is compared with: the commit before the work on
# it (bench/README.md).
base=0946fab
step() { printf '\n== %s\n' "$*" >&2; }

step "setup"
go mod download
(cd bench && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
mkdir -p bench/out bench/data
rm -f bench/out/*.json

step "generate the review sets ($sizes)"
go run ./bench/gen -out bench/data -sizes "$sizes" >&2

step "build the wasm harness"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w -buildid=' -o bench/out/reviews.wasm ./bench/wasm
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" bench/out/wasm_exec.js
printf 'reviews.wasm %s bytes, go %s, node %s\n' "$(wc -c <bench/out/reviews.wasm)" "$(go env GOVERSION)" "$(node --version)" >&2

step "Go native: ours and naive all-pairs"
go run ./bench/native -data bench/data -sizes "$sizes" >bench/out/native.json

step "Go wasm in Node"
node bench/run-wasm.mjs "$sizes" >bench/out/wasm-node.json

chromium_bin="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium_bin" ]; then
  step "Go wasm in Chromium ($("$chromium_bin" --version 2>/dev/null | head -1))"
  CHROMIUM="$chromium_bin" node bench/run-chromium.mjs "$sizes" >bench/out/wasm-chromium.json ||
    { echo "Chromium run failed; its rows are left out" >&2; rm -f bench/out/wasm-chromium.json; }
else
  echo "no Chromium at $chromium_bin: the Chromium rows are left out" >&2
fi

step "JavaScript all-pairs (fastest-levenshtein)"
node bench/allpairs.mjs "$sizes" >bench/out/js.json

step "results (machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
node bench/table.mjs

step "review pages through core.wasm: one new page per call (session) vs every response again"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w -buildid=' -o bench/out/core.wasm ./wasm
CHROMIUM="$chromium_bin" node bench/run-core-session.mjs "$sizes"

step "text rules on the labelled corpus (testdata/corpus): precision and recall per rule"
go test -run '^TestCorpus$' -count=1 -v ./internal/rules/ | sed -n 's/^ *corpus_test.go:[0-9]*: //p'

step "page analysis: core benchmarks (native Go)"
go test -run '^$' -bench 'AnalyzeG2|AnalyzeStringG2|ParseG2|ParseG3|Search60|ReviewPage' -benchmem ./internal/core/ ./internal/page/

step "today's core against the baseline ($base): build both"
# The baseline is built from the commit's own tree (git archive), never
# from this checkout: its core.wasm and its extension.
rm -rf bench/out/base bench/out/compare
mkdir -p bench/out/base/src bench/out/compare
git archive "$base" | tar -x -C bench/out/base/src
(cd bench/out/base/src && GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w -buildid=' -o ../../compare/old.wasm ./wasm)
cp bench/out/core.wasm bench/out/compare/new.wasm
cp bench/out/wasm_exec.js bench/out/compare/wasm_exec.js
go run ./bench/snapshots -out bench/out/compare/snapshots

step "today's core against the baseline: Node and Chromium (load $(cut -d' ' -f1-3 /proc/loadavg))"
CHROMIUM="$chromium_bin" node bench/run-core-compare.mjs bench/out/compare "${COMPARE_RUNS:-3}" ||
  echo "the core comparison failed or found different verdicts (above)" >&2

if [ -x "$chromium_bin" ]; then
  step "the extension against the baseline in Chromium: worker restart, warm pages, search annotation"
  # The extension as this checkout builds it (a dist/ left from another
  # commit would measure something else); $TRUSTLENS_DIST names another.
  new_dist="${TRUSTLENS_DIST:-}"
  if [ -z "$new_dist" ]; then
    DIST=bench/out/dist bash scripts/build.sh >/dev/null
    new_dist=bench/out/dist/chrome
  fi
  (cd bench/out/base/src && DIST=../dist bash scripts/build.sh >/dev/null)
  [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null
  CHROMIUM="$chromium_bin" node bench/extension-compare.mjs bench/out/base/dist/chrome "$new_dist" "${WARM_BENCH_N:-40}" "${RESTART_BENCH_N:-5}" ||
    echo "the extension comparison failed; its rows are left out" >&2
fi

if [ "${BENCH_SKIP_WORKER:-}" = "" ]; then
  step "team service latency (wrangler dev, local D1)"
  bash scripts/worker-bench.sh -n "${WORKER_BENCH_N:-300}"
fi
