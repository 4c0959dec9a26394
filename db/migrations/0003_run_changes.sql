-- 0003_run_changes: what each run changed in the set of conflicts, so the
-- report, `claimcheck review --new` and the review page can say "new since the
-- last run" exactly, and so run_history can be drilled into.
-- change: 'new' (first found, or back after being resolved), 'open' (still
-- found), 'resolved' (no longer found by this run).

CREATE TABLE run_conflicts (
  run_id      INTEGER NOT NULL REFERENCES runs(id),
  conflict_id TEXT NOT NULL REFERENCES conflicts(id),
  change      TEXT NOT NULL CHECK (change IN ('new', 'open', 'resolved')),
  PRIMARY KEY (run_id, conflict_id)
) STRICT;

CREATE INDEX run_conflicts_conflict ON run_conflicts(conflict_id, run_id);

-- The changes recorded by the most recent run that checked conflicts.
CREATE VIEW latest_run_conflicts AS
SELECT rc.run_id, rc.conflict_id, rc.change
FROM run_conflicts rc
WHERE rc.run_id = (SELECT MAX(run_id) FROM run_conflicts);
