package apitest

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Run runs every scenario against tg. The scenarios create their own teams,
// so they also pass against a database that already holds data.
func Run(t *testing.T, tg *Target) {
	for _, s := range []struct {
		name string
		fn   func(*testing.T, *Target)
	}{
		{"Health", testHealth},
		{"AdminAndTokens", testAdminAndTokens},
		{"AuthFailures", testAuthFailures},
		{"Suppliers", testSuppliers},
		{"SupplierList", testSupplierList},
		{"Lookup", testLookup},
		{"Reports", testReports},
		{"Prices", testPrices},
		{"Validation", testValidation},
		{"RoutesAndMethods", testRoutes},
		{"BodyLimits", testBodyLimits},
		{"CORS", testCORS},
		{"CrossTeamIsolation", testIsolation},
		{"WriterIsTheToken", testWriterIsTheToken},
		{"InvisibleCharacters", testInvisibleCharacters},
		{"IdempotencyPerToken", testIdempotencyPerToken},
		{"IdsRevealNoVolume", testIdsRevealNoVolume},
		{"MemberIdsAsTheCore", testMemberIDsAsTheCore},
		{"RateLimit", testRateLimit},
		{"ConcurrentWrites", testConcurrentWrites},
	} {
		t.Run(s.name, func(t *testing.T) { s.fn(t, tg) })
	}
}

const (
	memberA = "b2b-22175540303633d894"
	memberB = "b2b-406915100661872"
	memberC = "b2b-1634230375"
	offer1  = "680123456789"
	offer2  = "680123456790"
	extID   = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
	mozID   = "moz-extension://0b5f6a1e-8a3c-4f1d-9b2e-6c7d8e9fa0b1"
)

var (
	tokenRE = regexp.MustCompile(`^tlt_[A-Za-z0-9_-]{43}$`)
	// Report and price ids: random, so they say nothing about other teams.
	rowIDRE = regexp.MustCompile(`^[0-9a-f]{16}$`)
)

func testHealth(t *testing.T, tg *Target) {
	r := tg.Do(t, Req{Method: "GET", Path: "/v1/health"})
	Expect(t, r, http.StatusOK)
	v := r.JSON(t)
	if v["ok"] != true || v["api"] != "v1" {
		t.Fatalf("health: %s", r.Body)
	}
	for _, h := range []string{"X-Request-Id", "X-Content-Type-Options", "Cache-Control"} {
		if r.Header.Get(h) == "" {
			t.Errorf("health: no %s header", h)
		}
	}
}

func admin(tg *Target, secret string) map[string]string {
	return map[string]string{"X-Admin-Secret": secret}
}

func testAdminAndTokens(t *testing.T, tg *Target) {
	// Creating a team returns its first token once; only the hash is kept.
	r := tg.Do(t, Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": "Admin test"}, Header: admin(tg, tg.AdminSecret)})
	Expect(t, r, http.StatusCreated)
	var created struct {
		Team struct {
			ID, Name, CreatedAt string
		}
		Token, TokenID string
	}
	r.Decode(t, &created)
	if !tokenRE.MatchString(created.Token) || len(created.TokenID) != 16 || !strings.HasPrefix(created.Team.ID, "team_") || created.Team.Name != "Admin test" {
		t.Fatalf("create team: %s", r.Body)
	}

	// The admin secret is required and compared exactly.
	for _, secret := range []string{"", "wrong", tg.AdminSecret + "x", strings.ToUpper(tg.AdminSecret)} {
		if secret == tg.AdminSecret {
			continue
		}
		r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": "x"}, Header: admin(tg, secret)})
		ExpectError(t, r, http.StatusForbidden, "forbidden", "")
		r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Body: map[string]any{"teamId": created.Team.ID}, Header: admin(tg, secret)})
		ExpectError(t, r, http.StatusForbidden, "forbidden", "")
	}
	// A team token is no admin credential.
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Token: created.Token, Body: map[string]any{"teamId": created.Team.ID}})
	ExpectError(t, r, http.StatusForbidden, "forbidden", "")

	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{}, Header: admin(tg, tg.AdminSecret)})
	ExpectError(t, r, http.StatusBadRequest, "invalid_request", "name")
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": strings.Repeat("n", 101)}, Header: admin(tg, tg.AdminSecret)})
	ExpectError(t, r, http.StatusBadRequest, "invalid_request", "name")

	// More tokens for the team; unknown teams are refused.
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Body: map[string]any{"teamId": created.Team.ID, "label": "laptop"}, Header: admin(tg, tg.AdminSecret)})
	Expect(t, r, http.StatusCreated)
	var tok2 struct{ TeamID, Token, TokenID, TokenLabel string }
	r.Decode(t, &tok2)
	if tok2.TeamID != created.Team.ID || !tokenRE.MatchString(tok2.Token) || tok2.Token == created.Token || tok2.TokenLabel != "laptop" {
		t.Fatalf("create token: %s", r.Body)
	}
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Body: map[string]any{"teamId": "team_0000000000000000"}, Header: admin(tg, tg.AdminSecret)})
	ExpectError(t, r, http.StatusNotFound, "not_found", "teamId")
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Body: map[string]any{}, Header: admin(tg, tg.AdminSecret)})
	ExpectError(t, r, http.StatusBadRequest, "invalid_request", "teamId")

	// Both tokens work and name the team.
	for _, tok := range []string{created.Token, tok2.Token} {
		r = tg.Do(t, Req{Method: "GET", Path: "/v1/team", Token: tok})
		Expect(t, r, http.StatusOK)
		v := r.JSON(t)
		if v["teamId"] != created.Team.ID || v["teamName"] != "Admin test" {
			t.Fatalf("team info: %s", r.Body)
		}
	}

	// Revoking one token leaves the other working.
	r = tg.Do(t, Req{Method: "DELETE", Path: "/v1/admin/tokens/" + tok2.TokenID, Header: admin(tg, "nope")})
	ExpectError(t, r, http.StatusForbidden, "forbidden", "")
	r = tg.Do(t, Req{Method: "DELETE", Path: "/v1/admin/tokens/" + tok2.TokenID, Header: admin(tg, tg.AdminSecret)})
	Expect(t, r, http.StatusOK)
	r = tg.Do(t, Req{Method: "GET", Path: "/v1/team", Token: tok2.Token})
	ExpectError(t, r, http.StatusUnauthorized, "unauthorized", "")
	r = tg.Do(t, Req{Method: "GET", Path: "/v1/team", Token: created.Token})
	Expect(t, r, http.StatusOK)
	r = tg.Do(t, Req{Method: "DELETE", Path: "/v1/admin/tokens/" + tok2.TokenID, Header: admin(tg, tg.AdminSecret)})
	ExpectError(t, r, http.StatusNotFound, "not_found", "")
	r = tg.Do(t, Req{Method: "DELETE", Path: "/v1/admin/tokens/not-hex", Header: admin(tg, tg.AdminSecret)})
	ExpectError(t, r, http.StatusBadRequest, "invalid_request", "tokenId")
}

func testAuthFailures(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Auth test", 1)
	for _, h := range []string{
		"",                            // no header
		"Bearer",                      // no token
		"Bearer ",                     // empty token
		"Basic dXNlcjpwYXNz",          // other scheme
		"Bearer tlt_short",            // too short to be a token
		"Bearer " + tm.Tokens[0][:20], // prefix of a real token
		"Bearer " + tm.Tokens[0] + "x",
		"Bearer tlt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // well-formed, unknown
		"Bearer " + tm.Tokens[0] + " " + tm.Tokens[0],
		"Bearer ../../etc/passwd_xxxxxxxxxxxxxxxx",
	} {
		for _, path := range []string{"/v1/team", "/v1/suppliers/" + memberA, "/v1/reports", "/v1/prices/" + offer1} {
			hdr := map[string]string{}
			if h != "" {
				hdr["Authorization"] = h
			}
			r := tg.Do(t, Req{Method: "GET", Path: path, Header: hdr})
			ExpectError(t, r, http.StatusUnauthorized, "unauthorized", "")
			if !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Fatalf("401 without WWW-Authenticate: Bearer (%q)", h)
			}
		}
	}
	// Writes without a valid token store nothing.
	r := tg.Do(t, Req{Method: "PUT", Path: "/v1/suppliers/" + memberA, Token: "tlt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		Body: map[string]any{"action": "block"}})
	ExpectError(t, r, http.StatusUnauthorized, "unauthorized", "")
	// The scheme is case-insensitive (RFC 9110).
	r = tg.Do(t, Req{Method: "GET", Path: "/v1/team", Header: map[string]string{"Authorization": "bearer " + tm.Tokens[0]}})
	Expect(t, r, http.StatusOK)
}

type supplier struct {
	MemberID, Action, Note, By, CreatedAt, UpdatedAt string
	Rating                                           *int
	Version                                          int64
}

type lookupResult struct {
	MemberID     string
	Entry        *supplier
	ReportCount  int
	LastReportAt *string
}

func testSuppliers(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Suppliers test", 2)
	r := tm.Do(t, "GET", "/v1/suppliers/"+memberA, nil)
	ExpectError(t, r, http.StatusNotFound, "not_found", "")

	r = tm.DoAs(t, 0, "PUT", "/v1/suppliers/"+memberA, map[string]any{"action": "block", "note": "asked to pay outside 1688\nthen vanished", "rating": 1})
	Expect(t, r, http.StatusOK)
	var e1 supplier
	r.Decode(t, &e1)
	if e1.MemberID != memberA || e1.Action != "block" || e1.Rating == nil || *e1.Rating != 1 || e1.By != "first" || e1.Version != 1 || e1.CreatedAt != e1.UpdatedAt || !strings.Contains(e1.Note, "\n") {
		t.Fatalf("put: %s", r.Body)
	}
	if _, err := time.Parse(time.RFC3339, e1.CreatedAt); err != nil {
		t.Fatalf("createdAt %q: %v", e1.CreatedAt, err)
	}

	// A second write replaces the entry, keeps createdAt, bumps version.
	r = tm.DoAs(t, 1, "PUT", "/v1/suppliers/"+memberA, map[string]any{"action": "trust", "rating": nil})
	Expect(t, r, http.StatusOK)
	var e2 supplier
	r.Decode(t, &e2)
	if e2.Action != "trust" || e2.Rating != nil || e2.Note != "" || e2.By != "t1" || e2.Version != 2 || e2.CreatedAt != e1.CreatedAt {
		t.Fatalf("second put: %s", r.Body)
	}

	r = tm.Do(t, "GET", "/v1/suppliers/"+memberA, nil)
	Expect(t, r, http.StatusOK)
	var got lookupResult
	r.Decode(t, &got)
	if got.MemberID != memberA || got.Entry == nil || got.Entry.Version != 2 || got.Entry.Action != "trust" || got.ReportCount != 0 || got.LastReportAt != nil {
		t.Fatalf("get: %s", r.Body)
	}

	// "none" with a note is a plain note; every rating 1-5 is accepted.
	for rating := 1; rating <= 5; rating++ {
		r = tm.Do(t, "PUT", "/v1/suppliers/"+memberB, map[string]any{"action": "none", "note": "sample ok", "rating": rating})
		Expect(t, r, http.StatusOK)
	}
	r = tm.Do(t, "GET", "/v1/suppliers/"+memberB, nil)
	r.Decode(t, &got)
	if got.Entry == nil || got.Entry.Action != "none" || *got.Entry.Rating != 5 || got.Entry.Version != 5 {
		t.Fatalf("get B: %s", r.Body)
	}

	// Unicode notes are counted in characters, not bytes.
	r = tm.Do(t, "PUT", "/v1/suppliers/"+memberC, map[string]any{"action": "block", "note": strings.Repeat("假", 2000)})
	Expect(t, r, http.StatusOK)
}

func testSupplierList(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "List test", 2)
	var ids []string
	for i := range 7 {
		id := fmt.Sprintf("b2b-%010d", 1000000000+i)
		ids = append(ids, id)
		action := []string{"block", "trust", "none"}[i%3]
		Expect(t, tm.Do(t, "PUT", "/v1/suppliers/"+id, map[string]any{"action": action}), http.StatusOK)
	}
	var seen []string
	after := ""
	for page := 0; page < 10; page++ {
		path := "/v1/suppliers?limit=3"
		if after != "" {
			path += "&after=" + after
		}
		r := tm.Do(t, "GET", path, nil)
		Expect(t, r, http.StatusOK)
		var v struct {
			Entries []supplier
			Next    *string
		}
		r.Decode(t, &v)
		if len(v.Entries) > 3 {
			t.Fatalf("page of %d with limit=3", len(v.Entries))
		}
		for _, e := range v.Entries {
			seen = append(seen, e.MemberID)
		}
		if v.Next == nil {
			break
		}
		after = *v.Next
	}
	if !slices.Equal(seen, ids) {
		t.Fatalf("paged list %v, want %v", seen, ids)
	}
	r := tm.Do(t, "GET", "/v1/suppliers?action=block", nil)
	Expect(t, r, http.StatusOK)
	var v struct{ Entries []supplier }
	r.Decode(t, &v)
	if len(v.Entries) != 3 {
		t.Fatalf("action=block: %d entries: %s", len(v.Entries), r.Body)
	}
	for _, e := range v.Entries {
		if e.Action != "block" {
			t.Fatalf("action=block listed %s", e.Action)
		}
	}
	ExpectError(t, tm.Do(t, "GET", "/v1/suppliers?action=maybe", nil), http.StatusBadRequest, "invalid_request", "action")
	ExpectError(t, tm.Do(t, "GET", "/v1/suppliers?limit=0", nil), http.StatusBadRequest, "invalid_request", "limit")
	ExpectError(t, tm.Do(t, "GET", "/v1/suppliers?limit=501", nil), http.StatusBadRequest, "invalid_request", "limit")
	ExpectError(t, tm.Do(t, "GET", "/v1/suppliers?after=nope", nil), http.StatusBadRequest, "invalid_request", "after")
}

func testLookup(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Lookup test", 2)
	Expect(t, tm.Do(t, "PUT", "/v1/suppliers/"+memberA, map[string]any{"action": "block", "note": "fake", "rating": 1}), http.StatusOK)
	Expect(t, tm.Do(t, "PUT", "/v1/suppliers/"+memberC, map[string]any{"action": "trust"}), http.StatusOK)
	for range 2 {
		Expect(t, tm.Do(t, "POST", "/v1/reports", map[string]any{"memberId": memberB, "ruleIds": []string{"payment-off-platform"}}), http.StatusCreated)
	}
	Expect(t, tm.Do(t, "POST", "/v1/reports", map[string]any{"memberId": memberA, "evidence": "photo of fake licence"}), http.StatusCreated)

	// Order is kept, duplicates answered once, unknown ids answered empty.
	ids := []string{memberC, memberB, memberA, memberC, "b2b-00000000unknown"}
	r := tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": ids})
	Expect(t, r, http.StatusOK)
	var v struct{ Results []lookupResult }
	r.Decode(t, &v)
	want := []string{memberC, memberB, memberA, "b2b-00000000unknown"}
	if len(v.Results) != len(want) {
		t.Fatalf("lookup: %d results: %s", len(v.Results), r.Body)
	}
	for i, res := range v.Results {
		if res.MemberID != want[i] {
			t.Fatalf("result %d is %s, want %s", i, res.MemberID, want[i])
		}
	}
	c, b, a, u := v.Results[0], v.Results[1], v.Results[2], v.Results[3]
	if c.Entry == nil || c.Entry.Action != "trust" || c.ReportCount != 0 {
		t.Errorf("C: %+v", c)
	}
	if b.Entry != nil || b.ReportCount != 2 || b.LastReportAt == nil {
		t.Errorf("B (reports only): %+v", b)
	}
	if a.Entry == nil || a.Entry.Action != "block" || *a.Entry.Rating != 1 || a.ReportCount != 1 {
		t.Errorf("A: %+v", a)
	}
	if u.Entry != nil || u.ReportCount != 0 || u.LastReportAt != nil {
		t.Errorf("unknown: %+v", u)
	}
	// GET of a member with reports but no entry answers too.
	r = tm.Do(t, "GET", "/v1/suppliers/"+memberB, nil)
	Expect(t, r, http.StatusOK)

	// A full search page: 100 ids in one request.
	var hundred []string
	for i := range 100 {
		hundred = append(hundred, fmt.Sprintf("b2b-%012d", i))
	}
	hundred[42] = memberA
	r = tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": hundred})
	Expect(t, r, http.StatusOK)
	r.Decode(t, &v)
	if len(v.Results) != 100 || v.Results[42].Entry == nil || v.Results[42].Entry.Action != "block" || v.Results[41].Entry != nil {
		t.Fatalf("lookup of 100: %d results", len(v.Results))
	}
	ExpectError(t, tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": append(hundred, memberB)}), http.StatusBadRequest, "invalid_request", "memberIds")
	ExpectError(t, tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": []string{}}), http.StatusBadRequest, "invalid_request", "memberIds")
	ExpectError(t, tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{}), http.StatusBadRequest, "invalid_request", "memberIds")
	ExpectError(t, tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": []string{memberA, memberB, "B2B-UPPERCASE1"}}), http.StatusBadRequest, "invalid_request", "memberIds[2]")
	ExpectError(t, tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": []any{memberA, 7}}), http.StatusBadRequest, "invalid_request", "memberIds")
}

type report struct {
	ID                     string
	IdempotencyKey         *string
	MemberID, Evidence, By string
	OfferID                *string
	RuleIDs                []string
	ReportedAt             string
}

func testReports(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Reports test", 2)
	r := tm.DoAs(t, 0, "POST", "/v1/reports", map[string]any{
		"memberId": memberA, "offerId": offer1, "ruleIds": []string{"upfront-full-payment", "payment-off-platform"},
		"evidence": "chat: 全款先付 (full payment first)"})
	Expect(t, r, http.StatusCreated)
	var r1 report
	r.Decode(t, &r1)
	if !rowIDRE.MatchString(r1.ID) || r1.MemberID != memberA || r1.OfferID == nil || *r1.OfferID != offer1 || len(r1.RuleIDs) != 2 || r1.By != "first" || r1.ReportedAt == "" {
		t.Fatalf("report: %s", r.Body)
	}
	var ids []string
	ids = append(ids, r1.ID)
	for i := range 4 {
		r = tm.Do(t, "POST", "/v1/reports", map[string]any{"memberId": memberA, "ruleIds": []string{"certs-missing"}, "evidence": fmt.Sprintf("m%d", i)})
		Expect(t, r, http.StatusCreated)
		var rp report
		r.Decode(t, &rp)
		if rp.OfferID != nil {
			t.Fatalf("offerId should be null: %s", r.Body)
		}
		ids = append(ids, rp.ID)
	}
	// A report resent by the same token with the same idempotency key is stored once.
	keyed := map[string]any{"idempotencyKey": "7f0c2a1e-5b9d-4c3e-8a71-2d4f6b8c9e01", "memberId": memberB, "evidence": "late delivery"}
	r = tm.DoAs(t, 1, "POST", "/v1/reports", keyed)
	Expect(t, r, http.StatusCreated)
	var first report
	r.Decode(t, &first)
	keyed["evidence"] = "resent with other text"
	r = tm.DoAs(t, 1, "POST", "/v1/reports", keyed)
	Expect(t, r, http.StatusOK)
	var again report
	r.Decode(t, &again)
	if again.ID != first.ID || again.Evidence != "late delivery" || again.IdempotencyKey == nil || *again.IdempotencyKey != keyed["idempotencyKey"] {
		t.Fatalf("resent report: %s (first id %s)", r.Body, first.ID)
	}

	// Newest first, paged with before=.
	var got []string
	path := "/v1/reports?memberId=" + memberA + "&limit=2"
	for page := 0; page < 10; page++ {
		r = tm.Do(t, "GET", path, nil)
		Expect(t, r, http.StatusOK)
		var v struct {
			Reports []report
			Next    *string
		}
		r.Decode(t, &v)
		for _, rp := range v.Reports {
			if rp.MemberID != memberA {
				t.Fatalf("memberId filter leaked %s", rp.MemberID)
			}
			got = append(got, rp.ID)
		}
		if v.Next == nil {
			break
		}
		path = "/v1/reports?memberId=" + memberA + "&limit=2&before=" + *v.Next
	}
	slices.Reverse(ids)
	if !slices.Equal(got, ids) {
		t.Fatalf("reports %v, want %v", got, ids)
	}
	r = tm.Do(t, "GET", "/v1/reports", nil)
	Expect(t, r, http.StatusOK)
	var all struct{ Reports []report }
	r.Decode(t, &all)
	if len(all.Reports) != 6 || all.Reports[0].MemberID != memberB {
		t.Fatalf("all reports: %s", r.Body)
	}
	ExpectError(t, tm.Do(t, "GET", "/v1/reports?memberId=x", nil), http.StatusBadRequest, "invalid_request", "memberId")
	ExpectError(t, tm.Do(t, "GET", "/v1/reports?before=-1", nil), http.StatusBadRequest, "invalid_request", "before")
	ExpectError(t, tm.Do(t, "GET", "/v1/reports?before=17", nil), http.StatusBadRequest, "invalid_request", "before")
}

type price struct {
	ID                        string
	OfferID, Currency, SeenAt string
	MemberID                  *string
	Min, Max                  float64
}

type priceSummary struct {
	Currency                   string
	Count                      int
	Lowest, Highest, MedianMin float64
	LatestMin, LatestMax       float64
	FirstSeenAt, LastSeenAt    string
}

type priceHistory struct {
	OfferID      string
	Total        int
	Truncated    bool
	Observations []price
	Summary      []priceSummary
}

func testPrices(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Prices test", 2)
	now := time.Now().UTC()
	day := func(d int) string { return now.Add(time.Duration(-d) * 24 * time.Hour).Format(time.RFC3339) }
	obs := []map[string]any{
		{"offerId": offer1, "memberId": memberA, "min": 3.5, "max": 5, "currency": "CNY", "seenAt": day(30)},
		{"offerId": offer1, "min": 3.2, "max": 4.8, "currency": "CNY", "seenAt": day(20)},
		{"offerId": offer1, "min": 4.1, "max": 6.25, "currency": "CNY", "seenAt": day(10)},
		{"offerId": offer1, "min": 0.55, "max": 0.8, "currency": "USD", "seenAt": day(5)},
		{"offerId": offer1, "min": 3.9, "max": 5.5, "currency": "CNY"}, // seenAt defaults to now
		{"offerId": offer2, "min": 100.0, "max": 100.0, "currency": "CNY"},
	}
	for _, o := range obs {
		r := tm.Do(t, "POST", "/v1/prices", o)
		Expect(t, r, http.StatusCreated)
		var p price
		r.Decode(t, &p)
		if !rowIDRE.MatchString(p.ID) || p.OfferID != o["offerId"] || p.Min != o["min"] || p.Currency != o["currency"] {
			t.Fatalf("price: %s", r.Body)
		}
		if _, ok := o["seenAt"]; !ok {
			seen, err := time.Parse(time.RFC3339, p.SeenAt)
			if err != nil || seen.Sub(now).Abs() > time.Minute {
				t.Fatalf("default seenAt %q not now", p.SeenAt)
			}
		}
	}
	// Resending an observation with its idempotency key stores it once.
	keyed := map[string]any{"idempotencyKey": "obs-offer2-0001", "offerId": offer2, "min": 99.5, "max": 100.0, "currency": "CNY"}
	r := tm.DoAs(t, 0, "POST", "/v1/prices", keyed)
	Expect(t, r, http.StatusCreated)
	var firstObs price
	r.Decode(t, &firstObs)
	for range 2 {
		r = tm.DoAs(t, 0, "POST", "/v1/prices", keyed)
		Expect(t, r, http.StatusOK)
		var p price
		r.Decode(t, &p)
		if p.ID != firstObs.ID {
			t.Fatalf("resent observation got id %s, first %s", p.ID, firstObs.ID)
		}
	}
	r = tm.Do(t, "GET", "/v1/prices/"+offer2, nil)
	var h priceHistory
	r.Decode(t, &h)
	if h.Total != 2 {
		t.Fatalf("offer2 after resends: %s", r.Body)
	}

	r = tm.Do(t, "GET", "/v1/prices/"+offer1, nil)
	Expect(t, r, http.StatusOK)
	r.Decode(t, &h)
	if h.OfferID != offer1 || h.Total != 5 || h.Truncated || len(h.Observations) != 5 {
		t.Fatalf("history: %s", r.Body)
	}
	wantMins := []float64{3.9, 0.55, 4.1, 3.2, 3.5} // newest seen first
	for i, p := range h.Observations {
		if p.Min != wantMins[i] {
			t.Fatalf("observation %d min %v, want %v: %s", i, p.Min, wantMins[i], r.Body)
		}
	}
	if h.Observations[4].MemberID == nil || *h.Observations[4].MemberID != memberA {
		t.Fatalf("memberId not kept: %s", r.Body)
	}
	if len(h.Summary) != 2 {
		t.Fatalf("summary per currency: %s", r.Body)
	}
	cny, usd := h.Summary[0], h.Summary[1]
	// CNY mins 3.5, 3.2, 4.1, 3.9: median (3.5+3.9)/2.
	if cny.Currency != "CNY" || cny.Count != 4 || cny.Lowest != 3.2 || cny.Highest != 6.25 || cny.MedianMin != 3.7 ||
		cny.LatestMin != 3.9 || cny.LatestMax != 5.5 || cny.FirstSeenAt >= cny.LastSeenAt {
		t.Errorf("CNY summary: %+v", cny)
	}
	if usd.Currency != "USD" || usd.Count != 1 || usd.Lowest != 0.55 || usd.MedianMin != 0.55 {
		t.Errorf("USD summary: %+v", usd)
	}
	r = tm.Do(t, "GET", "/v1/prices/"+offer1+"?limit=2", nil)
	r.Decode(t, &h)
	if len(h.Observations) != 2 || h.Total != 5 || h.Summary[0].Count != 4 {
		t.Fatalf("limit=2: %s", r.Body)
	}
	r = tm.Do(t, "GET", "/v1/prices/999999999", nil)
	Expect(t, r, http.StatusOK)
	r.Decode(t, &h)
	if h.Total != 0 || len(h.Observations) != 0 || len(h.Summary) != 0 {
		t.Fatalf("unknown offer: %s", r.Body)
	}
	ExpectError(t, tm.Do(t, "GET", "/v1/prices/"+offer1+"?limit=1001", nil), http.StatusBadRequest, "invalid_request", "limit")
}

func testValidation(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Validation test", 2)
	future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	cases := []struct {
		method, path string
		body         any
		field        string
	}{
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{}, "action"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "blok"}, "action"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": 1}, "action"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "block", "note": "a\u0000b"}, "note"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "block", "rating": 0}, "rating"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "block", "rating": 6}, "rating"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "block", "rating": 2.5}, "rating"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "block", "rating": "3"}, "rating"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "block", "note": strings.Repeat("n", 2001)}, "note"},
		{"PUT", "/v1/suppliers/" + memberA, map[string]any{"action": "block", "colour": "red"}, "colour"},
		{"PUT", "/v1/suppliers/b2b-sh_rt", map[string]any{"action": "block"}, "memberId"},
		{"PUT", "/v1/suppliers/a-" + memberA, map[string]any{"action": "block"}, "memberId"},
		{"PUT", "/v1/suppliers/b2b-" + strings.Repeat("x", 41), map[string]any{"action": "block"}, "memberId"},
		{"PUT", "/v1/suppliers/" + strings.ToUpper(memberA), map[string]any{"action": "block"}, "memberId"},
		{"PUT", "/v1/suppliers/" + memberA, `{"action": "block"`, "body"},
		{"PUT", "/v1/suppliers/" + memberA, `{"action": "block"} {}`, "body"},
		{"PUT", "/v1/suppliers/" + memberA, `[1, 2]`, "body"},
		{"PUT", "/v1/suppliers/" + memberA, ``, "body"},
		{"PUT", "/v1/suppliers/" + memberA, `{"action": "block",}`, "body"},
		{"GET", "/v1/suppliers/nope", nil, "memberId"},
		{"POST", "/v1/reports", map[string]any{"ruleIds": []string{"x"}}, "memberId"},
		{"POST", "/v1/reports", map[string]any{"memberId": memberA}, "ruleIds"},
		{"POST", "/v1/reports", map[string]any{"memberId": memberA, "ruleIds": []string{"Upfront_Payment"}}, "ruleIds[0]"},
		{"POST", "/v1/reports", map[string]any{"memberId": memberA, "ruleIds": []string{"ok", "-bad"}}, "ruleIds[1]"},
		{"POST", "/v1/reports", map[string]any{"memberId": memberA, "ruleIds": slices.Repeat([]string{"a"}, 21)}, "ruleIds"},
		{"POST", "/v1/reports", map[string]any{"memberId": memberA, "ruleIds": "upfront-full-payment"}, "ruleIds"},
		{"POST", "/v1/reports", map[string]any{"memberId": memberA, "evidence": strings.Repeat("e", 2001)}, "evidence"},
		{"POST", "/v1/reports", map[string]any{"memberId": memberA, "evidence": "x", "offerId": "12a"}, "offerId"},
		{"POST", "/v1/prices", map[string]any{"min": 1, "max": 2, "currency": "CNY"}, "offerId"},
		{"POST", "/v1/prices", map[string]any{"offerId": "offer-1", "min": 1, "max": 2, "currency": "CNY"}, "offerId"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "max": 2, "currency": "CNY"}, "min"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "currency": "CNY"}, "max"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 3, "max": 2, "currency": "CNY"}, "max"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": -1, "max": 2, "currency": "CNY"}, "min"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1.001, "max": 2, "currency": "CNY"}, "min"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 1e12, "currency": "CNY"}, "max"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": "1", "max": 2, "currency": "CNY"}, "min"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 2, "currency": "EUR"}, "currency"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 2}, "currency"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 2, "currency": "CNY", "seenAt": "yesterday"}, "seenAt"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 2, "currency": "CNY", "seenAt": future}, "seenAt"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 2, "currency": "CNY", "seenAt": "1999-12-31T00:00:00Z"}, "seenAt"},
		{"POST", "/v1/prices", map[string]any{"offerId": offer1, "memberId": "nope", "min": 1, "max": 2, "currency": "CNY"}, "memberId"},
		{"GET", "/v1/prices/12x", nil, "offerId"},
		{"POST", "/v1/prices", map[string]any{"idempotencyKey": "short", "offerId": offer1, "min": 1, "max": 2, "currency": "CNY"}, "idempotencyKey"},
		{"POST", "/v1/reports", map[string]any{"idempotencyKey": "has space in it", "memberId": memberA, "evidence": "x"}, "idempotencyKey"},
		{"POST", "/v1/reports", map[string]any{"idempotencyKey": 12345678, "memberId": memberA, "evidence": "x"}, "idempotencyKey"},
	}
	for _, c := range cases {
		r := tm.Do(t, c.method, c.path, c.body)
		ExpectError(t, r, http.StatusBadRequest, "invalid_request", c.field)
		if !strings.Contains(string(r.Body), c.field) {
			t.Fatalf("%s %s: message does not name %s: %s", c.method, c.path, c.field, r.Body)
		}
	}
	// Nothing invalid was stored.
	r := tm.Do(t, "GET", "/v1/suppliers/"+memberA, nil)
	ExpectError(t, r, http.StatusNotFound, "not_found", "")
	r = tm.Do(t, "GET", "/v1/prices/"+offer1, nil)
	var h priceHistory
	r.Decode(t, &h)
	if h.Total != 0 {
		t.Fatalf("invalid prices stored: %s", r.Body)
	}
}

func testRoutes(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Routes test", 1)
	tok := tm.Tokens[0]
	for _, p := range []string{"/", "/v1", "/v2/health", "/v1/unknown", "/v1/health/", "/v1/suppliers/" + memberA + "/x", "/admin"} {
		ExpectError(t, tg.Do(t, Req{Method: "GET", Path: p, Token: tok}), http.StatusNotFound, "not_found", "")
	}
	for _, c := range []struct{ method, path, allow string }{
		{"POST", "/v1/health", "GET"},
		{"DELETE", "/v1/suppliers/" + memberA, "GET, PUT"},
		{"GET", "/v1/suppliers/lookup", "POST"},
		{"PUT", "/v1/suppliers/lookup", "POST"},
		{"PUT", "/v1/reports", "POST, GET"},
		{"GET", "/v1/admin/teams", "POST"},
	} {
		r := tg.Do(t, Req{Method: c.method, Path: c.path, Token: tok})
		ExpectError(t, r, http.StatusMethodNotAllowed, "method_not_allowed", "")
		if r.Header.Get("Allow") != c.allow {
			t.Errorf("%s %s: Allow %q, want %q", c.method, c.path, r.Header.Get("Allow"), c.allow)
		}
	}
	// Bodies must be declared JSON.
	r := tg.Do(t, Req{Method: "POST", Path: "/v1/reports", Token: tok, Body: `{"memberId":"` + memberA + `","evidence":"x"}`,
		Header: map[string]string{"Content-Type": "text/plain"}})
	ExpectError(t, r, http.StatusUnsupportedMediaType, "unsupported_media_type", "")
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/reports", Token: tok, Body: `{"memberId":"` + memberA + `","evidence":"x"}`,
		Header: map[string]string{"Content-Type": "application/json; charset=utf-8"}})
	Expect(t, r, http.StatusCreated)
}

func testBodyLimits(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Body test", 2)
	// Just under 64 KiB is fine (whitespace padding keeps the JSON valid).
	small := `{"memberId":"` + memberA + `","evidence":"near the limit"}`
	under := small + strings.Repeat(" ", 65536-len(small))
	r := tm.Do(t, "POST", "/v1/reports", under)
	Expect(t, r, http.StatusCreated)

	over := small + strings.Repeat(" ", 65537-len(small))
	r = tm.Do(t, "POST", "/v1/reports", over)
	ExpectError(t, r, http.StatusRequestEntityTooLarge, "payload_too_large", "")

	big := `{"memberId":"` + memberA + `","evidence":"` + strings.Repeat("x", 70000) + `"}`
	r = tm.Do(t, "POST", "/v1/reports", big)
	ExpectError(t, r, http.StatusRequestEntityTooLarge, "payload_too_large", "")
	r = tm.Do(t, "PUT", "/v1/suppliers/"+memberA, `{"action":"block","note":"`+strings.Repeat("y", 1<<20)+`"}`)
	ExpectError(t, r, http.StatusRequestEntityTooLarge, "payload_too_large", "")

	// Streamed without Content-Length: cut off while reading.
	r = tm.Do(t, "POST", "/v1/reports", io.MultiReader(strings.NewReader(big)))
	ExpectError(t, r, http.StatusRequestEntityTooLarge, "payload_too_large", "")

	r = tm.Do(t, "GET", "/v1/reports?memberId="+memberA, nil)
	var v struct{ Reports []report }
	r.Decode(t, &v)
	if len(v.Reports) != 1 {
		t.Fatalf("%d reports stored, want only the one under the limit", len(v.Reports))
	}
}

func testCORS(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "CORS test", 1)
	preflight := func(origin string) *Resp {
		return tg.Do(t, Req{Method: "OPTIONS", Path: "/v1/suppliers/lookup", Header: map[string]string{
			"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type"}})
	}
	for _, origin := range []string{extID, mozID} {
		r := preflight(origin)
		if r.Status/100 != 2 {
			t.Fatalf("preflight from %s: %d %s", origin, r.Status, r.Body)
		}
		if r.Header.Get("Access-Control-Allow-Origin") != origin {
			t.Fatalf("preflight from %s: Allow-Origin %q", origin, r.Header.Get("Access-Control-Allow-Origin"))
		}
		methods := r.Header.Get("Access-Control-Allow-Methods")
		headers := strings.ToLower(r.Header.Get("Access-Control-Allow-Headers"))
		if !strings.Contains(methods, "POST") || !strings.Contains(methods, "PUT") || !strings.Contains(headers, "authorization") || !strings.Contains(headers, "content-type") {
			t.Fatalf("preflight headers: methods %q headers %q", methods, headers)
		}
	}
	for _, origin := range []string{"https://evil.example", "http://localhost", "null", "https://detail.1688.com",
		"chrome-extension://evil.example", "chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil.example", "moz-extension://nope"} {
		r := preflight(origin)
		ExpectError(t, r, http.StatusForbidden, "forbidden", "")
		if v := r.Header.Get("Access-Control-Allow-Origin"); v != "" {
			t.Fatalf("preflight from %s allowed: %q", origin, v)
		}
		// The actual request from a web page is refused too (not only by the
		// browser), even with a valid token.
		r = tg.Do(t, Req{Method: "GET", Path: "/v1/team", Token: tm.Tokens[0], Header: map[string]string{"Origin": origin}})
		ExpectError(t, r, http.StatusForbidden, "forbidden", "")
		if v := r.Header.Get("Access-Control-Allow-Origin"); v != "" {
			t.Fatalf("request from %s allowed: %q", origin, v)
		}
	}
	r := tg.Do(t, Req{Method: "GET", Path: "/v1/team", Token: tm.Tokens[0], Header: map[string]string{"Origin": extID}})
	Expect(t, r, http.StatusOK)
	if r.Header.Get("Access-Control-Allow-Origin") != extID || !strings.Contains(r.Header.Get("Vary"), "Origin") {
		t.Fatalf("extension request: ACAO %q Vary %q", r.Header.Get("Access-Control-Allow-Origin"), r.Header.Get("Vary"))
	}
}

func testIsolation(t *testing.T, tg *Target) {
	a := tg.NewTeam(t, "Team A", 2)
	b := tg.NewTeam(t, "Team B", 2)
	Expect(t, a.Do(t, "PUT", "/v1/suppliers/"+memberA, map[string]any{"action": "block", "note": "A's secret note", "rating": 1}), http.StatusOK)
	Expect(t, a.Do(t, "POST", "/v1/reports", map[string]any{"memberId": memberA, "ruleIds": []string{"payment-off-platform"}, "evidence": "A's evidence"}), http.StatusCreated)
	Expect(t, a.Do(t, "POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 9.99, "max": 12, "currency": "CNY"}), http.StatusCreated)

	// B sees nothing of A's.
	ExpectError(t, b.Do(t, "GET", "/v1/suppliers/"+memberA, nil), http.StatusNotFound, "not_found", "")
	r := b.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": []string{memberA}})
	Expect(t, r, http.StatusOK)
	var lk struct{ Results []lookupResult }
	r.Decode(t, &lk)
	if len(lk.Results) != 1 || lk.Results[0].Entry != nil || lk.Results[0].ReportCount != 0 {
		t.Fatalf("B's lookup shows A's data: %s", r.Body)
	}
	r = b.Do(t, "GET", "/v1/suppliers", nil)
	var list struct{ Entries []supplier }
	r.Decode(t, &list)
	if len(list.Entries) != 0 {
		t.Fatalf("B's list shows A's entries: %s", r.Body)
	}
	for _, path := range []string{"/v1/reports", "/v1/reports?memberId=" + memberA} {
		r = b.Do(t, "GET", path, nil)
		var reps struct{ Reports []report }
		r.Decode(t, &reps)
		if len(reps.Reports) != 0 {
			t.Fatalf("B's %s shows A's reports: %s", path, r.Body)
		}
	}
	r = b.Do(t, "GET", "/v1/prices/"+offer1, nil)
	var h priceHistory
	r.Decode(t, &h)
	if h.Total != 0 {
		t.Fatalf("B's price history shows A's prices: %s", r.Body)
	}
	for _, rr := range []*Resp{b.Do(t, "GET", "/v1/suppliers/"+memberA, nil), b.Do(t, "GET", "/v1/reports", nil)} {
		if strings.Contains(string(rr.Body), "A's") {
			t.Fatalf("B's response carries A's text: %s", rr.Body)
		}
	}

	// B writing the same member id makes B's own entry; A's is untouched.
	r = b.Do(t, "PUT", "/v1/suppliers/"+memberA, map[string]any{"action": "trust", "note": "B likes them"})
	Expect(t, r, http.StatusOK)
	var eb supplier
	r.Decode(t, &eb)
	if eb.Version != 1 || eb.Note != "B likes them" {
		t.Fatalf("B's first write should be version 1 of B's own entry: %s", r.Body)
	}
	r = a.Do(t, "GET", "/v1/suppliers/"+memberA, nil)
	var ga lookupResult
	r.Decode(t, &ga)
	if ga.Entry == nil || ga.Entry.Action != "block" || ga.Entry.Note != "A's secret note" || ga.Entry.Version != 1 || ga.ReportCount != 1 {
		t.Fatalf("A's entry changed by B: %s", r.Body)
	}
	Expect(t, b.Do(t, "POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 1, "currency": "USD"}), http.StatusCreated)
	r = a.Do(t, "GET", "/v1/prices/"+offer1, nil)
	r.Decode(t, &h)
	if h.Total != 1 || h.Observations[0].Min != 9.99 {
		t.Fatalf("A's prices changed by B: %s", r.Body)
	}
	// A team token cannot mint or revoke tokens for any team.
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Token: b.Tokens[0], Body: map[string]any{"teamId": a.ID}})
	ExpectError(t, r, http.StatusForbidden, "forbidden", "")
}

func testRateLimit(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Rate test", 2)
	victim, other := tm.Tokens[0], tm.Tokens[1]
	// Fire bursts with one token until the server refuses; the bucket holds
	// RateBurst and refills RatePerSec, so a few hundred quick requests must
	// hit the limit.
	limit := int(tg.RateBurst+tg.RatePerSec)*4 + 100
	var (
		mu          sync.Mutex
		ok, limited int
		retryAfter  string
		limitedBody *Resp
		unexpected  []string
	)
	sent := 0
	start := time.Now()
	for sent < limit && limited == 0 {
		var wg sync.WaitGroup
		for range 20 {
			sent++
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := tg.try(Req{Method: "GET", Path: "/v1/team", Token: victim})
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					unexpected = append(unexpected, err.Error())
				case r.Status == http.StatusOK:
					ok++
				case r.Status == http.StatusTooManyRequests:
					limited++
					retryAfter = r.Header.Get("Retry-After")
					limitedBody = r
				default:
					unexpected = append(unexpected, fmt.Sprintf("%d %s", r.Status, r.Body))
				}
			}()
		}
		wg.Wait()
	}
	if len(unexpected) > 0 {
		t.Fatalf("unexpected answers in the burst: %v", unexpected[:min(5, len(unexpected))])
	}
	if limited == 0 {
		// The bucket refills RatePerSec: a server that answers slower than
		// that (a machine busy with other work) never empties it, and the
		// limit cannot be reached from here. Say so rather than fail.
		if rate := float64(sent) / time.Since(start).Seconds(); rate < tg.RatePerSec*1.5 {
			t.Skipf("the service answered %.1f requests/s, too close to the refill rate (%v/s) to empty the bucket on this machine now", rate, tg.RatePerSec)
		}
		t.Fatalf("no 429 after %d quick requests with one token (%d ok)", sent, ok)
	}
	if ok < int(tg.RateBurst) {
		t.Fatalf("only %d requests passed before the limit; the burst is %v", ok, tg.RateBurst)
	}
	ExpectError(t, limitedBody, http.StatusTooManyRequests, "rate_limited", "")
	secs, err := strconv.Atoi(retryAfter)
	if err != nil || secs < 1 || secs > 60 {
		t.Fatalf("Retry-After %q", retryAfter)
	}
	t.Logf("burst: %d sent, %d ok, %d refused with 429 (Retry-After %s s)", sent, ok, limited, retryAfter)

	// The limit is per token: another token of the same team is unaffected.
	Expect(t, tg.Do(t, Req{Method: "GET", Path: "/v1/team", Token: other}), http.StatusOK)
	// After Retry-After the limited token works again.
	time.Sleep(time.Duration(secs)*time.Second + 100*time.Millisecond)
	Expect(t, tg.Do(t, Req{Method: "GET", Path: "/v1/team", Token: victim}), http.StatusOK)
}

// testConcurrentWrites fires 1,000 price observations for one offer with 50
// writers at once (each with its own token, as each team member's browser
// has), then counts what was stored; and 200 upserts of one supplier entry,
// whose version must end at exactly 200.
func testConcurrentWrites(t *testing.T, tg *Target) {
	const writers, perWriter = 50, 20
	tm := tg.NewTeam(t, "Concurrency test", writers)
	offer := "6801000" + strconv.FormatInt(time.Now().UnixNano()%100000, 10)

	type result struct {
		status int
		err    error
		body   string
	}
	// A client resends a write whose answer it did not get (network error
	// or 503: wrangler dev answers 503 when its local runtime restarts
	// under load). Price writes carry idempotency keys, so a resend never
	// stores twice; at most 3 resends per write.
	var retries atomic.Int64
	fire := func(n int, req func(w, i int) Req) []result {
		results := make([]result, 0, n)
		var mu sync.Mutex
		var wg sync.WaitGroup
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range n / writers {
					var res result
					for attempt := 0; attempt < 4; attempt++ {
						if attempt > 0 {
							retries.Add(1)
							time.Sleep(time.Duration(attempt) * 500 * time.Millisecond)
						}
						r, err := tg.try(req(w, i))
						res = result{err: err}
						if r != nil {
							res.status, res.body = r.Status, string(r.Body)
						}
						if err == nil && r.Status != http.StatusServiceUnavailable {
							break
						}
					}
					mu.Lock()
					results = append(results, res)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		return results
	}
	count := func(results []result, statuses ...int) (ok int, failures []string) {
		for _, r := range results {
			if r.err == nil && slices.Contains(statuses, r.status) {
				ok++
			} else if len(failures) < 5 {
				failures = append(failures, fmt.Sprintf("%d %v %s", r.status, r.err, r.body))
			}
		}
		return ok, failures
	}

	start := time.Now()
	results := fire(writers*perWriter, func(w, i int) Req {
		return Req{Method: "POST", Path: "/v1/prices", Token: tm.Tokens[w], Body: map[string]any{
			"idempotencyKey": fmt.Sprintf("cw-%s-%02d-%02d", offer, w, i),
			"offerId":        offer, "memberId": memberA, "min": float64(w*100+i) / 100, "max": 99, "currency": "CNY"}}
	})
	elapsed := time.Since(start)
	// 201, or 200 when a resend found the first attempt stored.
	acked, failures := count(results, http.StatusCreated, http.StatusOK)
	r := tm.Do(t, "GET", "/v1/prices/"+offer+"?limit=1", nil)
	Expect(t, r, http.StatusOK)
	var h priceHistory
	r.Decode(t, &h)
	tg.logf(t, "concurrent writes: sent %d, stored %d (%d acknowledged, %d writers, %d resends, %.1f s)",
		len(results), h.Total, acked, writers, retries.Load(), elapsed.Seconds())
	if len(failures) > 0 {
		t.Fatalf("failed writes: %v", failures)
	}
	if h.Total != writers*perWriter || acked != writers*perWriter {
		t.Fatalf("sent %d, acknowledged %d, stored %d", writers*perWriter, acked, h.Total)
	}
	if s := h.Summary[0]; s.Count != 1000 || s.Lowest != 0 || s.Highest != 99 {
		t.Fatalf("summary of 1000: %+v", s)
	}

	// Upserts of one row: no update may be lost. (A resent upsert whose
	// first attempt was applied counts twice, so with resends the final
	// version may exceed the number of upserts by at most their number.)
	const upserts = 200
	retries.Store(0)
	results = fire(upserts, func(w, i int) Req {
		return Req{Method: "PUT", Path: "/v1/suppliers/" + memberB, Token: tm.Tokens[w], Body: map[string]any{
			"action": "block", "note": fmt.Sprintf("writer %d write %d", w, i)}}
	})
	acked, failures = count(results, http.StatusOK)
	if len(failures) > 0 {
		t.Fatalf("failed upserts: %v", failures)
	}
	versions := map[int64]bool{}
	for _, res := range results {
		var e supplier
		(&Resp{Body: []byte(res.body)}).Decode(t, &e)
		versions[e.Version] = true
	}
	r = tm.Do(t, "GET", "/v1/suppliers/"+memberB, nil)
	var got lookupResult
	r.Decode(t, &got)
	resent := retries.Load()
	tg.logf(t, "concurrent upserts of one entry: sent %d, final version %d, distinct versions returned %d, %d resends", upserts, got.Entry.Version, len(versions), resent)
	if got.Entry.Version < upserts || got.Entry.Version > upserts+resent || len(versions) != upserts || acked != upserts {
		t.Fatalf("upserts: %d acknowledged, final version %d, %d distinct versions, %d resends; want %d", acked, got.Entry.Version, len(versions), resent, upserts)
	}
}

// Who wrote a supplier entry or report is the writing token's label: a
// client that sends "by" (older extensions did) cannot sign with a
// teammate's name.
func testWriterIsTheToken(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Writer test", 2)
	r := tm.DoAs(t, 1, "PUT", "/v1/suppliers/"+memberA, map[string]any{"action": "block", "by": "first"})
	Expect(t, r, http.StatusOK)
	var e supplier
	r.Decode(t, &e)
	if e.By != "t1" {
		t.Fatalf("entry written with token t1 claiming to be first: by %q", e.By)
	}
	r = tm.DoAs(t, 0, "POST", "/v1/reports", map[string]any{"memberId": memberA, "evidence": "x", "by": "t1"})
	Expect(t, r, http.StatusCreated)
	var rp report
	r.Decode(t, &rp)
	if rp.By != "first" {
		t.Fatalf("report written with token first claiming to be t1: by %q", rp.By)
	}
	// A token made without a label signs with its id.
	r = tg.Do(t, Req{Method: "POST", Path: "/v1/admin/tokens", Body: map[string]any{"teamId": tm.ID}, Header: admin(tg, tg.AdminSecret)})
	Expect(t, r, http.StatusCreated)
	var tok struct{ Token, TokenID string }
	r.Decode(t, &tok)
	r = tg.Do(t, Req{Method: "PUT", Path: "/v1/suppliers/" + memberB, Token: tok.Token, Body: map[string]any{"action": "trust", "by": "first"}})
	Expect(t, r, http.StatusOK)
	r.Decode(t, &e)
	if e.By != "token "+tok.TokenID {
		t.Fatalf("unlabelled token signed %q, want %q", e.By, "token "+tok.TokenID)
	}
}

// Names and notes that display as something else: Unicode format characters
// (category Cf: zero-width, soft hyphen, word joiner, BOM) and bidi controls
// are refused in every free-text field, with the character named. Ordinary
// Chinese, emoji and newlines in notes still pass.
func testInvisibleCharacters(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Invisible test", 1)
	hidden := map[string]string{
		"right-to-left override": "加\u202e信微\u202c",
		"right-to-left isolate":  "Acme \u2067Ltd\u2069",
		"left-to-right mark":     "a\u200eb",
		"arabic letter mark":     "a\u061cb",
		"zero-width space":       "加\u200b微信",
		"zero-width joiner":      "微\u200d信",
		"word joiner":            "私下\u2060交易",
		"byte-order mark":        "\ufeff加微信",
		"soft hyphen":            "we\u00adchat",
		"tag character":          "x\U000E0041",
	}
	for name, text := range hidden {
		cases := []struct {
			req   Req
			field string
		}{
			{Req{Method: "PUT", Path: "/v1/suppliers/" + memberA, Token: tm.Tokens[0], Body: map[string]any{"action": "block", "note": text}}, "note"},
			{Req{Method: "POST", Path: "/v1/reports", Token: tm.Tokens[0], Body: map[string]any{"memberId": memberA, "evidence": text}}, "evidence"},
			{Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": text}, Header: admin(tg, tg.AdminSecret)}, "name"},
			{Req{Method: "POST", Path: "/v1/admin/teams", Body: map[string]any{"name": "ok", "label": text}, Header: admin(tg, tg.AdminSecret)}, "label"},
			{Req{Method: "POST", Path: "/v1/admin/tokens", Body: map[string]any{"teamId": tm.ID, "label": text}, Header: admin(tg, tg.AdminSecret)}, "label"},
		}
		for _, c := range cases {
			r := tg.Do(t, c.req)
			if r.Status != http.StatusBadRequest || !strings.Contains(string(r.Body), "U+") {
				t.Fatalf("%s in %s accepted or not named: %d %s", name, c.field, r.Status, r.Body)
			}
			ExpectError(t, r, http.StatusBadRequest, "invalid_request", c.field)
		}
	}
	ExpectError(t, tm.Do(t, "GET", "/v1/suppliers/"+memberA, nil), http.StatusNotFound, "not_found", "")
	r := tm.Do(t, "PUT", "/v1/suppliers/"+memberA, map[string]any{"action": "none", "note": "加微信 asked twice 😀👍\nsee chat"})
	Expect(t, r, http.StatusOK)
}

// Idempotency keys are per token: the key one member's extension used
// first (a forged page acting through it included) never swallows a
// teammate's write; a resend by the same token is still stored once.
func testIdempotencyPerToken(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Idempotency test", 2)
	const key = "p-680123456789-20261206"
	first := tm.DoAs(t, 0, "POST", "/v1/prices", map[string]any{"idempotencyKey": key, "offerId": offer1, "min": 0.01, "max": 0.01, "currency": "CNY"})
	Expect(t, first, http.StatusCreated)
	mate := tm.DoAs(t, 1, "POST", "/v1/prices", map[string]any{"idempotencyKey": key, "offerId": offer1, "min": 3.5, "max": 5, "currency": "CNY"})
	Expect(t, mate, http.StatusCreated)
	resend := tm.DoAs(t, 0, "POST", "/v1/prices", map[string]any{"idempotencyKey": key, "offerId": offer1, "min": 9, "max": 9, "currency": "CNY"})
	Expect(t, resend, http.StatusOK)
	var p0, p1, p2 price
	first.Decode(t, &p0)
	mate.Decode(t, &p1)
	resend.Decode(t, &p2)
	if p1.ID == p0.ID || p1.Min != 3.5 || p2.ID != p0.ID || p2.Min != 0.01 {
		t.Fatalf("per-token keys: first %+v, teammate %+v, resend %+v", p0, p1, p2)
	}
	r := tm.Do(t, "GET", "/v1/prices/"+offer1, nil)
	var h priceHistory
	r.Decode(t, &h)
	if h.Total != 2 {
		t.Fatalf("want the forged and the teammate's observation (2), got %s", r.Body)
	}

	body := map[string]any{"idempotencyKey": "r-2f1d3c4b-aaaa", "memberId": memberA, "evidence": "one"}
	Expect(t, tm.DoAs(t, 0, "POST", "/v1/reports", body), http.StatusCreated)
	Expect(t, tm.DoAs(t, 1, "POST", "/v1/reports", body), http.StatusCreated)
	Expect(t, tm.DoAs(t, 1, "POST", "/v1/reports", body), http.StatusOK)
	r = tm.Do(t, "GET", "/v1/reports?memberId="+memberA, nil)
	var reps struct{ Reports []report }
	r.Decode(t, &reps)
	if len(reps.Reports) != 2 {
		t.Fatalf("reports with one key from two tokens: %s", r.Body)
	}
}

// Report and price ids are random: a team's consecutive ids are not in
// order and do not grow with what other teams write in between.
func testIdsRevealNoVolume(t *testing.T, tg *Target) {
	a := tg.NewTeam(t, "Volume A", 1)
	b := tg.NewTeam(t, "Volume B", 1)
	var reportIDs, priceIDs []string
	seen := map[string]bool{}
	for i := range 8 {
		for range 3 { // the other team writes in between
			Expect(t, b.Do(t, "POST", "/v1/reports", map[string]any{"memberId": memberB, "evidence": "b"}), http.StatusCreated)
		}
		var rp report
		r := a.Do(t, "POST", "/v1/reports", map[string]any{"memberId": memberA, "evidence": fmt.Sprint(i)})
		Expect(t, r, http.StatusCreated)
		r.Decode(t, &rp)
		var p price
		r = a.Do(t, "POST", "/v1/prices", map[string]any{"offerId": offer1, "min": 1, "max": 2, "currency": "CNY"})
		Expect(t, r, http.StatusCreated)
		r.Decode(t, &p)
		for _, id := range []string{rp.ID, p.ID} {
			if !rowIDRE.MatchString(id) || seen[id] {
				t.Fatalf("id %q: not 16 random hex characters, or repeated", id)
			}
			seen[id] = true
		}
		reportIDs = append(reportIDs, rp.ID)
		priceIDs = append(priceIDs, p.ID)
	}
	// Eight random ids come out in creation order with probability 1/8! (1 in 40,320).
	if slices.IsSorted(reportIDs) || slices.IsSorted(priceIDs) {
		t.Fatalf("ids in creation order: reports %v, prices %v", reportIDs, priceIDs)
	}
}

// Member ids are what the core accepts (internal/memberid): short and
// mixed-case ids that the core reads from pages are entries too, so team
// sync does not drop them.
func testMemberIDsAsTheCore(t *testing.T, tg *Target) {
	tm := tg.NewTeam(t, "Member ids test", 1)
	for _, id := range []string{"b2b-Ab12", "b2b-1", "b2b-" + strings.Repeat("z", 40)} {
		Expect(t, tm.Do(t, "PUT", "/v1/suppliers/"+id, map[string]any{"action": "block"}), http.StatusOK)
		r := tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": []string{id}})
		Expect(t, r, http.StatusOK)
		var lk struct{ Results []lookupResult }
		r.Decode(t, &lk)
		if len(lk.Results) != 1 || lk.Results[0].Entry == nil || lk.Results[0].Entry.Action != "block" {
			t.Fatalf("%s: %s", id, r.Body)
		}
	}
	ExpectError(t, tm.Do(t, "POST", "/v1/suppliers/lookup", map[string]any{"memberIds": []string{"b2b-Ab12", "a-b2b-Ab12"}}), http.StatusBadRequest, "invalid_request", "memberIds[1]")
}
