-- 0016_conflict_support_state: a conflict's support counts, likely value and series
-- move beside its trust into conflict_state. They follow the claims of its whole
-- group (an article joining a group changes them in many of its conflicts): adding 1%
-- of articles to the 100k bench corpus changed them in 240,601 of 810,335 conflicts,
-- and each change rewrote the wide conflicts row (both sides' snapshots and
-- explanations, kilobytes). conflict_state.row_hash is the hash of the wide row
-- alone, so a check rewrites that row only when it changed; content_hash stays the
-- hash of all of it (the wide row, then the support values).
-- conflicts.likely_value, support_a, support_b and series are no longer written ('',
-- 0, 0, ''), as 0012 did with the trust.

ALTER TABLE conflict_state ADD COLUMN row_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE conflict_state ADD COLUMN likely_value TEXT NOT NULL DEFAULT '';
ALTER TABLE conflict_state ADD COLUMN support_a INTEGER NOT NULL DEFAULT 0 CHECK (support_a >= 0);
ALTER TABLE conflict_state ADD COLUMN support_b INTEGER NOT NULL DEFAULT 0 CHECK (support_b >= 0);
ALTER TABLE conflict_state ADD COLUMN series TEXT NOT NULL DEFAULT '';

INSERT INTO conflict_state(conflict_id) SELECT id FROM conflicts WHERE id NOT IN (SELECT conflict_id FROM conflict_state);

UPDATE conflict_state
SET likely_value = c.likely_value, support_a = c.support_a, support_b = c.support_b, series = c.series
FROM conflicts c
WHERE c.id = conflict_state.conflict_id;

UPDATE conflicts SET likely_value = '', support_a = 0, support_b = 0, series = ''
WHERE likely_value <> '' OR support_a <> 0 OR support_b <> 0 OR series <> '';
