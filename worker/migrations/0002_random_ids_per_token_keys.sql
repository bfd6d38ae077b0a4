-- Report and price ids were global AUTOINCREMENT counters shared by every
-- team: two of its own ids told a team how many reports or observations all
-- other teams wrote in between. The counter is kept as the internal row
-- order (seq, used for ordering and paging, never sent); the id a client
-- sees is 16 random hex characters made by the service (old rows get one
-- here).
--
-- Idempotency keys were unique per team, so a key one member (or a forged
-- page acting through one member's extension) used first blocked every
-- teammate's write with the same key. They are now unique per token:
-- token_id is the writing token's id. Rows written before this migration
-- carry '' (the writer was not recorded), so a resend of such an old write
-- after the upgrade is stored once more.

ALTER TABLE reports RENAME COLUMN id TO seq;
ALTER TABLE reports ADD COLUMN id TEXT;
ALTER TABLE reports ADD COLUMN token_id TEXT NOT NULL DEFAULT '';
UPDATE reports SET id = lower(hex(randomblob(8)));
CREATE UNIQUE INDEX reports_team_public_id ON reports(team_id, id);
DROP INDEX reports_team_key;
CREATE UNIQUE INDEX reports_token_key ON reports(team_id, token_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

ALTER TABLE prices RENAME COLUMN id TO seq;
ALTER TABLE prices ADD COLUMN id TEXT;
ALTER TABLE prices ADD COLUMN token_id TEXT NOT NULL DEFAULT '';
UPDATE prices SET id = lower(hex(randomblob(8)));
CREATE UNIQUE INDEX prices_team_public_id ON prices(team_id, id);
DROP INDEX prices_team_key;
CREATE UNIQUE INDEX prices_token_key ON prices(team_id, token_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
