-- 0005_document_claim_count: each document's number of claims, written in the
-- same transaction as the claims themselves, so that "no half-stored document"
-- is checkable in SQL after a crash: incomplete_documents must be empty.

ALTER TABLE documents ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0 CHECK (claim_count >= 0);

UPDATE documents
SET claim_count = (SELECT COUNT(*) FROM claims WHERE claims.document_id = documents.id);

CREATE VIEW incomplete_documents AS
SELECT d.id, d.file, d.claim_count, COUNT(c.id) AS claims_stored
FROM documents d
LEFT JOIN claims c ON c.document_id = d.id
GROUP BY d.id
HAVING COUNT(c.id) <> d.claim_count;
