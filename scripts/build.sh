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

echo "== extension"
# Pages, styles, icons and messages as they are; the JavaScript as one bundle
# per entry (esbuild, pinned in package.json): each entry imports what it uses.
# Classic scripts, not ES modules: content scripts, the MAIN-world capture
# script and Firefox's background scripts cannot be modules. Not minified, so a
# reviewer can read what ships.
if [ ! -x node_modules/.bin/esbuild ]; then
  echo "build: installing the npm packages pinned in package-lock.json (npm ci) for esbuild"
  npm ci --no-audit --no-fund --loglevel=error
fi
cp -R extension/. $out/chrome/
find $out/chrome \( -name '*.js' -o -name '*.mjs' -o -name '*.ts' \) -delete
bundle() { node_modules/.bin/esbuild --bundle --target=es2022 --charset=utf8 --log-level=warning --banner:js='"use strict";' --outdir=$out/chrome "$@"; }
bundle --format=iife extension/capture.js extension/content.js extension/popup.js extension/options.js
# The background has no exports: as ESM output it is a plain script whose
# top-level names stay the worker's own (the e2e tests reach the core and
# the message handlers there, as they did before bundling).
bundle --format=esm extension/background.js
cp "$wasm_exec" $out/chrome/wasm_exec.js
# The same files for Firefox; each browser gets its own cut of manifest.json
# (Chrome: background.service_worker; Firefox: background.scripts and the
# browser_specific_settings.gecko that addons.mozilla.org requires).
cp -R $out/chrome $out/firefox
go run ./scripts/manifest chrome manifest.json $out/chrome/manifest.json
go run ./scripts/manifest firefox manifest.json $out/firefox/manifest.json

echo "== store packages"
go run ./scripts/pack $out/chrome $out/trustlens-chrome.zip
go run ./scripts/pack $out/firefox $out/trustlens-firefox.zip
# Reproducible: packing the same files again gives the same bytes.
go run ./scripts/pack $out/firefox $out/.firefox-again.zip
cmp -s $out/trustlens-firefox.zip $out/.firefox-again.zip || { echo "build: trustlens-firefox.zip is not reproducible" >&2; exit 1; }
rm $out/.firefox-again.zip

# What an addons.mozilla.org reviewer needs to rebuild core.wasm from the
# source package and compare it (docs/firefox.md).
{
  echo "TrustLens $(sed -n 's/.*"version": "\(.*\)".*/\1/p' manifest.json | head -1): how core.wasm and wasm_exec.js are built"
  echo
  echo "core.wasm is the Go code of this repository (internal/, wasm/) compiled to WebAssembly;"
  echo "wasm_exec.js is the loader shipped with the same Go. capture.js, content.js, background.js, popup.js and"
  echo "options.js are bundles (esbuild $(node_modules/.bin/esbuild --version), not minified) of the hand-written modules in extension/,"
  echo "where vocab.js is readable JavaScript generated from internal/vocab (go test ./internal/vocab/ fails when it is stale)."
  echo
  echo "Go: $(go env GOVERSION) (https://go.dev/dl), on linux/amd64; modules pinned by go.sum (go mod verify)"
  echo "Command, from the root of the source package:"
  echo "  GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w -buildid=' -o core.wasm ./wasm"
  echo "  cp \"\$(go env GOROOT)/lib/wasm/wasm_exec.js\" wasm_exec.js"
  echo "The bundles and the whole package (Node $(node --version), esbuild pinned in package-lock.json):"
  echo "  npm ci && bash scripts/build.sh    # writes dist/firefox and dist/trustlens-firefox.zip"
  echo
  echo "sha256:"
  (cd $out/firefox && sha256sum core.wasm wasm_exec.js | sed 's/^/  /')
  (cd $out && sha256sum trustlens-firefox.zip | sed 's/^/  /')
} > $out/amo-reviewer-notes.txt

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
echo "Notes for the addons.mozilla.org reviewer: $out/amo-reviewer-notes.txt"

echo
echo "== verdict on the bundled sample page (testdata/samples/offer-new-store-wechat.har)"
$out/trustlens analyze testdata/samples/offer-new-store-wechat.har
echo
echo "Load $out/chrome unpacked at chrome://extensions (Developer mode > Load unpacked)."
