#!/usr/bin/env bash
# Runs every test: Go vet and formatting, the Go tests (with the fuzz seed
# corpora), the core tests again under GOOS=js GOARCH=wasm in Node, the type
# check of the extension's JavaScript (tsc --checkJs), the build,
# the team service against a real local wrangler, and the end-to-end suite
# with the built extension in Debian's Chromium, then in firefox-esr (over
# WebDriver BiDi: e2e/firefox.mjs).
# Installs what it needs itself (Chromium, firefox-esr and fonts from apt, npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s (at %ss)\n' "$*" "$SECONDS"; }
trap 'printf "\n== finished in %ss\n" "$SECONDS"' EXIT

step "setup"
bash scripts/setup.sh

step "go mod verify"
go mod verify

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

step "go vet"
go vet ./...
GOOS=js GOARCH=wasm go vet ./wasm/

step "go test"
go test -count=1 ./...
(cd third_party/pretty && go vet . && go test -count=1 .) # its own module: the patched gjson dependency

step "go test under GOOS=js GOARCH=wasm (Node)"
PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm go test -count=1 ./internal/...

step "team service (unit tests, then live tests against wrangler dev with local D1)"
bash scripts/worker-test.sh

step "type check of extension/ (tsc --noEmit --checkJs, tsconfig.json: JSDoc types, @types/chrome)"
node_modules/.bin/tsc -p tsconfig.json

step "build"
bash scripts/build.sh >/tmp/trustlens-build.log 2>&1 || { cat /tmp/trustlens-build.log; exit 1; }
grep -E '^(core.wasm|dist/)' /tmp/trustlens-build.log || true

step "end-to-end (Chromium)"
# Two files at a time: most of their time is spent waiting on the browser.
node --test --test-concurrency=2 --test-reporter=spec $(ls e2e/*.test.mjs | grep -v '^e2e/firefox\.test\.mjs$')

step "end-to-end (Firefox)"
node --test --test-reporter=spec e2e/firefox.test.mjs
