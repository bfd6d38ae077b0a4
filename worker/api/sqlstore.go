package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SQLStore is the Store on database/sql with SQLite syntax and positional
// `?` parameters, as Cloudflare D1 takes them (github.com/syumai/workers/
// cloudflare/d1). D1 has no transactions through that driver, so every
// write is a single statement: an upsert for supplier entries, an UPDATE ...
// RETURNING for authentication with the rate limit, appends for reports and
// prices. D1 runs a database's statements one
// at a time, so each statement is atomic and concurrent writers lose nothing.
// The schema is in worker/migrations.
type SQLStore struct {
	DB *sql.DB
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (s *SQLStore) CreateTeam(ctx context.Context, team Team, tok TokenRecord) error {
	if _, err := s.DB.ExecContext(ctx,
		`INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)`,
		team.ID, team.Name, ms(team.CreatedAt)); err != nil {
		return fmt.Errorf("insert team: %w", err)
	}
	tok.TeamID = team.ID
	return s.CreateToken(ctx, tok)
}

func (s *SQLStore) CreateToken(ctx context.Context, tok TokenRecord) error {
	res, err := s.DB.ExecContext(ctx,
		`INSERT INTO tokens (token_hash, token_id, team_id, label, created_at)
		 SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM teams WHERE id = ?)`,
		tok.Hash, tok.ID, tok.TeamID, tok.Label, ms(tok.CreatedAt), tok.TeamID)
	if err != nil {
		return fmt.Errorf("insert token: %w", err)
	}
	return oneRow(res)
}

func (s *SQLStore) RevokeToken(ctx context.Context, tokenID string) error {
	res, err := s.DB.ExecContext(ctx, `DELETE FROM tokens WHERE token_id = ?`, tokenID)
	if err != nil {
		return fmt.Errorf("delete token: %w", err)
	}
	return oneRow(res)
}

func oneRow(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rows affected: %w", err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// authorizeTemplate authenticates and rate-limits in one atomic statement:
// a token bucket kept in the token's row. In UPDATE ... SET every column
// reference is the row's old value, so rl_ok and rl_tokens both see the old
// state: rl_ok says whether the refilled bucket held a unit, and rl_tokens
// loses one only in that case. {refill} is the refilled amount, capped at
// the burst; the clock never runs backwards (MAX with 0). No row: no token.
const authorizeTemplate = `
UPDATE tokens SET
  rl_ok = ({refill} >= 1),
  rl_tokens = {refill} - (CASE WHEN {refill} >= 1 THEN 1 ELSE 0 END),
  rl_updated_ms = MAX(rl_updated_ms, ?)
WHERE token_hash = ?
RETURNING token_hash, token_id, team_id, label, created_at, rl_ok, rl_tokens`

var (
	authorizeSQL     = strings.ReplaceAll(authorizeTemplate, "{refill}", "MIN(?, rl_tokens + MAX(0, ? - rl_updated_ms) * ? / 1000.0)")
	authorizeRefills = strings.Count(authorizeTemplate, "{refill}")
)

func (s *SQLStore) Authorize(ctx context.Context, hash string, now time.Time, rate, burst float64) (TokenRecord, bool, time.Duration, error) {
	var args []any
	for range authorizeRefills { // each {refill} binds burst, now, rate
		args = append(args, burst, ms(now), rate)
	}
	args = append(args, ms(now), hash)
	var t TokenRecord
	var created, ok int64
	var left float64
	err := s.DB.QueryRowContext(ctx, authorizeSQL, args...).
		Scan(&t.Hash, &t.ID, &t.TeamID, &t.Label, &created, &ok, &left)
	if errors.Is(err, sql.ErrNoRows) {
		return TokenRecord{}, false, 0, ErrNotFound
	}
	if err != nil {
		return TokenRecord{}, false, 0, fmt.Errorf("authorize: %w", err)
	}
	t.CreatedAt = fromMS(created)
	if ok != 1 {
		return t, false, retryAfter(left, rate), nil
	}
	return t, true, 0, nil
}

func (s *SQLStore) Team(ctx context.Context, teamID string) (Team, error) {
	var t Team
	var created int64
	err := s.DB.QueryRowContext(ctx, `SELECT id, name, created_at FROM teams WHERE id = ?`, teamID).
		Scan(&t.ID, &t.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Team{}, ErrNotFound
	}
	if err != nil {
		return Team{}, fmt.Errorf("select team: %w", err)
	}
	t.CreatedAt = fromMS(created)
	return t, nil
}

const supplierCols = `member_id, action, note, rating, updated_by, created_at, updated_at, version`

func (s *SQLStore) PutSupplier(ctx context.Context, teamID string, e SupplierEntry) (SupplierEntry, error) {
	var rating any
	if e.Rating != 0 {
		rating = int64(e.Rating)
	}
	var created int64
	err := s.DB.QueryRowContext(ctx,
		`INSERT INTO suppliers (team_id, member_id, action, note, rating, updated_by, created_at, updated_at, version)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
		 ON CONFLICT (team_id, member_id) DO UPDATE SET
		   action = excluded.action, note = excluded.note, rating = excluded.rating,
		   updated_by = excluded.updated_by, updated_at = excluded.updated_at,
		   version = suppliers.version + 1
		 RETURNING created_at, version`,
		teamID, e.MemberID, e.Action, e.Note, rating, e.UpdatedBy, ms(e.UpdatedAt), ms(e.UpdatedAt)).
		Scan(&created, &e.Version)
	if err != nil {
		return SupplierEntry{}, fmt.Errorf("upsert supplier: %w", err)
	}
	e.CreatedAt = fromMS(created)
	return e, nil
}

// scanSupplier reads supplierCols; ok is false when the entry columns are
// NULL (a LEFT JOIN with no entry).
func scanSupplier(sc func(dest ...any) error, extra ...any) (SupplierEntry, bool, error) {
	var (
		member, action, note, by sql.NullString
		rating, created, updated sql.NullInt64
		version                  sql.NullInt64
	)
	dest := append([]any{&member, &action, &note, &rating, &by, &created, &updated, &version}, extra...)
	if err := sc(dest...); err != nil {
		return SupplierEntry{}, false, err
	}
	e := SupplierEntry{
		MemberID:  member.String,
		Action:    action.String,
		Note:      note.String,
		Rating:    int(rating.Int64),
		UpdatedBy: by.String,
		CreatedAt: fromMS(created.Int64),
		UpdatedAt: fromMS(updated.Int64),
		Version:   version.Int64,
	}
	return e, action.Valid, nil
}

func (s *SQLStore) ListSuppliers(ctx context.Context, teamID string, q SupplierQuery) ([]SupplierEntry, error) {
	query := `SELECT ` + supplierCols + ` FROM suppliers WHERE team_id = ? AND member_id > ?`
	args := []any{teamID, q.After}
	if q.Action != "" {
		query += ` AND action = ?`
		args = append(args, q.Action)
	}
	query += ` ORDER BY member_id LIMIT ?`
	args = append(args, q.Limit)
	rows, err := s.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list suppliers: %w", err)
	}
	defer rows.Close()
	var out []SupplierEntry
	for rows.Next() {
		e, _, err := scanSupplier(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("scan supplier: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Lookup answers up to 100 member ids in one query. D1 allows at most 100
// bound parameters per query, so the ids travel as one JSON array expanded
// by json_each rather than as an IN (?, ?, ...) list.
func (s *SQLStore) Lookup(ctx context.Context, teamID string, memberIDs []string) ([]LookupResult, error) {
	ids, err := json.Marshal(memberIDs)
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx,
		`SELECT s.member_id, s.action, s.note, s.rating, s.updated_by, s.created_at, s.updated_at, s.version,
		        j.value, COALESCE(r.n, 0), r.last
		 FROM json_each(?) AS j
		 LEFT JOIN suppliers AS s ON s.team_id = ? AND s.member_id = j.value
		 LEFT JOIN (SELECT member_id, COUNT(*) AS n, MAX(created_at) AS last
		            FROM reports
		            WHERE team_id = ? AND member_id IN (SELECT value FROM json_each(?))
		            GROUP BY member_id) AS r ON r.member_id = j.value
		 WHERE s.member_id IS NOT NULL OR r.n IS NOT NULL`,
		string(ids), teamID, teamID, string(ids))
	if err != nil {
		return nil, fmt.Errorf("lookup: %w", err)
	}
	defer rows.Close()
	// Only ids the team knows come back (most ids on a search page are
	// unknown, and every row costs JS-to-Go conversions); the rest are empty.
	known := map[string]LookupResult{}
	for rows.Next() {
		var id string
		var n int64
		var last sql.NullInt64
		e, ok, err := scanSupplier(rows.Scan, &id, &n, &last)
		if err != nil {
			return nil, fmt.Errorf("scan lookup: %w", err)
		}
		r := LookupResult{MemberID: id, ReportCount: int(n)}
		if ok {
			r.Entry = &e
		}
		if last.Valid {
			r.LastReportAt = fromMS(last.Int64)
		}
		known[id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]LookupResult, len(memberIDs))
	for i, id := range memberIDs {
		if r, ok := known[id]; ok {
			out[i] = r
		} else {
			out[i] = LookupResult{MemberID: id}
		}
	}
	return out, nil
}

const reportCols = `id, idempotency_key, member_id, offer_id, rule_ids, evidence, reported_by, created_at`

// AddReport inserts unless the token already used the idempotency key (the
// partial unique index on team_id, token_id, idempotency_key); then it reads
// the stored report back.
func (s *SQLStore) AddReport(ctx context.Context, teamID string, r Report) (Report, bool, error) {
	rules, err := json.Marshal(r.RuleIDs)
	if err != nil {
		return Report{}, false, err
	}
	err = s.DB.QueryRowContext(ctx,
		`INSERT INTO reports (id, team_id, token_id, idempotency_key, member_id, offer_id, rule_ids, evidence, reported_by, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (team_id, token_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
		 RETURNING id`,
		r.ID, teamID, r.TokenID, nullString(r.IdempotencyKey), r.MemberID, nullString(r.OfferID), string(rules), r.Evidence, r.ReportedBy, ms(r.CreatedAt)).
		Scan(&r.ID)
	if errors.Is(err, sql.ErrNoRows) && r.IdempotencyKey != "" {
		rows, err := s.DB.QueryContext(ctx, `SELECT `+reportCols+` FROM reports WHERE team_id = ? AND token_id = ? AND idempotency_key = ?`,
			teamID, r.TokenID, r.IdempotencyKey)
		if err != nil {
			return Report{}, false, fmt.Errorf("select report by key: %w", err)
		}
		reps, err := scanReports(rows)
		if err != nil || len(reps) != 1 {
			return Report{}, false, fmt.Errorf("report by key: %d rows, %v", len(reps), err)
		}
		return reps[0], false, nil
	}
	if err != nil {
		return Report{}, false, fmt.Errorf("insert report: %w", err)
	}
	return r, true, nil
}

func (s *SQLStore) ListReports(ctx context.Context, teamID string, q ReportQuery) ([]Report, error) {
	query := `SELECT ` + reportCols + ` FROM reports WHERE team_id = ?`
	args := []any{teamID}
	if q.MemberID != "" {
		query += ` AND member_id = ?`
		args = append(args, q.MemberID)
	}
	// seq is the row's insertion order, used for ordering only and never
	// sent (the migrations explain why ids are random).
	if q.BeforeID != "" {
		query += ` AND seq < (SELECT seq FROM reports WHERE team_id = ? AND id = ?)`
		args = append(args, teamID, q.BeforeID)
	}
	query += ` ORDER BY seq DESC LIMIT ?`
	args = append(args, q.Limit)
	rows, err := s.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list reports: %w", err)
	}
	return scanReports(rows)
}

// scanReports reads reportCols rows and closes them.
func scanReports(rows *sql.Rows) ([]Report, error) {
	defer rows.Close()
	var out []Report
	for rows.Next() {
		var r Report
		var key, offer sql.NullString
		var rules string
		var created int64
		if err := rows.Scan(&r.ID, &key, &r.MemberID, &offer, &rules, &r.Evidence, &r.ReportedBy, &created); err != nil {
			return nil, fmt.Errorf("scan report: %w", err)
		}
		if err := json.Unmarshal([]byte(rules), &r.RuleIDs); err != nil {
			return nil, fmt.Errorf("report %s rule ids: %w", r.ID, err)
		}
		r.IdempotencyKey = key.String
		r.OfferID = offer.String
		r.CreatedAt = fromMS(created)
		out = append(out, r)
	}
	return out, rows.Err()
}

const priceCols = `id, idempotency_key, offer_id, member_id, min_cents, max_cents, currency, seen_at, created_at`

// AddPrice inserts unless the token already used the idempotency key, like AddReport.
func (s *SQLStore) AddPrice(ctx context.Context, teamID string, p PriceObservation) (PriceObservation, bool, error) {
	err := s.DB.QueryRowContext(ctx,
		`INSERT INTO prices (id, team_id, token_id, idempotency_key, offer_id, member_id, min_cents, max_cents, currency, seen_at, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (team_id, token_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
		 RETURNING id`,
		p.ID, teamID, p.TokenID, nullString(p.IdempotencyKey), p.OfferID, nullString(p.MemberID), p.MinCents, p.MaxCents, p.Currency, ms(p.SeenAt), ms(p.CreatedAt)).
		Scan(&p.ID)
	if errors.Is(err, sql.ErrNoRows) && p.IdempotencyKey != "" {
		rows, err := s.DB.QueryContext(ctx, `SELECT `+priceCols+` FROM prices WHERE team_id = ? AND token_id = ? AND idempotency_key = ?`,
			teamID, p.TokenID, p.IdempotencyKey)
		if err != nil {
			return PriceObservation{}, false, fmt.Errorf("select price by key: %w", err)
		}
		obs, err := scanPrices(rows)
		if err != nil || len(obs) != 1 {
			return PriceObservation{}, false, fmt.Errorf("price by key: %d rows, %v", len(obs), err)
		}
		return obs[0], false, nil
	}
	if err != nil {
		return PriceObservation{}, false, fmt.Errorf("insert price: %w", err)
	}
	return p, true, nil
}

func (s *SQLStore) PriceHistory(ctx context.Context, teamID, offerID string, max int) ([]PriceObservation, error) {
	rows, err := s.DB.QueryContext(ctx,
		`SELECT `+priceCols+` FROM prices WHERE team_id = ? AND offer_id = ?
		 ORDER BY seen_at DESC, seq DESC LIMIT ?`,
		teamID, offerID, max)
	if err != nil {
		return nil, fmt.Errorf("price history: %w", err)
	}
	return scanPrices(rows)
}

// scanPrices reads priceCols rows and closes them.
func scanPrices(rows *sql.Rows) ([]PriceObservation, error) {
	defer rows.Close()
	var out []PriceObservation
	for rows.Next() {
		var p PriceObservation
		var key, member sql.NullString
		var seen, created int64
		if err := rows.Scan(&p.ID, &key, &p.OfferID, &member, &p.MinCents, &p.MaxCents, &p.Currency, &seen, &created); err != nil {
			return nil, fmt.Errorf("scan price: %w", err)
		}
		p.IdempotencyKey = key.String
		p.MemberID = member.String
		p.SeenAt = fromMS(seen)
		p.CreatedAt = fromMS(created)
		out = append(out, p)
	}
	return out, rows.Err()
}
