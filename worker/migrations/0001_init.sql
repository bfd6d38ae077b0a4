-- TrustLens team service schema (Cloudflare D1 / SQLite).
-- Every team-owned row carries team_id and every query filters on it; the
-- primary keys and indexes start with team_id so those filters are index seeks.
-- Times are Unix milliseconds (UTC); prices are integer hundredths (fen/cents).

CREATE TABLE teams (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Only the SHA-256 (hex) of a token is stored; token_id is the first 16 hex
-- characters of that hash, used to name a token for revocation.
-- rl_* is the token's rate-limit bucket (see rate limiting in README.md):
-- authentication and the rate limit are one UPDATE ... RETURNING per request.
-- A Worker starts a fresh Go instance per request, so the bucket cannot live
-- in memory. rl_tokens starts "full" (capped to the burst on first use).
CREATE TABLE tokens (
  token_hash     TEXT PRIMARY KEY,
  token_id       TEXT NOT NULL UNIQUE,
  team_id        TEXT NOT NULL REFERENCES teams(id),
  label          TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  rl_tokens      REAL NOT NULL DEFAULT 1e9,
  rl_updated_ms  INTEGER NOT NULL DEFAULT 0,
  rl_ok          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tokens_team ON tokens(team_id);

-- One entry per team and supplier (1688 member id). Written with an upsert;
-- version counts the writes, so concurrent writers never lose an update.
CREATE TABLE suppliers (
  team_id     TEXT NOT NULL,
  member_id   TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('block', 'trust', 'none')),
  note        TEXT NOT NULL DEFAULT '',
  rating      INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
  updated_by  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (team_id, member_id)
);

-- Append-only. idempotency_key (optional, from the client) makes a resent
-- write return the stored row instead of storing it twice.
CREATE TABLE reports (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id          TEXT NOT NULL,
  idempotency_key  TEXT,
  member_id        TEXT NOT NULL,
  offer_id         TEXT,
  rule_ids         TEXT NOT NULL,          -- JSON array of kebab-case rule ids
  evidence         TEXT NOT NULL DEFAULT '',
  reported_by      TEXT NOT NULL,
  created_at       INTEGER NOT NULL
);
CREATE INDEX reports_team_member ON reports(team_id, member_id, id);
CREATE INDEX reports_team_id ON reports(team_id, id);
CREATE UNIQUE INDEX reports_team_key ON reports(team_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Append-only, with an optional idempotency_key like reports.
CREATE TABLE prices (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id          TEXT NOT NULL,
  idempotency_key  TEXT,
  offer_id         TEXT NOT NULL,
  member_id        TEXT,
  min_cents        INTEGER NOT NULL,
  max_cents        INTEGER NOT NULL,
  currency         TEXT NOT NULL CHECK (currency IN ('CNY', 'USD')),
  seen_at          INTEGER NOT NULL,
  created_at       INTEGER NOT NULL
);
CREATE INDEX prices_team_offer ON prices(team_id, offer_id, seen_at);
CREATE UNIQUE INDEX prices_team_key ON prices(team_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
