package api

import (
	"context"
	"errors"
	"math"
	"slices"
	"sort"
	"sync"
	"time"
)

// MemStore is an in-memory Store for the native twin and for go test. One
// mutex serialises everything, as SQLite serialises D1 writes.
type MemStore struct {
	mu        sync.Mutex
	teams     map[string]Team
	tokens    map[string]TokenRecord // by hash
	buckets   map[string]memBucket   // by token hash
	suppliers map[string]map[string]SupplierEntry
	reports   []memReport
	prices    []memPrice // reports and prices in the order they were added
}

type memReport struct {
	teamID string
	Report
}

type memPrice struct {
	teamID string
	PriceObservation
}

type memBucket struct {
	tokens  float64
	updated time.Time
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{
		teams:     map[string]Team{},
		tokens:    map[string]TokenRecord{},
		suppliers: map[string]map[string]SupplierEntry{},
		buckets:   map[string]memBucket{},
	}
}

var errDuplicate = errors.New("duplicate key")

func (m *MemStore) CreateTeam(_ context.Context, team Team, tok TokenRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.teams[team.ID]; ok {
		return errDuplicate
	}
	if _, ok := m.tokens[tok.Hash]; ok {
		return errDuplicate
	}
	m.teams[team.ID] = team
	tok.TeamID = team.ID
	m.tokens[tok.Hash] = tok
	return nil
}

func (m *MemStore) CreateToken(_ context.Context, tok TokenRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.teams[tok.TeamID]; !ok {
		return ErrNotFound
	}
	if _, ok := m.tokens[tok.Hash]; ok {
		return errDuplicate
	}
	m.tokens[tok.Hash] = tok
	return nil
}

func (m *MemStore) RevokeToken(_ context.Context, tokenID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for h, t := range m.tokens {
		if t.ID == tokenID {
			delete(m.tokens, h)
			delete(m.buckets, h)
			return nil
		}
	}
	return ErrNotFound
}

// Authorize is the same lookup and token bucket as SQLStore.Authorize.
func (m *MemStore) Authorize(_ context.Context, hash string, now time.Time, rate, burst float64) (TokenRecord, bool, time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.tokens[hash]
	if !ok {
		return TokenRecord{}, false, 0, ErrNotFound
	}
	b, seen := m.buckets[hash]
	if !seen {
		b = memBucket{tokens: burst, updated: now}
	}
	refilled := math.Min(burst, b.tokens+max(0, now.Sub(b.updated).Seconds())*rate)
	if now.After(b.updated) {
		b.updated = now
	}
	allowed := refilled >= 1
	b.tokens = refilled
	if allowed {
		b.tokens--
	}
	m.buckets[hash] = b
	if !allowed {
		return t, false, retryAfter(b.tokens, rate), nil
	}
	return t, true, 0, nil
}

func (m *MemStore) Team(_ context.Context, teamID string) (Team, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.teams[teamID]
	if !ok {
		return Team{}, ErrNotFound
	}
	return t, nil
}

func (m *MemStore) PutSupplier(_ context.Context, teamID string, e SupplierEntry) (SupplierEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	team := m.suppliers[teamID]
	if team == nil {
		team = map[string]SupplierEntry{}
		m.suppliers[teamID] = team
	}
	if old, ok := team[e.MemberID]; ok {
		e.CreatedAt = old.CreatedAt
		e.Version = old.Version + 1
	} else {
		e.CreatedAt = e.UpdatedAt
		e.Version = 1
	}
	team[e.MemberID] = e
	return e, nil
}

func (m *MemStore) ListSuppliers(_ context.Context, teamID string, q SupplierQuery) ([]SupplierEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []SupplierEntry
	for _, e := range m.suppliers[teamID] {
		if e.MemberID <= q.After || (q.Action != "" && e.Action != q.Action) {
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].MemberID < out[j].MemberID })
	if len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

func (m *MemStore) Lookup(_ context.Context, teamID string, memberIDs []string) ([]LookupResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]LookupResult, len(memberIDs))
	for i, id := range memberIDs {
		out[i].MemberID = id
		if e, ok := m.suppliers[teamID][id]; ok {
			out[i].Entry = &e
		}
	}
	for _, r := range m.reports {
		if r.teamID != teamID {
			continue
		}
		for i := range out {
			if out[i].MemberID == r.MemberID {
				out[i].ReportCount++
				if r.CreatedAt.After(out[i].LastReportAt) {
					out[i].LastReportAt = r.CreatedAt
				}
			}
		}
	}
	return out, nil
}

func (m *MemStore) AddReport(_ context.Context, teamID string, r Report) (Report, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r.IdempotencyKey != "" {
		for _, old := range m.reports {
			if old.teamID == teamID && old.TokenID == r.TokenID && old.IdempotencyKey == r.IdempotencyKey {
				rep := old.Report
				rep.RuleIDs = slices.Clone(rep.RuleIDs)
				return rep, false, nil
			}
		}
	}
	r.RuleIDs = slices.Clone(r.RuleIDs)
	m.reports = append(m.reports, memReport{teamID: teamID, Report: r})
	return r, true, nil
}

func (m *MemStore) ListReports(_ context.Context, teamID string, q ReportQuery) ([]Report, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	start := len(m.reports) - 1
	if q.BeforeID != "" {
		start = -1 // an id the team does not have: nothing
		for i, r := range m.reports {
			if r.teamID == teamID && r.ID == q.BeforeID {
				start = i - 1
				break
			}
		}
	}
	var out []Report
	for i := start; i >= 0 && len(out) < q.Limit; i-- {
		r := m.reports[i]
		if r.teamID != teamID || (q.MemberID != "" && r.MemberID != q.MemberID) {
			continue
		}
		rep := r.Report
		rep.RuleIDs = slices.Clone(rep.RuleIDs)
		out = append(out, rep)
	}
	return out, nil
}

func (m *MemStore) AddPrice(_ context.Context, teamID string, p PriceObservation) (PriceObservation, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if p.IdempotencyKey != "" {
		for _, old := range m.prices {
			if old.teamID == teamID && old.TokenID == p.TokenID && old.IdempotencyKey == p.IdempotencyKey {
				return old.PriceObservation, false, nil
			}
		}
	}
	m.prices = append(m.prices, memPrice{teamID: teamID, PriceObservation: p})
	return p, true, nil
}

func (m *MemStore) PriceHistory(_ context.Context, teamID, offerID string, max int) ([]PriceObservation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	// Newest added first, then a stable sort by seen time: ties keep that order.
	var out []PriceObservation
	for i := len(m.prices) - 1; i >= 0; i-- {
		if p := m.prices[i]; p.teamID == teamID && p.OfferID == offerID {
			out = append(out, p.PriceObservation)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].SeenAt.After(out[j].SeenAt) })
	if len(out) > max {
		out = out[:max]
	}
	return out, nil
}

// retryAfter is how long until a bucket holding tokens (< 1) has one again.
func retryAfter(tokens, rate float64) time.Duration {
	if rate <= 0 {
		return time.Hour
	}
	d := time.Duration((1 - tokens) / rate * float64(time.Second))
	return max(d, time.Millisecond)
}
