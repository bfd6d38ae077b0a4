// Package apitest is the black-box test suite of the team service API. It
// speaks HTTP only, so the same scenarios run against the native twin under
// httptest (worker/api tests, part of go test ./...) and against the real
// Worker in wrangler dev with local D1 (worker/livetest, go test -tags live,
// driven by scripts/worker-test.sh).
package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Target is a running service.
type Target struct {
	URL         string // base URL, no trailing slash
	AdminSecret string
	Client      *http.Client
	// RatePerSec and RateBurst are the server's per-token limits.
	RatePerSec, RateBurst float64
	// Logf receives figures worth printing (concurrent-write counts); t.Logf
	// when nil.
	Logf func(format string, args ...any)
}

// Resp is a response read in full.
type Resp struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a generic value.
func (r *Resp) JSON(t testing.TB) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("response is not a JSON object: %v: %s", err, r.Body)
	}
	return v
}

// Decode decodes the body into v.
func (r *Resp) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %T: %v: %s", v, err, r.Body)
	}
}

// Req is one request. Body: nil (none), string or []byte (raw), io.Reader
// (streamed, no Content-Length), anything else (JSON-encoded).
type Req struct {
	Method, Path string
	Token        string // Authorization: Bearer
	Body         any
	Header       map[string]string
}

// Do sends a request and reads the whole response.
func (tg *Target) Do(t testing.TB, q Req) *Resp {
	t.Helper()
	r, err := tg.try(q)
	if err != nil {
		t.Fatalf("%s %s: %v", q.Method, q.Path, err)
	}
	return r
}

func (tg *Target) try(q Req) (*Resp, error) {
	var body io.Reader
	length := int64(0)
	switch b := q.Body.(type) {
	case nil:
	case string:
		body, length = strings.NewReader(b), int64(len(b))
	case []byte:
		body, length = bytes.NewReader(b), int64(len(b))
	case io.Reader:
		body, length = b, -1
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			return nil, err
		}
		body, length = bytes.NewReader(enc), int64(len(enc))
	}
	req, err := http.NewRequest(q.Method, tg.URL+q.Path, body)
	if err != nil {
		return nil, err
	}
	req.ContentLength = length
	if q.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if q.Token != "" {
		req.Header.Set("Authorization", "Bearer "+q.Token)
	}
	for k, v := range q.Header {
		req.Header.Set(k, v)
	}
	res, err := tg.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 16<<20))
	if err != nil {
		return nil, err
	}
	return &Resp{Status: res.StatusCode, Header: res.Header, Body: data}, nil
}

// Expect fails unless the response has the status.
func Expect(t testing.TB, r *Resp, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
}

// ExpectError checks an error answer: status, code, and (when not empty)
// the field named, and that the body holds nothing but the error object.
func ExpectError(t testing.TB, r *Resp, status int, code, field string) {
	t.Helper()
	Expect(t, r, status)
	var v struct {
		Error *struct {
			Code, Message, Field, RequestID string
		} `json:"error"`
	}
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil || v.Error == nil {
		t.Fatalf("error body is not {\"error\": {...}}: %v: %s", err, r.Body)
	}
	if v.Error.Code != code {
		t.Fatalf("error code %q, want %q: %s", v.Error.Code, code, r.Body)
	}
	if field != "" && v.Error.Field != field {
		t.Fatalf("error field %q, want %q: %s", v.Error.Field, field, r.Body)
	}
	if v.Error.Message == "" {
		t.Fatalf("error without a message: %s", r.Body)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("error Content-Type %q", ct)
	}
}

// Team is a team created through the admin API, with several tokens (the
// rate limit is per token; requests rotate through them).
type Team struct {
	ID     string
	Tokens []string
	next   atomic.Uint64
	tg     *Target
}

// Tok returns the next token in rotation.
func (tm *Team) Tok() string {
	return tm.Tokens[int(tm.next.Add(1)-1)%len(tm.Tokens)]
}

// Do sends a request with the team's next token.
func (tm *Team) Do(t testing.TB, method, path string, body any) *Resp {
	t.Helper()
	return tm.tg.Do(t, Req{Method: method, Path: path, Token: tm.Tok(), Body: body})
}

// DoAs sends a request with the team's i-th token (labelled "first" for 0,
// "t<i>" for the others): for checks that depend on who writes.
func (tm *Team) DoAs(t testing.TB, i int, method, path string, body any) *Resp {
	t.Helper()
	return tm.tg.Do(t, Req{Method: method, Path: path, Token: tm.Tokens[i], Body: body})
}

// NewTeam creates a team with n tokens.
func (tg *Target) NewTeam(t testing.TB, name string, n int) *Team {
	t.Helper()
	r := tg.Do(t, Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": name, "label": "first"},
		Header: map[string]string{"X-Admin-Secret": tg.AdminSecret}})
	Expect(t, r, http.StatusCreated)
	var v struct {
		Team  struct{ ID string }
		Token string
	}
	r.Decode(t, &v)
	tm := &Team{ID: v.Team.ID, Tokens: []string{v.Token}, tg: tg}
	for len(tm.Tokens) < n {
		tm.Tokens = append(tm.Tokens, tg.NewToken(t, tm.ID, fmt.Sprintf("t%d", len(tm.Tokens))))
	}
	return tm
}

// NewToken adds a token to a team.
func (tg *Target) NewToken(t testing.TB, teamID, label string) string {
	t.Helper()
	r := tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Body: map[string]any{"teamId": teamID, "label": label},
		Header: map[string]string{"X-Admin-Secret": tg.AdminSecret}})
	Expect(t, r, http.StatusCreated)
	var v struct{ Token string }
	r.Decode(t, &v)
	return v.Token
}

func (tg *Target) logf(t testing.TB, format string, args ...any) {
	t.Helper()
	if tg.Logf != nil {
		tg.Logf(format, args...)
		return
	}
	t.Logf(format, args...)
}

// WaitHealthy polls /v1/health until it answers 200 or the timeout passes.
func (tg *Target) WaitHealthy(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		r, err := tg.try(Req{Method: "GET", Path: "/v1/health"})
		if err == nil && r.Status == http.StatusOK {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = fmt.Errorf("status %d", r.Status)
			}
			return fmt.Errorf("%s/v1/health: %v", tg.URL, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
