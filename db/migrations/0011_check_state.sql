-- 0011_check_state: what the last check ran on, so a run whose check would read
-- exactly the same (documents, claims, check rules, claimcheck build) keeps the
-- active conflicts instead of computing them again. `inputs_key` is written in
-- the transaction that saves the conflicts (Store::SaveConflicts) and compared
-- by Store::KeepConflicts; NULL (or no row) means the next run checks in full.

CREATE TABLE check_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  inputs_key  TEXT,
  run_id      INTEGER
) STRICT;
