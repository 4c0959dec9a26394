-- 0013_report_state: what the last full report wrote, so a report over the same
-- conflicts (nothing new, resolved, reviewed or re-extracted since) copies that
-- discrepancies.csv instead of writing every active conflict again (1 GB at
-- 100k articles, most of a nightly run that found nothing new).
-- check_state.conflicts_digest: a digest of the active conflicts' ids and content
-- hashes, written by the save that made them active (Store::ConflictWriter) and
-- left as it is by a kept check; NULL until the first save after this migration.
-- report_state.report_key: the report's key (pipeline/report_reuse: the build, the
-- CSV options, Store::ReportInputsDigest); csv_path, csv_size and csv_mtime_ns
-- identify the file written (a file changed since is not copied); the counts and
-- leading_ids (the first cards, ids separated by '\n') are what the pages need.

ALTER TABLE check_state ADD COLUMN conflicts_digest TEXT;

CREATE TABLE report_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  report_key    TEXT NOT NULL,
  csv_path      TEXT NOT NULL,
  csv_size      INTEGER NOT NULL,
  csv_mtime_ns  INTEGER NOT NULL,
  conflicts     INTEGER NOT NULL,
  divergences   INTEGER NOT NULL,
  info          INTEGER NOT NULL,
  leading_ids   TEXT NOT NULL
) STRICT;

-- run_conflicts records what a run changed in the set of active conflicts: 'new',
-- 'resolved', and 'open' only for a dismissed conflict back after being resolved.
-- A conflict still found is no longer recorded as 'open' by every run (850k rows a
-- night at 100k articles, the most of a run that changed nothing); nor is its
-- conflict_state.last_run_id rewritten by a kept check: an active conflict's last
-- run is the latest check's, check_state.run_id. The two views say so.

DROP VIEW latest_run_conflicts;

CREATE VIEW latest_run_conflicts AS
SELECT rc.run_id, rc.conflict_id, rc.change
FROM run_conflicts rc
WHERE rc.run_id = COALESCE((SELECT run_id FROM check_state WHERE id = 1 AND run_id > 0),
                           (SELECT MAX(run_id) FROM run_conflicts));

DROP VIEW open_conflicts;

CREATE VIEW open_conflicts AS
SELECT c.id, c.rule_id, c.severity, c.metric, c.subject,
       s.status, s.note, s.reviewer, s.reviewed_at,
       c.a_file, c.a_outlet, c.a_published, c.a_value, c.a_date, c.a_as_of, c.a_qualifier, c.a_quote,
       c.b_file, c.b_outlet, c.b_published, c.b_value, c.b_date, c.b_as_of, c.b_qualifier, c.b_quote,
       c.explanation, c.explanation_vi, c.first_run_id,
       CASE WHEN cs.id IS NULL THEN st.last_run_id ELSE cs.run_id END AS last_run_id
FROM conflicts c
JOIN conflict_status s ON s.conflict_id = c.id
LEFT JOIN conflict_state st ON st.conflict_id = c.id
LEFT JOIN check_state cs ON cs.id = 1
WHERE c.active = 1;
