#!/usr/bin/env bash
# Builds the product: the Go core as WebAssembly, the unpacked extension in
# dist/chrome (and dist/firefox), their store zips, the CLI in dist/trustlens,
# then shows a verdict on the bundled sample page.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

command -v go >/dev/null || { echo "build: Go is required (https://go.dev/dl)" >&2; exit 1; }
go mod download

# DIST lets parallel work build elsewhere (default: dist).
out=${DIST:-dist}
rm -rf "$out"
mkdir -p "$out/chrome"

echo "== core.wasm"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w -buildid=' -o $out/chrome/core.wasm ./wasm
# wasm_exec.js must come from the same Go that built the wasm (Go >= 1.24 keeps it in lib/wasm).
goroot=$(go env GOROOT)
wasm_exec="$goroot/lib/wasm/wasm_exec.js"
[ -f "$wasm_exec" ] || wasm_exec="$goroot/misc/wasm/wasm_exec.js"
cp "$wasm_exec" $out/chrome/wasm_exec.js

echo "== extension"
cp -R extension/. $out/chrome/
cp manifest.json $out/chrome/manifest.json
# Sources that must not ship (generators, tests).
find $out/chrome \( -name '*.test.mjs' -o -name 'gen-*.mjs' \) -delete
# Firefox reads the same manifest (background.scripts beside service_worker).
cp -R $out/chrome $out/firefox

echo "== store packages"
go run ./scripts/pack $out/chrome $out/trustlens-chrome.zip
go run ./scripts/pack $out/firefox $out/trustlens-firefox.zip

echo "== CLI"
go build -trimpath -o $out/trustlens ./cmd/trustlens

raw=$(stat -c %s $out/chrome/core.wasm)
gz=$(gzip -9 -c $out/chrome/core.wasm | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "\ncore.wasm: %d bytes raw (%.2f MB), %d bytes gzipped (%.2f MB)\n", r, r/1048576, g, g/1048576 }'
for z in $out/trustlens-chrome.zip $out/trustlens-firefox.zip; do
  printf '%s: %d bytes\n' "$z" "$(stat -c %s "$z")"
done
echo
(cd "$out" && sha256sum chrome/core.wasm chrome/wasm_exec.js trustlens-chrome.zip trustlens-firefox.zip)

echo
echo "== verdict on the bundled sample page (testdata/samples/offer-new-store-wechat.har)"
$out/trustlens analyze testdata/samples/offer-new-store-wechat.har
echo
echo "Load $out/chrome unpacked at chrome://extensions (Developer mode > Load unpacked)."
