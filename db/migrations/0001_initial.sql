-- 0001_initial: documents, claims, runs, conflicts, reviews, and the views
-- that answer the common questions. Applied by src/store/migrator.cc inside
-- one transaction; never edit this file once merged (add 0002_... instead).

CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  started_at         TEXT NOT NULL,
  finished_at        TEXT,              -- NULL while running (or after a crash)
  inputs             TEXT NOT NULL DEFAULT '',
  docs_new           INTEGER NOT NULL DEFAULT 0,
  docs_changed       INTEGER NOT NULL DEFAULT 0,
  docs_unchanged     INTEGER NOT NULL DEFAULT 0,
  docs_failed        INTEGER NOT NULL DEFAULT 0,
  claims_total       INTEGER NOT NULL DEFAULT 0,
  conflicts_total    INTEGER NOT NULL DEFAULT 0,
  conflicts_new      INTEGER NOT NULL DEFAULT 0,
  conflicts_open     INTEGER NOT NULL DEFAULT 0,
  conflicts_resolved INTEGER NOT NULL DEFAULT 0,
  exit_status        INTEGER            -- NULL while running
) STRICT;

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  file           TEXT NOT NULL UNIQUE,
  path           TEXT NOT NULL DEFAULT '',
  url            TEXT NOT NULL DEFAULT '',
  outlet         TEXT NOT NULL DEFAULT '',
  language       TEXT NOT NULL DEFAULT '',
  published      TEXT NOT NULL DEFAULT '',
  title          TEXT NOT NULL DEFAULT '',
  text           TEXT NOT NULL DEFAULT '',
  content_hash   TEXT NOT NULL,
  first_run_id   INTEGER REFERENCES runs(id),
  updated_run_id INTEGER REFERENCES runs(id)
) STRICT;

CREATE TABLE claims (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  file           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('count', 'date')),
  metric         TEXT NOT NULL,
  subject        TEXT NOT NULL,
  value          REAL NOT NULL,
  qualifier      TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'more_than', 'at_least',
                                                    'nearly', 'at_most', 'range', 'vague')),
  low            REAL,                  -- NULL: unbounded below
  high           REAL,                  -- NULL: unbounded above
  unit           TEXT NOT NULL DEFAULT '',
  date           TEXT NOT NULL DEFAULT '',
  as_of          TEXT NOT NULL DEFAULT '',
  as_of_inferred INTEGER NOT NULL DEFAULT 0 CHECK (as_of_inferred IN (0, 1)),
  attributed_to  TEXT NOT NULL DEFAULT '',
  quote          TEXT NOT NULL,
  sentence       TEXT NOT NULL DEFAULT '',
  span_begin     INTEGER NOT NULL CHECK (span_begin >= 0),
  span_end       INTEGER NOT NULL CHECK (span_end >= span_begin),
  confidence     REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  pattern_id     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX claims_metric_subject ON claims(metric, subject);
CREATE INDEX claims_document ON claims(document_id);

-- One row per conflict fingerprint ever seen. The a_*/b_* columns are a
-- snapshot of both sides taken at the last run that saw the conflict, so a
-- resolved conflict stays readable after its claims are replaced.
CREATE TABLE conflicts (
  id             TEXT PRIMARY KEY,
  rule_id        TEXT NOT NULL,
  severity       TEXT NOT NULL CHECK (severity IN ('conflict', 'divergence', 'info')),
  metric         TEXT NOT NULL,
  subject        TEXT NOT NULL,
  claim_a_id     INTEGER REFERENCES claims(id) ON DELETE SET NULL,
  claim_b_id     INTEGER REFERENCES claims(id) ON DELETE SET NULL,
  a_file         TEXT NOT NULL,
  a_kind         TEXT NOT NULL,
  a_value        REAL NOT NULL,
  a_low          REAL,
  a_high         REAL,
  a_unit         TEXT NOT NULL DEFAULT '',
  a_date         TEXT NOT NULL DEFAULT '',
  a_as_of        TEXT NOT NULL DEFAULT '',
  a_attributed_to TEXT NOT NULL DEFAULT '',
  a_qualifier    TEXT NOT NULL,
  a_quote        TEXT NOT NULL,
  a_sentence     TEXT NOT NULL DEFAULT '',
  a_outlet       TEXT NOT NULL DEFAULT '',
  a_published    TEXT NOT NULL DEFAULT '',
  a_url          TEXT NOT NULL DEFAULT '',
  b_file         TEXT NOT NULL,
  b_kind         TEXT NOT NULL,
  b_value        REAL NOT NULL,
  b_low          REAL,
  b_high         REAL,
  b_unit         TEXT NOT NULL DEFAULT '',
  b_date         TEXT NOT NULL DEFAULT '',
  b_as_of        TEXT NOT NULL DEFAULT '',
  b_attributed_to TEXT NOT NULL DEFAULT '',
  b_qualifier    TEXT NOT NULL,
  b_quote        TEXT NOT NULL,
  b_sentence     TEXT NOT NULL DEFAULT '',
  b_outlet       TEXT NOT NULL DEFAULT '',
  b_published    TEXT NOT NULL DEFAULT '',
  b_url          TEXT NOT NULL DEFAULT '',
  explanation    TEXT NOT NULL DEFAULT '',
  explanation_vi TEXT NOT NULL DEFAULT '',
  first_run_id   INTEGER REFERENCES runs(id),
  last_run_id    INTEGER REFERENCES runs(id),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE INDEX conflicts_active ON conflicts(active, metric, subject);

-- Append-only decision log; the latest row (highest id) per conflict is its status.
CREATE TABLE reviews (
  id              INTEGER PRIMARY KEY,
  conflict_id     TEXT NOT NULL REFERENCES conflicts(id),
  status          TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed', 'needs_info')),
  previous_status TEXT NOT NULL DEFAULT 'open'
                  CHECK (previous_status IN ('open', 'confirmed', 'dismissed', 'needs_info')),
  note            TEXT NOT NULL DEFAULT '',
  reviewer        TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL
) STRICT;

CREATE INDEX reviews_conflict ON reviews(conflict_id, id);

-- Every conflict with the status, note, reviewer and time of its latest review
-- ('open' with empty note when never reviewed).
CREATE VIEW conflict_status AS
SELECT c.id AS conflict_id,
       COALESCE(r.status, 'open') AS status,
       COALESCE(r.note, '') AS note,
       COALESCE(r.reviewer, '') AS reviewer,
       COALESCE(r.created_at, '') AS reviewed_at
FROM conflicts c
LEFT JOIN reviews r ON r.id = (SELECT MAX(id) FROM reviews WHERE conflict_id = c.id);

-- Conflicts the last run still found (active = 1), both sides side by side.
CREATE VIEW open_conflicts AS
SELECT c.id, c.rule_id, c.severity, c.metric, c.subject,
       s.status, s.note, s.reviewer, s.reviewed_at,
       c.a_file, c.a_outlet, c.a_published, c.a_value, c.a_date, c.a_as_of, c.a_qualifier, c.a_quote,
       c.b_file, c.b_outlet, c.b_published, c.b_value, c.b_date, c.b_as_of, c.b_qualifier, c.b_quote,
       c.explanation, c.explanation_vi, c.first_run_id, c.last_run_id
FROM conflicts c
JOIN conflict_status s ON s.conflict_id = c.id
WHERE c.active = 1;

-- Each claim with the facts about its document a reader needs.
CREATE VIEW claims_with_documents AS
SELECT cl.*, d.outlet, d.published, d.url, d.language, d.title, d.path
FROM claims cl
JOIN documents d ON d.id = cl.document_id;

-- Runs newest first, with their duration in seconds when finished.
CREATE VIEW run_history AS
SELECT r.*,
       CASE WHEN r.finished_at IS NULL THEN NULL
            ELSE ROUND((julianday(r.finished_at) - julianday(r.started_at)) * 86400.0, 3)
       END AS duration_s
FROM runs r
ORDER BY r.id DESC;
