package api

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned by a Store when the team, token or row does not exist.
var ErrNotFound = errors.New("not found")

// Store is the persistence behind the handler. Every method that reads or
// writes team data takes the team id explicitly; the handler passes only the
// id of the authenticated token's team, and implementations must filter every
// query on it. Two implementations: SQLStore (database/sql, used with D1 in
// the Worker) and MemStore (the native twin and go test).
type Store interface {
	// CreateTeam stores a new team together with its first token.
	CreateTeam(ctx context.Context, team Team, tok TokenRecord) error
	// CreateToken adds a token to an existing team (ErrNotFound otherwise).
	CreateToken(ctx context.Context, tok TokenRecord) error
	// RevokeToken deletes the token with this id (ErrNotFound if none).
	RevokeToken(ctx context.Context, tokenID string) error
	// Authorize finds the token whose SHA-256 hex is hash (ErrNotFound if
	// none) and, in the same step, takes one unit from its rate-limit bucket
	// (refilled at rate per second up to burst). allowed reports whether a
	// unit was available; if not, retry is how long until one will be.
	Authorize(ctx context.Context, hash string, now time.Time, rate, burst float64) (tok TokenRecord, allowed bool, retry time.Duration, err error)
	// Team returns a team by id (ErrNotFound if none).
	Team(ctx context.Context, teamID string) (Team, error)

	// PutSupplier inserts or replaces the team's entry for e.MemberID and
	// returns the stored entry (CreatedAt kept from the first write, Version
	// incremented by one per write).
	PutSupplier(ctx context.Context, teamID string, e SupplierEntry) (SupplierEntry, error)
	// ListSuppliers returns entries ordered by member id, after the cursor.
	ListSuppliers(ctx context.Context, teamID string, q SupplierQuery) ([]SupplierEntry, error)
	// Lookup returns one result per member id, in the order given.
	Lookup(ctx context.Context, teamID string, memberIDs []string) ([]LookupResult, error)

	// AddReport appends a report (its id made by the caller). When
	// r.IdempotencyKey is set and the same token already sent a report with
	// that key, nothing is stored: the stored report is returned, created
	// false. Keys are per token, so one member's key never blocks another's.
	AddReport(ctx context.Context, teamID string, r Report) (rep Report, created bool, err error)
	// ListReports returns the team's reports, newest first, optionally for
	// one member id, and only those older than the report q.BeforeID names
	// when it is set (an id the team does not have gives none).
	ListReports(ctx context.Context, teamID string, q ReportQuery) ([]Report, error)

	// AddPrice appends a price observation (its id made by the caller); an
	// IdempotencyKey works as in AddReport (per token).
	AddPrice(ctx context.Context, teamID string, p PriceObservation) (obs PriceObservation, created bool, err error)
	// PriceHistory returns up to max observations of an offer, newest first
	// (by seen time, then id).
	PriceHistory(ctx context.Context, teamID, offerID string, max int) ([]PriceObservation, error)
}

// Team is a group of buyers sharing supplier entries, reports and prices.
type Team struct {
	ID        string
	Name      string
	CreatedAt time.Time
}

// TokenRecord is a stored token: only the hash of the secret is kept.
type TokenRecord struct {
	Hash      string // SHA-256 of the token, lower-case hex
	ID        string // Hash[:16], names the token for revocation
	TeamID    string
	Label     string
	CreatedAt time.Time
}

// SupplierEntry is a team's verdict on one supplier.
type SupplierEntry struct {
	MemberID  string
	Action    string // block, trust or none
	Note      string
	Rating    int // 1-5, 0 for none
	UpdatedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int64
}

// SupplierQuery selects a page of entries.
type SupplierQuery struct {
	Action string // "" for all
	After  string // member id cursor (exclusive), "" from the start
	Limit  int
}

// LookupResult is what a team knows about one member id.
type LookupResult struct {
	MemberID     string
	Entry        *SupplierEntry // nil when the team has no entry
	ReportCount  int
	LastReportAt time.Time // zero when no reports
}

// Report is one team member's report about a supplier.
type Report struct {
	ID             string // random (newRowID), never a counter
	TokenID        string // the token that wrote it (scopes IdempotencyKey)
	IdempotencyKey string // "" when the client sent none
	MemberID       string
	OfferID        string // "" when not about a particular offer
	RuleIDs        []string
	Evidence       string
	ReportedBy     string
	CreatedAt      time.Time
}

// ReportQuery selects a page of reports.
type ReportQuery struct {
	MemberID string // "" for all members
	BeforeID string // "" from the newest
	Limit    int
}

// PriceObservation is one price range seen on an offer page.
type PriceObservation struct {
	ID             string // random (newRowID), never a counter
	TokenID        string // the token that wrote it (scopes IdempotencyKey)
	IdempotencyKey string // "" when the client sent none
	OfferID        string
	MemberID       string // "" when unknown
	MinCents       int64
	MaxCents       int64
	Currency       string
	SeenAt         time.Time
	CreatedAt      time.Time
}
