-- 0019_report_patch: what the next report needs to patch this one's
-- discrepancies.csv instead of writing every active conflict again. format_key is
-- what the file's rows are written by (the build, the CSV options); check_run_id
-- the run of the check whose conflicts it holds (check_state.run_id then) and
-- review_upto the highest review id then. A conflict still active whose state row
-- was last written by that run or before (conflict_state.last_run_id) and reviewed
-- by no later review has the same row in the next report: it is copied from this
-- file, the others are read from the database (Store::LoadChangedSince, 0020).
-- NULL (a report recorded before this migration): the next one is written in full.

ALTER TABLE report_state ADD COLUMN format_key TEXT NOT NULL DEFAULT '';
ALTER TABLE report_state ADD COLUMN check_run_id INTEGER;
ALTER TABLE report_state ADD COLUMN review_upto INTEGER;
