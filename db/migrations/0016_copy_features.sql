-- 0016_copy_features: each document's copy features (its text's hashed word shingles
-- and the source it credits), so that a check after a night's additions reads the
-- features of the documents it saw before instead of every text again.
-- options: the copy options they were taken under (the engine's CopyOptionsKey);
-- content_hash: the document's content_hash they were taken from. A row whose
-- options or hash differ from the present ones is not used (and is replaced).
-- shingles: the sorted feature ids, each as the difference from the one before in
-- LEB128 (7 bits a byte, low bits first). A cache: deleting rows only makes the
-- next check read those texts again. Written by Store::SaveCopyFeatures.

CREATE TABLE copy_features (
  document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  options      TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  shingles     BLOB NOT NULL,
  credit       TEXT NOT NULL DEFAULT ''
) STRICT;
