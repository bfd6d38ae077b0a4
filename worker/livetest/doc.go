// Package livetest runs the apitest suite against a real running Worker
// (wrangler dev with local D1). Its test is behind the "live" build tag:
//
//	TRUSTLENS_WORKER_URL=http://127.0.0.1:8788 TRUSTLENS_ADMIN_SECRET=... \
//	  go test -tags live -count=1 -v ./worker/livetest
//
// scripts/worker-test.sh starts wrangler, sets both variables and runs it.
package livetest
