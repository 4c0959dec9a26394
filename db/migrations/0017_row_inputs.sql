-- 0017_row_inputs: a nightly check hands over most rows as they were. Each
-- conflict_state row keeps the hash of what its row was built from (inputs_hash:
-- the rules and build, the verdict, the claims by id, support, series, the likelier
-- side, both sides' trust keys); a check whose row has the same inputs does not
-- build it again, and the store writes nothing for it. Trust moves to where it
-- belongs, one row per source (source_trust, replaced by each full check):
-- truth discovery moves every source's trust a little when articles are added, so
-- per-row trust was rewritten for every active conflict every night (1.7 million
-- rows at 100k articles). An active conflict reads its sides' trust by key
-- (trust_key_a/b); a resolved one keeps trust_a/b as frozen when it was resolved.
-- Rows written before this migration have no keys: they read trust_a/b until the
-- next full check writes them again (their inputs_hash '' never matches).

ALTER TABLE conflict_state ADD COLUMN inputs_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE conflict_state ADD COLUMN trust_key_a TEXT NOT NULL DEFAULT '';
ALTER TABLE conflict_state ADD COLUMN trust_key_b TEXT NOT NULL DEFAULT '';

CREATE TABLE source_trust (
  key   TEXT PRIMARY KEY,
  trust REAL NOT NULL
) STRICT, WITHOUT ROWID;
