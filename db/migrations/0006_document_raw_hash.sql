-- 0006_document_raw_hash: a fingerprint of the bytes a document was read from (its
-- feed line, or its file with its manifest entry), so that a later run can skip an
-- unchanged input before parsing or normalising it. '' for documents stored before.

ALTER TABLE documents ADD COLUMN raw_hash TEXT NOT NULL DEFAULT '';
