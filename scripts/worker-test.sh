#!/usr/bin/env bash
# Tests the team service (worker/): vet and format, the unit tests (the API
# suite on the native twin with httptest), then the same suite against the
# real Worker: builds the wasm (prints its raw and compressed size), applies
# the migrations to a fresh local D1, starts `wrangler dev` on 127.0.0.1
# (workerd from npm, offline) and runs go test -tags live against it: every
# endpoint, auth failures, cross-team isolation, 413, 429, CORS, and 1,000
# concurrent writes counted back. wrangler is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source worker/local.sh

step() { printf '\n== %s\n' "$*"; }

step "setup (npm ci in worker/ when needed: wrangler $(grep -o '"wrangler": "[^"]*"' worker/package.json | cut -d'"' -f4))"
worker_install

step "gofmt, go vet (native, live tag, js/wasm)"
unformatted=$(gofmt -l worker)
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./worker/...
go vet -tags live ./worker/...
GOOS=js GOARCH=wasm go vet ./worker/ ./worker/api/

step "unit tests (native twin, httptest)"
go test -count=1 ./worker/...

step "build"
worker_build

step "wrangler dev with a fresh local D1"
trap worker_stop EXIT
worker_start "$PWD/worker/.wrangler/test"

step "live tests against $WORKER_URL"
rate=$(sed -n 's/^RATE_PER_SEC = "\(.*\)"/\1/p' worker/wrangler.toml)
burst=$(sed -n 's/^RATE_BURST = "\(.*\)"/\1/p' worker/wrangler.toml)
status=0
TRUSTLENS_WORKER_URL=$WORKER_URL TRUSTLENS_ADMIN_SECRET=$ADMIN_SECRET \
  TRUSTLENS_RATE_PER_SEC=$rate TRUSTLENS_RATE_BURST=$burst \
  go test -tags live -count=1 -timeout 15m -v ./worker/livetest/ >worker/.wrangler/test/live.log 2>&1 || status=$?
grep -E '^\s*--- |^(ok|FAIL|PASS)|concurrent|burst:' worker/.wrangler/test/live.log || true
if [ "$status" -ne 0 ]; then
  echo; echo "live tests failed; full output: worker/.wrangler/test/live.log"
  grep -B2 -A8 -E '^\s+\S+\.go:[0-9]+:' worker/.wrangler/test/live.log | head -60 || true
  echo; echo "wrangler log (tail):"; tail -n 30 "$WORKER_LOG"
  exit "$status"
fi
passed=$(grep -c -E '^\s*--- PASS' worker/.wrangler/test/live.log || true)
failed=$(grep -c -E '^\s*--- FAIL' worker/.wrangler/test/live.log || true)
echo "live: $passed passed, $failed failed"
