-- 0009_search_merge_wider: the full-text indexes merge their segments 16 at a
-- time instead of FTS5's default 4 ('automerge'). Each merge rewrites the index
-- data it takes in, and with 4 a document's terms were rewritten more often:
-- filling documents_fts with the 10,000 articles of the bench corpus took 17%
-- fewer instructions with 16 (callgrind: 5.03 G -> 4.22 G in slices of 2,048
-- documents, 5.06 G -> 4.22 G in one transaction). What MATCH finds, and the
-- rank order, are the same; a query reads up to 15 segments per level instead
-- of 3. A setting of each index (a row of its _config table), so it holds for
-- every later write, by any program.
-- requires: fts5

INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 16);
INSERT INTO claims_fts(claims_fts, rank) VALUES ('automerge', 16);
