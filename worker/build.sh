#!/usr/bin/env bash
# Builds the Worker: build/worker.mjs, runtime.mjs and wasm_exec.js from
# syumai/workers' generator, then build/app.wasm, and prints the raw and
# gzip-compressed sizes (the Workers free plan allows 3 MB compressed).
# wrangler deploy / wrangler dev take build/worker.mjs (see wrangler.toml).
set -euo pipefail
cd "$(dirname "$0")"

go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o build
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w -buildid=' -o build/app.wasm .

raw=$(stat -c %s build/app.wasm)
gz=$(gzip -9 -c build/app.wasm | wc -c)
# wrangler uploads the wasm together with the small .mjs glue; count it too.
glue=$(cat build/worker.mjs build/runtime.mjs build/wasm_exec.js | gzip -9 -c | wc -c)
awk -v r="$raw" -v g="$gz" -v j="$glue" 'BEGIN {
  printf "app.wasm: %d bytes raw (%.2f MiB), %d bytes gzip -9 (%.2f MiB); with JS glue %.2f MiB compressed of the free plan'"'"'s 3 MiB\n",
    r, r/1048576, g, g/1048576, (g+j)/1048576 }'
if [ $((gz + glue)) -gt $((3 * 1024 * 1024)) ]; then
  echo "build: the Worker is over the free plan's 3 MiB compressed limit" >&2
  exit 1
fi

# wrangler's own figure, the one Cloudflare checks (bundling only, offline).
if [ -x node_modules/.bin/wrangler ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false \
    npx wrangler deploy --dry-run --outdir "$out" 2>&1 | grep -E '^Total Upload' | sed 's/^/wrangler: /' || true
fi
