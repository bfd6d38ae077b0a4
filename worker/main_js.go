//go:build js && wasm

// The Cloudflare Worker: the api handler over D1 (binding "DB"). The
// generated build/worker.mjs starts a fresh Go instance for every request, so
// main runs per request and nothing in memory outlives it (the rate limiter
// therefore keeps its buckets in D1).
package main

import (
	"database/sql"
	"log"
	"net/http"
	"strconv"
	"strings"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/d1"

	"github.com/trustlens/trustlens/worker/api"
)

func main() {
	logger := log.New(log.Writer(), "trustlens-team: ", 0)
	connector, err := d1.OpenConnector("DB")
	if err != nil {
		logger.Printf("D1 binding DB: %v", err)
		workers.Serve(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"error":{"code":"internal","message":"internal error"}}` + "\n"))
		}))
		return
	}
	workers.Serve(api.New(api.Config{
		Store:            &api.SQLStore{DB: sql.OpenDB(connector)},
		AdminSecret:      cloudflare.Getenv("ADMIN_SECRET"),
		RatePerSec:       envFloat("RATE_PER_SEC"),
		RateBurst:        envFloat("RATE_BURST"),
		ExtensionOrigins: envList("EXTENSION_ORIGINS"),
		Log:              logger,
	}))
}

func envFloat(name string) float64 {
	f, _ := strconv.ParseFloat(cloudflare.Getenv(name), 64)
	return f // 0 (default) when unset or malformed
}

func envList(name string) []string {
	var out []string
	for _, s := range strings.Split(cloudflare.Getenv(name), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
