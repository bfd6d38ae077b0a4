package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Route functions return a status and a body (or an *apiError). On a store
// failure they call c.internal, which answers 500 itself.

const timeLayout = "2006-01-02T15:04:05.000Z07:00"

func jsonTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func jsonTimePtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := jsonTime(t)
	return &s
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (c *reqCtx) storeFailed(err error) (int, any) {
	c.internal(err)
	return 0, nil
}

// --- health and team

func health(c *reqCtx) (int, any) {
	return http.StatusOK, map[string]any{"ok": true, "service": "trustlens-team", "api": "v1", "time": jsonTime(c.now)}
}

func teamInfo(c *reqCtx) (int, any) {
	team, err := c.h.Store.Team(c.r.Context(), c.token.TeamID)
	if err != nil {
		return c.storeFailed(err)
	}
	return http.StatusOK, map[string]any{
		"teamId": team.ID, "teamName": team.Name,
		"tokenId": c.token.ID, "tokenLabel": c.token.Label,
		"rateLimit": map[string]any{"perSecond": c.h.RatePerSec, "burst": c.h.RateBurst},
	}
}

// --- admin

type createTeamReq struct {
	Name  *string `json:"name"`
	Label *string `json:"label"`
}

func createTeam(c *reqCtx) (int, any) {
	var req createTeamReq
	if e := decode(c.r, &req); e != nil {
		return 0, e
	}
	if req.Name == nil {
		return 0, invalid("name", "required (a non-empty string)")
	}
	if e := checkText("name", *req.Name, maxBy, true, false); e != nil {
		return 0, e
	}
	label := deref(req.Label)
	if e := checkText("label", label, maxBy, false, false); e != nil {
		return 0, e
	}
	team := Team{ID: newTeamID(), Name: *req.Name, CreatedAt: c.now}
	token, hash := NewToken()
	rec := TokenRecord{Hash: hash, ID: TokenID(hash), TeamID: team.ID, Label: label, CreatedAt: c.now}
	if err := c.h.Store.CreateTeam(c.r.Context(), team, rec); err != nil {
		return c.storeFailed(err)
	}
	return http.StatusCreated, map[string]any{
		"team":  map[string]any{"id": team.ID, "name": team.Name, "createdAt": jsonTime(team.CreatedAt)},
		"token": token, "tokenId": rec.ID, "tokenLabel": label,
	}
}

type createTokenReq struct {
	TeamID *string `json:"teamId"`
	Label  *string `json:"label"`
}

func createToken(c *reqCtx) (int, any) {
	var req createTokenReq
	if e := decode(c.r, &req); e != nil {
		return 0, e
	}
	if req.TeamID == nil || *req.TeamID == "" {
		return 0, invalid("teamId", "required (a team id from POST /v1/admin/teams)")
	}
	label := deref(req.Label)
	if e := checkText("label", label, maxBy, false, false); e != nil {
		return 0, e
	}
	token, hash := NewToken()
	rec := TokenRecord{Hash: hash, ID: TokenID(hash), TeamID: *req.TeamID, Label: label, CreatedAt: c.now}
	err := c.h.Store.CreateToken(c.r.Context(), rec)
	if errors.Is(err, ErrNotFound) {
		return 0, &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "teamId: no such team", Field: "teamId"}
	}
	if err != nil {
		return c.storeFailed(err)
	}
	return http.StatusCreated, map[string]any{"teamId": rec.TeamID, "token": token, "tokenId": rec.ID, "tokenLabel": label}
}

func revokeToken(c *reqCtx) (int, any) {
	id := c.params["tokenId"]
	if len(id) != 16 || !allBytes(id, func(b byte) bool { return isDigit(b) || (b >= 'a' && b <= 'f') }) {
		return 0, invalid("tokenId", "must be 16 lower-case hex characters")
	}
	err := c.h.Store.RevokeToken(c.r.Context(), id)
	if errors.Is(err, ErrNotFound) {
		return 0, errNotFound
	}
	if err != nil {
		return c.storeFailed(err)
	}
	// Not 204: see the preflight in api.go.
	return http.StatusOK, map[string]any{"revoked": id}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// --- suppliers

type supplierJSON struct {
	MemberID  string `json:"memberId"`
	Action    string `json:"action"`
	Note      string `json:"note"`
	Rating    *int   `json:"rating"`
	By        string `json:"by"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
	Version   int64  `json:"version"`
}

func toSupplierJSON(e SupplierEntry) supplierJSON {
	out := supplierJSON{
		MemberID: e.MemberID, Action: e.Action, Note: e.Note, By: e.UpdatedBy,
		CreatedAt: jsonTime(e.CreatedAt), UpdatedAt: jsonTime(e.UpdatedAt), Version: e.Version,
	}
	if e.Rating != 0 {
		r := e.Rating
		out.Rating = &r
	}
	return out
}

type lookupJSON struct {
	MemberID     string        `json:"memberId"`
	Entry        *supplierJSON `json:"entry"`
	ReportCount  int           `json:"reportCount"`
	LastReportAt *string       `json:"lastReportAt"`
}

func toLookupJSON(r LookupResult) lookupJSON {
	out := lookupJSON{MemberID: r.MemberID, ReportCount: r.ReportCount, LastReportAt: jsonTimePtr(r.LastReportAt)}
	if r.Entry != nil {
		e := toSupplierJSON(*r.Entry)
		out.Entry = &e
	}
	return out
}

type putSupplierReq struct {
	Action *string `json:"action"`
	Note   *string `json:"note"`
	Rating *int    `json:"rating"`
	// By is accepted from clients that still send it and ignored: who wrote
	// an entry is the token's label (see author), never what a client claims.
	By json.RawMessage `json:"by"`
}

// author is who wrote a team row: the label the admin gave the request's
// token ("alice-laptop"), or, for a token created without one, "token "
// and its id. A client cannot sign a row with a teammate's name.
func (c *reqCtx) author() string {
	if c.token.Label != "" {
		return c.token.Label
	}
	return "token " + c.token.ID
}

func putSupplier(c *reqCtx) (int, any) {
	member := c.params["memberId"]
	if !validMemberID(member) {
		return 0, invalid("memberId", memberIDRule)
	}
	var req putSupplierReq
	if e := decode(c.r, &req); e != nil {
		return 0, e
	}
	if req.Action == nil {
		return 0, invalid("action", `required: "block", "trust" or "none"`)
	}
	switch *req.Action {
	case "block", "trust", "none":
	default:
		return 0, invalid("action", `must be "block", "trust" or "none"`)
	}
	note := deref(req.Note)
	if e := checkText("note", note, maxNote, false, true); e != nil {
		return 0, e
	}
	rating := 0
	if req.Rating != nil {
		if *req.Rating < 1 || *req.Rating > 5 {
			return 0, invalid("rating", "must be an integer from 1 to 5, or null")
		}
		rating = *req.Rating
	}
	e, err := c.h.Store.PutSupplier(c.r.Context(), c.token.TeamID, SupplierEntry{
		MemberID: member, Action: *req.Action, Note: note, Rating: rating, UpdatedBy: c.author(), UpdatedAt: c.now,
	})
	if err != nil {
		return c.storeFailed(err)
	}
	return http.StatusOK, toSupplierJSON(e)
}

func getSupplier(c *reqCtx) (int, any) {
	member := c.params["memberId"]
	if !validMemberID(member) {
		return 0, invalid("memberId", memberIDRule)
	}
	res, err := c.h.Store.Lookup(c.r.Context(), c.token.TeamID, []string{member})
	if err != nil {
		return c.storeFailed(err)
	}
	if len(res) != 1 || (res[0].Entry == nil && res[0].ReportCount == 0) {
		return 0, errNotFound
	}
	return http.StatusOK, toLookupJSON(res[0])
}

func listSuppliers(c *reqCtx) (int, any) {
	q := c.r.URL.Query()
	limit, e := queryLimit(c.r, defaultLimit, maxListLimit)
	if e != nil {
		return 0, e
	}
	action := q.Get("action")
	switch action {
	case "", "block", "trust", "none":
	default:
		return 0, invalid("action", `must be "block", "trust" or "none"`)
	}
	after := q.Get("after")
	if after != "" && !validMemberID(after) {
		return 0, invalid("after", memberIDRule)
	}
	// One extra row tells whether there is a next page.
	entries, err := c.h.Store.ListSuppliers(c.r.Context(), c.token.TeamID, SupplierQuery{Action: action, After: after, Limit: limit + 1})
	if err != nil {
		return c.storeFailed(err)
	}
	var next *string
	if len(entries) > limit {
		entries = entries[:limit]
		next = &entries[limit-1].MemberID
	}
	out := make([]supplierJSON, len(entries))
	for i, e := range entries {
		out[i] = toSupplierJSON(e)
	}
	return http.StatusOK, map[string]any{"entries": out, "next": next}
}

type lookupReq struct {
	MemberIDs []string `json:"memberIds"`
}

func lookupSuppliers(c *reqCtx) (int, any) {
	var req lookupReq
	if e := decode(c.r, &req); e != nil {
		return 0, e
	}
	if req.MemberIDs == nil {
		return 0, invalid("memberIds", "required (an array of 1 to 100 member ids)")
	}
	if len(req.MemberIDs) < 1 || len(req.MemberIDs) > maxLookup {
		return 0, invalid("memberIds", "must hold 1 to 100 member ids (got "+strconv.Itoa(len(req.MemberIDs))+")")
	}
	ids := make([]string, 0, len(req.MemberIDs))
	for i, id := range req.MemberIDs {
		if !validMemberID(id) {
			return 0, invalid("memberIds["+strconv.Itoa(i)+"]", memberIDRule)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	res, err := c.h.Store.Lookup(c.r.Context(), c.token.TeamID, ids)
	if err != nil {
		return c.storeFailed(err)
	}
	out := make([]lookupJSON, len(res))
	for i, r := range res {
		out[i] = toLookupJSON(r)
	}
	return http.StatusOK, map[string]any{"results": out}
}

// --- reports

// createdStatus: 201 for a new item, 200 when an idempotency key matched an
// item stored before (the stored one is returned, the new body ignored).
func createdStatus(created bool) int {
	if created {
		return http.StatusCreated
	}
	return http.StatusOK
}

type reportJSON struct {
	ID             string   `json:"id"`
	IdempotencyKey *string  `json:"idempotencyKey"`
	MemberID       string   `json:"memberId"`
	OfferID        *string  `json:"offerId"`
	RuleIDs        []string `json:"ruleIds"`
	Evidence       string   `json:"evidence"`
	By             string   `json:"by"`
	ReportedAt     string   `json:"reportedAt"`
}

func toReportJSON(r Report) reportJSON {
	rules := r.RuleIDs
	if rules == nil {
		rules = []string{}
	}
	return reportJSON{ID: r.ID, IdempotencyKey: strPtr(r.IdempotencyKey), MemberID: r.MemberID, OfferID: strPtr(r.OfferID), RuleIDs: rules,
		Evidence: r.Evidence, By: r.ReportedBy, ReportedAt: jsonTime(r.CreatedAt)}
}

type createReportReq struct {
	IdempotencyKey *string  `json:"idempotencyKey"`
	MemberID       *string  `json:"memberId"`
	OfferID        *string  `json:"offerId"`
	RuleIDs        []string `json:"ruleIds"`
	Evidence       *string  `json:"evidence"`
	// By is ignored, as in putSupplierReq: the report is signed c.author().
	By json.RawMessage `json:"by"`
}

func createReport(c *reqCtx) (int, any) {
	var req createReportReq
	if e := decode(c.r, &req); e != nil {
		return 0, e
	}
	key, e := checkIdempotencyKey(req.IdempotencyKey)
	if e != nil {
		return 0, e
	}
	if req.MemberID == nil || !validMemberID(*req.MemberID) {
		return 0, invalid("memberId", memberIDRule)
	}
	offer := deref(req.OfferID)
	if offer != "" && !validOfferID(offer) {
		return 0, invalid("offerId", offerIDRule)
	}
	if len(req.RuleIDs) > maxRuleIDs {
		return 0, invalid("ruleIds", "must hold at most 20 rule ids")
	}
	for i, id := range req.RuleIDs {
		if !validRuleID(id) {
			return 0, invalid("ruleIds["+strconv.Itoa(i)+"]", "must be a kebab-case rule id (a-z, 0-9 and single hyphens, at most 64 characters)")
		}
	}
	evidence := deref(req.Evidence)
	if e := checkText("evidence", evidence, maxNote, false, true); e != nil {
		return 0, e
	}
	if len(req.RuleIDs) == 0 && evidence == "" {
		return 0, invalid("ruleIds", "give at least one rule id or some evidence")
	}
	rep, created, err := c.h.Store.AddReport(c.r.Context(), c.token.TeamID, Report{
		ID: newRowID(), TokenID: c.token.ID, IdempotencyKey: key, MemberID: *req.MemberID, OfferID: offer, RuleIDs: req.RuleIDs,
		Evidence: evidence, ReportedBy: c.author(), CreatedAt: c.now,
	})
	if err != nil {
		return c.storeFailed(err)
	}
	return createdStatus(created), toReportJSON(rep)
}

func listReports(c *reqCtx) (int, any) {
	q := c.r.URL.Query()
	limit, e := queryLimit(c.r, defaultLimit, maxListLimit)
	if e != nil {
		return 0, e
	}
	member := q.Get("memberId")
	if member != "" && !validMemberID(member) {
		return 0, invalid("memberId", memberIDRule)
	}
	before := q.Get("before")
	if before != "" && !validRowID(before) {
		return 0, invalid("before", "must be a report id (the previous page's next)")
	}
	reps, err := c.h.Store.ListReports(c.r.Context(), c.token.TeamID, ReportQuery{MemberID: member, BeforeID: before, Limit: limit + 1})
	if err != nil {
		return c.storeFailed(err)
	}
	var next *string
	if len(reps) > limit {
		reps = reps[:limit]
		next = &reps[limit-1].ID
	}
	out := make([]reportJSON, len(reps))
	for i, r := range reps {
		out[i] = toReportJSON(r)
	}
	return http.StatusOK, map[string]any{"reports": out, "next": next}
}

// --- prices

type priceJSON struct {
	ID             string  `json:"id"`
	IdempotencyKey *string `json:"idempotencyKey"`
	OfferID        string  `json:"offerId"`
	MemberID       *string `json:"memberId"`
	Min            float64 `json:"min"`
	Max            float64 `json:"max"`
	Currency       string  `json:"currency"`
	SeenAt         string  `json:"seenAt"`
	RecordedAt     string  `json:"recordedAt"`
}

func toPriceJSON(p PriceObservation) priceJSON {
	return priceJSON{ID: p.ID, IdempotencyKey: strPtr(p.IdempotencyKey), OfferID: p.OfferID, MemberID: strPtr(p.MemberID),
		Min: fromCents(p.MinCents), Max: fromCents(p.MaxCents), Currency: p.Currency,
		SeenAt: jsonTime(p.SeenAt), RecordedAt: jsonTime(p.CreatedAt)}
}

type createPriceReq struct {
	IdempotencyKey *string  `json:"idempotencyKey"`
	OfferID        *string  `json:"offerId"`
	MemberID       *string  `json:"memberId"`
	Min            *float64 `json:"min"`
	Max            *float64 `json:"max"`
	Currency       *string  `json:"currency"`
	SeenAt         *string  `json:"seenAt"`
}

// Observations may be reported late (offline queue) but not from the future
// beyond clock skew, nor from before 1688's price pages could be seen here.
const maxClockSkew = 5 * time.Minute

var earliestSeen = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func createPrice(c *reqCtx) (int, any) {
	var req createPriceReq
	if e := decode(c.r, &req); e != nil {
		return 0, e
	}
	key, e := checkIdempotencyKey(req.IdempotencyKey)
	if e != nil {
		return 0, e
	}
	if req.OfferID == nil || !validOfferID(*req.OfferID) {
		return 0, invalid("offerId", offerIDRule)
	}
	member := deref(req.MemberID)
	if member != "" && !validMemberID(member) {
		return 0, invalid("memberId", memberIDRule)
	}
	if req.Min == nil {
		return 0, invalid("min", "required (the lowest unit price on the page)")
	}
	if req.Max == nil {
		return 0, invalid("max", "required (the highest unit price on the page)")
	}
	minC, e := toCents("min", *req.Min)
	if e != nil {
		return 0, e
	}
	maxC, e := toCents("max", *req.Max)
	if e != nil {
		return 0, e
	}
	if maxC < minC {
		return 0, invalid("max", "must be at least min")
	}
	if req.Currency == nil || (*req.Currency != "CNY" && *req.Currency != "USD") {
		return 0, invalid("currency", `must be "CNY" or "USD"`)
	}
	seen := c.now
	if req.SeenAt != nil {
		t, err := time.Parse(time.RFC3339Nano, *req.SeenAt)
		if err != nil {
			return 0, invalid("seenAt", "must be an RFC 3339 time such as 2026-11-24T08:30:00Z")
		}
		if t.After(c.now.Add(maxClockSkew)) {
			return 0, invalid("seenAt", "must not be in the future")
		}
		if t.Before(earliestSeen) {
			return 0, invalid("seenAt", "must not be before 2000-01-01")
		}
		seen = t.UTC().Truncate(time.Millisecond)
	}
	p, created, err := c.h.Store.AddPrice(c.r.Context(), c.token.TeamID, PriceObservation{
		ID: newRowID(), TokenID: c.token.ID, IdempotencyKey: key, OfferID: *req.OfferID, MemberID: member, MinCents: minC, MaxCents: maxC,
		Currency: *req.Currency, SeenAt: seen, CreatedAt: c.now,
	})
	if err != nil {
		return c.storeFailed(err)
	}
	return createdStatus(created), toPriceJSON(p)
}

// priceHistoryCap bounds the rows one history request reads (and the D1 rows
// it is billed for); the summary covers at most this many observations.
const priceHistoryCap = 5000

type priceSummaryJSON struct {
	Currency    string  `json:"currency"`
	Count       int     `json:"count"`
	Lowest      float64 `json:"lowest"`
	Highest     float64 `json:"highest"`
	MedianMin   float64 `json:"medianMin"`
	FirstSeenAt string  `json:"firstSeenAt"`
	LastSeenAt  string  `json:"lastSeenAt"`
	LatestMin   float64 `json:"latestMin"`
	LatestMax   float64 `json:"latestMax"`
}

func priceHistory(c *reqCtx) (int, any) {
	offer := c.params["offerId"]
	if !validOfferID(offer) {
		return 0, invalid("offerId", offerIDRule)
	}
	limit, e := queryLimit(c.r, defaultLimit, maxPriceLimit)
	if e != nil {
		return 0, e
	}
	all, err := c.h.Store.PriceHistory(c.r.Context(), c.token.TeamID, offer, priceHistoryCap+1)
	if err != nil {
		return c.storeFailed(err)
	}
	truncated := len(all) > priceHistoryCap
	if truncated {
		all = all[:priceHistoryCap]
	}
	shown := all[:min(limit, len(all))]
	obs := make([]priceJSON, len(shown))
	for i, p := range shown {
		obs[i] = toPriceJSON(p)
	}
	return http.StatusOK, map[string]any{
		"offerId": offer, "total": len(all), "truncated": truncated,
		"observations": obs, "summary": summarize(all),
	}
}

// summarize groups observations (newest first) by currency: lowest min,
// highest max, the median of the min prices, first and last seen, and the
// latest range. Currencies are listed CNY first.
func summarize(all []PriceObservation) []priceSummaryJSON {
	out := []priceSummaryJSON{}
	for _, cur := range []string{"CNY", "USD"} {
		var mins []int64
		var s priceSummaryJSON
		var first, last time.Time
		for _, p := range all {
			if p.Currency != cur {
				continue
			}
			if len(mins) == 0 {
				s.Lowest, s.Highest = fromCents(p.MinCents), fromCents(p.MaxCents)
				s.LatestMin, s.LatestMax = fromCents(p.MinCents), fromCents(p.MaxCents)
				first, last = p.SeenAt, p.SeenAt
			}
			mins = append(mins, p.MinCents)
			s.Lowest = min(s.Lowest, fromCents(p.MinCents))
			s.Highest = max(s.Highest, fromCents(p.MaxCents))
			if p.SeenAt.Before(first) {
				first = p.SeenAt
			}
		}
		if len(mins) == 0 {
			continue
		}
		slices.Sort(mins)
		n := len(mins)
		med := float64(mins[n/2])
		if n%2 == 0 {
			med = float64(mins[n/2-1]+mins[n/2]) / 2
		}
		s.Currency, s.Count = cur, n
		s.MedianMin = float64(int64(med+0.5)) / 100 // to the cent, halves up
		s.FirstSeenAt, s.LastSeenAt = jsonTime(first), jsonTime(last)
		out = append(out, s)
	}
	return out
}
