package api_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trustlens/trustlens/worker/api"
	"github.com/trustlens/trustlens/worker/apitest"
)

func randomSecret(t *testing.T) string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b[:])
}

// TestAPI runs the whole black-box suite (the same one scripts/worker-test.sh
// runs against the real Worker in wrangler dev) against the native twin.
func TestAPI(t *testing.T) {
	secret := randomSecret(t)
	srv := httptest.NewServer(api.New(api.Config{Store: api.NewMemStore(), AdminSecret: secret}))
	defer srv.Close()
	apitest.Run(t, &apitest.Target{
		URL: srv.URL, AdminSecret: secret, Client: srv.Client(),
		RatePerSec: api.DefaultRatePerSec, RateBurst: api.DefaultRateBurst,
	})
}

func serve(t *testing.T, cfg api.Config) (*apitest.Target, func()) {
	srv := httptest.NewServer(api.New(cfg))
	return &apitest.Target{URL: srv.URL, AdminSecret: cfg.AdminSecret, Client: srv.Client()}, srv.Close
}

func TestAdminDisabledWithoutSecret(t *testing.T) {
	quiet := log.New(io.Discard, "", 0)
	for _, configured := range []string{"", "too-short-to-be-a-secret"} {
		tg, stop := serve(t, api.Config{Store: api.NewMemStore(), AdminSecret: configured, Log: quiet})
		for _, secret := range []string{"", "anything", configured} {
			r := tg.Do(t, apitest.Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": "x"},
				Header: map[string]string{"X-Admin-Secret": secret}})
			apitest.ExpectError(t, r, http.StatusNotFound, "not_found", "")
		}
		stop()
	}
}

// failingStore fails every call with an error that must never reach a client.
type failingStore struct{ api.Store }

var errSecret = errors.New("disk /var/db/secret.sqlite corrupted at page 7")

func (failingStore) Authorize(context.Context, string, time.Time, float64, float64) (api.TokenRecord, bool, time.Duration, error) {
	return api.TokenRecord{}, false, 0, errSecret
}

func (failingStore) CreateTeam(context.Context, api.Team, api.TokenRecord) error { return errSecret }

// flakyStore works except for price history, which panics.
type flakyStore struct{ *api.MemStore }

func (flakyStore) PriceHistory(context.Context, string, string, int) ([]api.PriceObservation, error) {
	panic("boom: " + errSecret.Error())
}

func TestInternalErrorsAreGeneric(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	logger := log.New(writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return logs.Write(p) }), "", 0)
	secret := randomSecret(t)

	tg, stop := serve(t, api.Config{Store: failingStore{}, AdminSecret: secret, Log: logger})
	defer stop()
	r := tg.Do(t, apitest.Req{Method: "GET", Path: "/v1/team", Token: "tlt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
	apitest.ExpectError(t, r, http.StatusInternalServerError, "internal", "")
	r2 := tg.Do(t, apitest.Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": "x"},
		Header: map[string]string{"X-Admin-Secret": secret}})
	apitest.ExpectError(t, r2, http.StatusInternalServerError, "internal", "")

	mem := api.NewMemStore()
	tg2, stop2 := serve(t, api.Config{Store: flakyStore{mem}, AdminSecret: secret, Log: logger})
	defer stop2()
	tm := tg2.NewTeam(t, "flaky", 1)
	r3 := tm.Do(t, "GET", "/v1/prices/123", nil)
	apitest.ExpectError(t, r3, http.StatusInternalServerError, "internal", "")

	mu.Lock()
	defer mu.Unlock()
	for _, resp := range []*apitest.Resp{r, r2, r3} {
		if bytes.Contains(resp.Body, []byte("corrupted")) || bytes.Contains(resp.Body, []byte("boom")) {
			t.Fatalf("error details leaked to the client: %s", resp.Body)
		}
		id := resp.Header.Get("X-Request-Id")
		if !bytes.Contains(resp.Body, []byte(id)) {
			t.Fatalf("500 body lacks the request id %s: %s", id, resp.Body)
		}
		if !strings.Contains(logs.String(), id) {
			t.Fatalf("log lacks request %s: %s", id, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "corrupted at page 7") || !strings.Contains(logs.String(), "panic: boom") {
		t.Fatalf("details missing from the log: %s", logs.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestExactExtensionOrigins(t *testing.T) {
	const mine = "chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba"
	secret := randomSecret(t)
	tg, stop := serve(t, api.Config{Store: api.NewMemStore(), AdminSecret: secret, ExtensionOrigins: []string{mine}})
	defer stop()
	for origin, want := range map[string]int{
		mine: http.StatusOK,
		"chrome-extension://abcdefghijklmnopabcdefghijklmnop": http.StatusForbidden,
	} {
		r := tg.Do(t, apitest.Req{Method: "OPTIONS", Path: "/v1/team", Header: map[string]string{"Origin": origin, "Access-Control-Request-Method": "GET"}})
		if r.Status != want {
			t.Errorf("%s: %d, want %d", origin, r.Status, want)
		}
	}
}

func TestTokensAreStoredHashed(t *testing.T) {
	mem := api.NewMemStore()
	secret := randomSecret(t)
	tg, stop := serve(t, api.Config{Store: mem, AdminSecret: secret})
	defer stop()
	tm := tg.NewTeam(t, "hash", 2)
	for _, tok := range tm.Tokens {
		rec, _, _, err := mem.Authorize(context.Background(), api.HashToken(tok), time.Now(), 20, 60)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(rec.Hash+rec.ID+rec.Label, strings.TrimPrefix(tok, api.TokenPrefix)) || len(rec.Hash) != 64 || rec.ID != rec.Hash[:16] {
			t.Fatalf("stored record %+v for token", rec)
		}
	}
	a, ha := api.NewToken()
	b, _ := api.NewToken()
	if a == b || api.HashToken(a) != ha || len(a) != len(api.TokenPrefix)+43 {
		t.Fatalf("NewToken: %q %q", a, b)
	}
}

func TestMemStoreBucket(t *testing.T) {
	m := api.NewMemStore()
	ctx := context.Background()
	t0 := time.Unix(1_800_000_000, 0)
	var hashes []string
	for i := range 2 {
		_, hash := api.NewToken()
		rec := api.TokenRecord{Hash: hash, ID: api.TokenID(hash), TeamID: "team_x", CreatedAt: t0}
		if i == 0 {
			if err := m.CreateTeam(ctx, api.Team{ID: "team_x", Name: "x", CreatedAt: t0}, rec); err != nil {
				t.Fatal(err)
			}
		} else if err := m.CreateToken(ctx, rec); err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, hash)
	}
	k, other := hashes[0], hashes[1]
	allow := func(hash string, at time.Time) (bool, time.Duration) {
		_, ok, wait, err := m.Authorize(ctx, hash, at, 20, 60)
		if err != nil {
			t.Fatal(err)
		}
		return ok, wait
	}
	count := func(n int, at time.Time) int {
		allowed := 0
		for range n {
			if ok, _ := allow(k, at); ok {
				allowed++
			}
		}
		return allowed
	}
	if got := count(100, t0); got != 60 {
		t.Fatalf("burst: %d allowed, want 60", got)
	}
	if ok, wait := allow(k, t0); ok || wait <= 0 || wait > 50*time.Millisecond {
		t.Fatalf("empty bucket: ok=%v wait=%v", ok, wait)
	}
	// Half a second refills 10.
	if got := count(20, t0.Add(500*time.Millisecond)); got != 10 {
		t.Fatalf("after 0.5 s: %d allowed, want 10", got)
	}
	// A clock going backwards refills nothing; tokens have separate buckets.
	if ok, _ := allow(k, t0); ok {
		t.Fatal("backwards clock refilled the bucket")
	}
	if ok, _ := allow(other, t0); !ok {
		t.Fatal("buckets are not per token")
	}
	// A long pause refills to the burst only.
	if got := count(100, t0.Add(time.Hour)); got != 60 {
		t.Fatalf("after an hour: %d allowed, want 60", got)
	}
	if _, _, _, err := m.Authorize(ctx, "0000", t0, 20, 60); err != api.ErrNotFound {
		t.Fatalf("unknown token: %v", err)
	}
}
