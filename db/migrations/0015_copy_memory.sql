-- 0015_copy_memory: the text copies the last full check found, so the next check
-- over the same documents (unchanged) plus new ones joins only the new ones with
-- the others instead of every document with every other: a pair of texts is judged
-- on the two texts alone, so the pairs among the old documents stand.
-- copy_memory: one row, what the pairs cover: the documents with an id up to
-- `upto` whose (id, file, content hash) digest is `digest`, joined under the copy
-- options `options` (the engine's key of what decides a pair). A check whose
-- documents or options differ joins every document again.
-- copy_pairs: the files joined as copies by their text only (not by credit lines),
-- a spanning forest of the copy groups, each pair (smaller file, larger file).
-- A cache: deleting its rows (DELETE FROM copy_memory) only makes the next check
-- join every document again. Written whole by Store::SaveCopyMemory.

CREATE TABLE copy_memory (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  options  TEXT NOT NULL,
  upto     INTEGER NOT NULL,
  digest   TEXT NOT NULL
) STRICT;

CREATE TABLE copy_pairs (
  file_a  TEXT NOT NULL,
  file_b  TEXT NOT NULL,
  PRIMARY KEY (file_a, file_b)
) STRICT, WITHOUT ROWID;
