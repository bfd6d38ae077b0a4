#!/usr/bin/env bash
# Latency of the team service on the real Worker: builds, starts wrangler dev
# with a fresh local D1 on 127.0.0.1, and times sequential requests
# (default 300 each) for a 100-id lookup and for writes; prints p50 and p99.
# First it prints what one request costs the Worker in CPU (worker/bench/cost.mjs).
# Usage: scripts/worker-bench.sh [-n 300]
set -euo pipefail
cd "$(dirname "$0")/.."
source worker/local.sh

worker_install
worker_build
# The Worker's own CPU per request (instantiate + Go start-up + handling), in Node with D1 stubbed.
node worker/bench/cost.mjs worker/build -n 200
trap worker_stop EXIT
worker_start "$PWD/worker/.wrangler/bench"
TRUSTLENS_ADMIN_SECRET=$ADMIN_SECRET go run ./worker/bench -url "$WORKER_URL" "$@"
