-- 0012_conflict_state: what every check changes in every conflict it finds moves
-- out of the wide conflicts row (both sides' snapshots and explanations: 1.5-3 KB)
-- into a narrow row of its own: the run that last found it (last_run_id) and both
-- sides' trust (truth discovery recomputes it from all claims, so adding a few
-- articles moves every value), with a hash of the wide row's content. A check then
-- rewrites a conflicts row only when its content changed: adding 1% of articles
-- to the 100k bench corpus rewrote all 850k rows (1.8 GB) in one transaction.
-- conflicts.last_run_id, trust_a and trust_b are no longer written (NULL, 0):
-- SQLite drops a column that references another table only by rebuilding the
-- table. conflicts_active_id makes the list of active ids an index-only read.

CREATE TABLE conflict_state (
  conflict_id  TEXT PRIMARY KEY REFERENCES conflicts(id),
  content_hash TEXT NOT NULL DEFAULT '',
  last_run_id  INTEGER REFERENCES runs(id),
  trust_a      REAL NOT NULL DEFAULT 0,
  trust_b      REAL NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

INSERT INTO conflict_state(conflict_id, last_run_id, trust_a, trust_b)
SELECT id, last_run_id, trust_a, trust_b FROM conflicts;

UPDATE conflicts SET last_run_id = NULL, trust_a = 0, trust_b = 0;

CREATE INDEX conflicts_active_id ON conflicts(active, id);

DROP VIEW open_conflicts;

CREATE VIEW open_conflicts AS
SELECT c.id, c.rule_id, c.severity, c.metric, c.subject,
       s.status, s.note, s.reviewer, s.reviewed_at,
       c.a_file, c.a_outlet, c.a_published, c.a_value, c.a_date, c.a_as_of, c.a_qualifier, c.a_quote,
       c.b_file, c.b_outlet, c.b_published, c.b_value, c.b_date, c.b_as_of, c.b_qualifier, c.b_quote,
       c.explanation, c.explanation_vi, c.first_run_id, st.last_run_id
FROM conflicts c
JOIN conflict_status s ON s.conflict_id = c.id
LEFT JOIN conflict_state st ON st.conflict_id = c.id
WHERE c.active = 1;
