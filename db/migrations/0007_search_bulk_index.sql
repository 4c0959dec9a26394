-- 0007_search_bulk_index: the full-text indexes of 0002 are filled in bulk after
-- each ingest instead of one row at a time by triggers (which cost about three
-- times the CPU and made the single SQLite writer the slowest stage).
-- requires: fts5
--
-- search_index_state says how far each index reaches: every documents row with
-- id <= documents_upto (claims: claims_upto) is in the index, no row above it is.
-- Ids never come back (AUTOINCREMENT), so "above the mark" is exactly "not yet
-- indexed". Store::IndexForSearch indexes the rows above the marks and moves them,
-- in one transaction per slice. Until then a new row is simply not found by MATCH.
-- The delete and update triggers touch the index only for rows below the mark:
-- FTS5 external-content indexes must be told the exact old values of an indexed
-- row, and must not be told about a row they never saw.

CREATE TABLE search_index_state (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  documents_upto INTEGER NOT NULL,
  claims_upto    INTEGER NOT NULL
) STRICT;

-- Everything stored so far was indexed by the 0002 triggers.
INSERT INTO search_index_state(id, documents_upto, claims_upto)
VALUES (1, (SELECT coalesce(max(id), 0) FROM documents), (SELECT coalesce(max(id), 0) FROM claims));

DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims
WHEN old.id <= (SELECT claims_upto FROM search_index_state) BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, quote, sentence)
  VALUES ('delete', old.id, old.quote, old.sentence);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote, sentence ON claims
WHEN old.id <= (SELECT claims_upto FROM search_index_state) BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, quote, sentence)
  VALUES ('delete', old.id, old.quote, old.sentence);
  INSERT INTO claims_fts(rowid, quote, sentence) VALUES (new.id, new.quote, new.sentence);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents
WHEN old.id <= (SELECT documents_upto FROM search_index_state) BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents
WHEN old.id <= (SELECT documents_upto FROM search_index_state) BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
