// Command bench measures the team service's latency from a client: N
// sequential requests per operation (after a warm-up), p50/p90/p99/max.
// scripts/worker-bench.sh runs it against wrangler dev with local D1.
//
//	TRUSTLENS_ADMIN_SECRET=... go run ./worker/bench -url http://127.0.0.1:8787 [-n 300]
//
// It creates its own team, and rotates through several tokens so that the
// per-token rate limit (20/s) does not throttle a sequential loop.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"time"
)

func main() {
	base := flag.String("url", os.Getenv("TRUSTLENS_WORKER_URL"), "service base URL (loopback only)")
	n := flag.Int("n", 300, "sequential requests per operation (1-5000)")
	tokens := flag.Int("tokens", 16, "tokens to rotate through (1-100)")
	flag.Parse()
	secret := os.Getenv("TRUSTLENS_ADMIN_SECRET")
	if err := run(*base, secret, *n, *tokens); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type client struct {
	base   string
	http   *http.Client
	secret string
	tokens []string
	next   int
}

func (c *client) do(method, path, token string, body any, admin bool) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if admin {
		req.Header.Set("X-Admin-Secret", c.secret)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	return res.StatusCode, data, err
}

// call sends one request with the next token and insists on want.
func (c *client) call(method, path string, body any, want int) error {
	tok := c.tokens[c.next%len(c.tokens)]
	c.next++
	status, data, err := c.do(method, path, tok, body, false)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if status != want {
		return fmt.Errorf("%s %s: status %d, want %d: %s", method, path, status, want, data)
	}
	return nil
}

func run(base, secret string, n, ntokens int) error {
	u, err := url.Parse(base)
	if err != nil || base == "" {
		return fmt.Errorf("-url %q: need the service's base URL", base)
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-url %s: loopback addresses only", base)
	}
	if secret == "" {
		return fmt.Errorf("TRUSTLENS_ADMIN_SECRET is not set")
	}
	if n < 1 || n > 5000 || ntokens < 1 || ntokens > 100 {
		return fmt.Errorf("-n must be 1-5000 and -tokens 1-100")
	}
	c := &client{base: base, secret: secret, http: &http.Client{Timeout: 30 * time.Second}}

	// Wait for the server, then make a team with ntokens tokens.
	deadline := time.Now().Add(30 * time.Second)
	for {
		status, _, err := c.do("GET", "/v1/health", "", nil, false)
		if err == nil && status == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s/v1/health not answering: %v", base, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	status, data, err := c.do("POST", "/v1/admin/teams", "", map[string]any{"name": "bench"}, true)
	if err != nil || status != http.StatusCreated {
		return fmt.Errorf("create team: %d %v %s", status, err, data)
	}
	var team struct {
		Team  struct{ ID string }
		Token string
	}
	if err := json.Unmarshal(data, &team); err != nil {
		return err
	}
	c.tokens = []string{team.Token}
	for len(c.tokens) < ntokens {
		status, data, err := c.do("POST", "/v1/admin/tokens", "", map[string]any{"teamId": team.Team.ID}, true)
		if err != nil || status != http.StatusCreated {
			return fmt.Errorf("create token: %d %v %s", status, err, data)
		}
		var tok struct{ Token string }
		if err := json.Unmarshal(data, &tok); err != nil {
			return err
		}
		c.tokens = append(c.tokens, tok.Token)
	}

	// A search page's worth of ids; a third have entries, some have reports.
	ids := make([]string, 100)
	for i := range ids {
		ids[i] = fmt.Sprintf("b2b-%012d", 220000000000+i)
	}
	for i := 0; i < len(ids); i += 3 {
		if err := c.call("PUT", "/v1/suppliers/"+ids[i], map[string]any{"action": "block", "note": "seeded", "rating": 2, "by": "bench"}, http.StatusOK); err != nil {
			return err
		}
	}
	for i := 0; i < len(ids); i += 10 {
		if err := c.call("POST", "/v1/reports", map[string]any{"memberId": ids[i], "ruleIds": []string{"payment-off-platform"}, "by": "bench"}, http.StatusCreated); err != nil {
			return err
		}
	}

	ops := []struct {
		name   string
		method string
		path   func(i int) string
		body   func(i int) any
		want   int
	}{
		{"health (no D1)", "GET", func(int) string { return "/v1/health" }, nil, http.StatusOK},
		{"lookup, 100 ids", "POST", func(int) string { return "/v1/suppliers/lookup" },
			func(int) any { return map[string]any{"memberIds": ids} }, http.StatusOK},
		{"write: price observation", "POST", func(int) string { return "/v1/prices" },
			func(i int) any {
				return map[string]any{"offerId": "680000000001", "memberId": ids[0], "min": float64(300+i%50) / 100, "max": 9.5, "currency": "CNY"}
			}, http.StatusCreated},
		{"write: supplier upsert", "PUT", func(i int) string { return "/v1/suppliers/" + ids[i%len(ids)] },
			func(i int) any { return map[string]any{"action": "trust", "rating": 1 + i%5, "by": "bench"} }, http.StatusOK},
		{"history, one offer", "GET", func(int) string { return "/v1/prices/680000000001?limit=50" }, nil, http.StatusOK},
	}
	fmt.Printf("%d sequential requests per operation against %s (after 10 warm-up requests)\n", n, base)
	fmt.Printf("%-26s %8s %8s %8s %8s\n", "operation", "p50 ms", "p90 ms", "p99 ms", "max ms")
	for _, op := range ops {
		var lat []time.Duration
		for i := -10; i < n; i++ {
			var body any
			if op.body != nil {
				body = op.body(i + 10)
			}
			start := time.Now()
			if err := c.call(op.method, op.path(i+10), body, op.want); err != nil {
				return err
			}
			if i >= 0 {
				lat = append(lat, time.Since(start))
			}
		}
		slices.Sort(lat)
		fmt.Printf("%-26s %8.1f %8.1f %8.1f %8.1f\n", op.name, ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)), ms(lat[len(lat)-1]))
	}
	return nil
}

// pct is the nearest-rank percentile of sorted durations.
func pct(sorted []time.Duration, p int) time.Duration {
	rank := (p*len(sorted) + 99) / 100
	return sorted[max(rank-1, 0)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
