-- 0004_conflict_support: what the check stage's truth-discovery pass adds to a
-- conflict (issue 5): the value independent sources support best, how many
-- independent sources back each side, each side's outlet trust, and for
-- cumulative counts the dated series of figures. Stale figures need no new
-- severity: they are rows of the rule kind stale_figure (rule_id names it), with
-- the severity the rule gives them (one of the existing three).

ALTER TABLE conflicts ADD COLUMN likely_value TEXT NOT NULL DEFAULT '';
ALTER TABLE conflicts ADD COLUMN support_a INTEGER NOT NULL DEFAULT 0 CHECK (support_a >= 0);
ALTER TABLE conflicts ADD COLUMN support_b INTEGER NOT NULL DEFAULT 0 CHECK (support_b >= 0);
ALTER TABLE conflicts ADD COLUMN trust_a REAL NOT NULL DEFAULT 0;
ALTER TABLE conflicts ADD COLUMN trust_b REAL NOT NULL DEFAULT 0;
ALTER TABLE conflicts ADD COLUMN series TEXT NOT NULL DEFAULT '';
