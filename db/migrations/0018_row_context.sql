-- 0018_row_context: what moves with the rest of the corpus leaves the wide
-- conflicts row for the narrow conflict_state row: each side's support, the likely
-- value and the series (support_a, support_b, likely_value, series; NULL in a row
-- written before this migration, whose conflicts row still holds them). A night's
-- new articles repeat figures already reported, so they move the support of most
-- rows (after 1% more articles at 100k, 1.8 million of 1.8 million rows) but not
-- their sides or explanations: the check then writes these few columns, not the
-- 1.5-3 KB row. core_hash is the hash of what the conflicts row is built from
-- (Conflict::core_hash): a row whose core hash is stored is handed over with its
-- context only.

ALTER TABLE conflict_state ADD COLUMN core_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE conflict_state ADD COLUMN support_a INTEGER;
ALTER TABLE conflict_state ADD COLUMN support_b INTEGER;
ALTER TABLE conflict_state ADD COLUMN likely_value TEXT;
ALTER TABLE conflict_state ADD COLUMN series TEXT;
