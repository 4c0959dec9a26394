// The pipeline, one entry function per stage, readable top to bottom:
//   LoadKnowledge -> IngestAndExtract -> CheckConflicts -> WriteReport.
// Each function is a thin shell: read from the store, call the stage's pure
// core, write to the store. The SQLite database is the hand-off between stages,
// so each can run alone (claimcheck ingest / check / report).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "extract/extractor.h"
#include "ingest/ingest_options.h"
#include "report/report_model.h"
#include "rulebook/check_rules.h"
#include "store/store.h"

namespace claimcheck {

// Everything read from rules/ once, before any input is touched.
struct Knowledge {
  IngestOptions ingest;
  std::unique_ptr<Extractor> extractor;
  std::vector<CheckRule> checks;
};

// Loads and validates rules_dir (ingest lists, lexicon, topics, checks). Every
// problem goes to `sink` with file:line; the Status is not ok when any did.
Result<Knowledge> LoadKnowledge(const std::string& rules_dir, DiagnosticSink* sink);

struct IngestStats {
  int documents_new = 0;
  int documents_changed = 0;
  int documents_unchanged = 0;
  int documents_failed = 0;  // inputs reported as errors (unreadable, invalid UTF-8, bad feed line)
  int claims = 0;            // claims extracted from new and changed documents
};

// Reads `inputs`, extracts the claims of every new or changed document and
// stores each document with its claims (batches of documents per transaction).
// Unchanged documents (same file, same content hash) are not extracted again.
// A document that states no date at all (no publication date, no full date in
// its text) is extracted last, with the newest publication date of the run as
// the reference for its relative dates ("December last year"); unchanged inputs
// count towards that date, so a run resumed after a crash extracts the same.
// Bad inputs become diagnostics; the rest are still processed.
// `on_document`, when set, is called once per document read (new, changed or
// unchanged), after it has been handled, e.g. to show progress.
Result<IngestStats> IngestAndExtract(const std::vector<std::string>& inputs, const Knowledge& knowledge,
                                     int64_t run_id, Store* store, DiagnosticSink* sink,
                                     const std::function<void(const Document&)>& on_document = nullptr);

// Re-checks every stored claim with the rules and records the conflicts
// (new / still open / resolved) under `run_id`. When nothing the check reads
// changed since the last one (stored documents and claims, check rules, this
// build: CheckKey + Store::CheckInputsDigest), the active conflicts are kept
// as they are (Store::KeepConflicts) instead: the same delta and records, at
// the cost of a digest instead of a check.
Result<Store::ConflictDelta> CheckConflicts(const Knowledge& knowledge, int64_t run_id, Store* store);

// Writes report.html, report.md and discrepancies.csv into out_dir from the
// stored documents, claims and active conflicts. When the last full report
// (Store::LoadReportState) covered the same conflicts (same report key: this
// build, the options, Store::ReportInputsDigest), none is new or resolved, and
// its discrepancies.csv is still as written (size, modification time), that file
// is copied instead of writing every conflict again (report_stage.cc). A full
// report records itself for the next one; failing to record is not an error.
// When run.resolved_conflicts is empty, the resolved ones the pages show are
// read by id (at most ReportInput::max_items, in report order; how many there
// were in resolved_conflicts_total).
Status WriteReport(Store* store, const std::string& out_dir, RunSummary run, bool excel_bom);

}  // namespace claimcheck
