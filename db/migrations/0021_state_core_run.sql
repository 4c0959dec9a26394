-- 0021_state_core_run: the run whose check last wrote a conflict's row in
-- `conflicts` (its sides, verdict and explanations), kept in its conflict_state
-- row. A check that finds a conflict again with only its support or likely value
-- moved writes the state row alone and leaves this run as it was, so a report
-- patching an earlier discrepancies.csv (Store::LoadChangedSince) knows that the
-- earlier row still holds everything but those last fields: it mends them instead
-- of reading the wide row again (175k of 244k changed rows at 100k articles after
-- 1% more). NULL (or 0) means unknown: the row is read.
--
-- Rows stored before: the run that last wrote the state row, an upper bound (the
-- conflicts row is never written without its state row).

ALTER TABLE conflict_state ADD COLUMN core_run_id INTEGER;
UPDATE conflict_state SET core_run_id = last_run_id;
