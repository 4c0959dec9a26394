-- 0020_state_run_index: conflict_state by the run that last wrote it, so a report
-- finds the rows a night's check wrote (those whose discrepancies.csv row may have
-- changed: Store::LoadChangedSince) without reading every state row: 244k of 1.77
-- million at 100k articles after 1% more.

CREATE INDEX conflict_state_last_run ON conflict_state(last_run_id);
