-- 0010_search_merge_default: the full-text indexes merge 4 segments at a time
-- again (FTS5's default 'automerge'), undoing 0009. With 16, filling the index
-- took 17% less work, but the merges it put off came due later: adding 100
-- articles to the 10,000 of the bench corpus took 1.75 s instead of 0.26 s (a
-- merge of large segments; peak RSS 47 MB instead of 16 MB), and incremental
-- runs must stay cheap. A database that ran 0009 merges its segments the next
-- time its indexes are written.
-- requires: fts5

INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 4);
INSERT INTO claims_fts(claims_fts, rank) VALUES ('automerge', 4);
