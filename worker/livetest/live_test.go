//go:build live

package livetest

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/trustlens/trustlens/worker/apitest"
)

// TestLive fails (never skips) without its environment: under the live tag a
// missing server is an error, not a pass.
func TestLive(t *testing.T) {
	base := os.Getenv("TRUSTLENS_WORKER_URL")
	secret := os.Getenv("TRUSTLENS_ADMIN_SECRET")
	if base == "" || secret == "" {
		t.Fatal("TRUSTLENS_WORKER_URL and TRUSTLENS_ADMIN_SECRET must be set (scripts/worker-test.sh sets them)")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("TRUSTLENS_WORKER_URL: %v", err)
	}
	// The suite writes thousands of rows: local servers only.
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		t.Fatalf("TRUSTLENS_WORKER_URL %s is not a loopback address", base)
	}
	tg := &apitest.Target{
		URL:         base,
		AdminSecret: secret,
		Client: &http.Client{
			Timeout:   60 * time.Second,
			Transport: &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64},
		},
		RatePerSec: envFloat(t, "TRUSTLENS_RATE_PER_SEC", 20),
		RateBurst:  envFloat(t, "TRUSTLENS_RATE_BURST", 60),
		Logf:       func(format string, args ...any) { fmt.Printf(format+"\n", args...) },
	}
	if err := tg.WaitHealthy(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	apitest.Run(t, tg)
}

func envFloat(t *testing.T, name string, def float64) float64 {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}
