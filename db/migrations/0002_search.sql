-- 0002_search: full-text search over claim quotes/sentences and document
-- titles/text. The marker line below makes the migrator record this migration
-- without running it when SQLite lacks FTS5 (Debian's SQLite has it).
-- requires: fts5
-- unicode61 with remove_diacritics 2 lets "thiet mang" find "thiệt mạng".
-- Both tables are external-content indexes kept in sync by the triggers below.

CREATE VIRTUAL TABLE claims_fts USING fts5(
  quote, sentence,
  content = 'claims', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text,
  content = 'documents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts(rowid, quote, sentence) VALUES (new.id, new.quote, new.sentence);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, quote, sentence)
  VALUES ('delete', old.id, old.quote, old.sentence);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote, sentence ON claims BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, quote, sentence)
  VALUES ('delete', old.id, old.quote, old.sentence);
  INSERT INTO claims_fts(rowid, quote, sentence) VALUES (new.id, new.quote, new.sentence);
END;

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
