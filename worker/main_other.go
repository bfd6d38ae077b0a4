//go:build !(js && wasm)

// The native twin: the same api handler as the Worker, over an in-memory
// store, as an ordinary Go server. For development without wrangler:
//
//	ADMIN_SECRET=$(openssl rand -hex 32) go run ./worker -addr 127.0.0.1:8787
//
// Data is lost when it stops. The tests use the same handler with httptest.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/trustlens/trustlens/worker/api"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8787", "listen address")
	flag.Parse()
	rate, _ := strconv.ParseFloat(os.Getenv("RATE_PER_SEC"), 64)
	burst, _ := strconv.ParseFloat(os.Getenv("RATE_BURST"), 64)
	var origins []string
	for _, s := range strings.Split(os.Getenv("EXTENSION_ORIGINS"), ",") {
		if s = strings.TrimSpace(s); s != "" {
			origins = append(origins, s)
		}
	}
	h := api.New(api.Config{
		Store:            api.NewMemStore(),
		AdminSecret:      os.Getenv("ADMIN_SECRET"),
		RatePerSec:       rate,
		RateBurst:        burst,
		ExtensionOrigins: origins,
	})
	if os.Getenv("ADMIN_SECRET") == "" {
		log.Print("ADMIN_SECRET is not set: /v1/admin/* is disabled")
	}
	srv := &http.Server{
		Addr:              *addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	log.Printf("trustlens team service (in-memory) on http://%s", *addr)
	log.Fatal(srv.ListenAndServe())
}
