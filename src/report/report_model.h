// The report model: everything a report shows, built by one pure function from
// the plain structs in src/model. Renderers (render.cc) only format it, so the
// ordering, counting and text-splitting rules live here and are tested here.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/claim.h"
#include "model/conflict.h"
#include "model/conflict_ids.h"
#include "model/document.h"

namespace claimcheck {

// What the run did. Every field is optional: a plain `report` command leaves
// it default, and the report then omits the run section.
struct RunSummary {
  std::string run_label;  // e.g. "run 3, 2026-11-25 02:00"; empty = omitted
  int documents = 0, documents_new = 0, documents_changed = 0, documents_unchanged = 0,
      documents_failed = 0;
  int claims = 0;  // claims extracted by this run
  std::vector<std::string> new_conflict_ids, resolved_conflict_ids;  // may be empty
  // The conflicts this run resolved (no longer detected), as stored
  // (Store::LoadConflicts(false) rows whose id is in resolved_conflict_ids),
  // so the report can say what they were: all of them, or only those a report
  // shows (see resolved_conflicts_total). May be empty: ids alone still show.
  std::vector<Conflict> resolved_conflicts;
  // When larger than resolved_conflicts.size(): how many there were, of which
  // resolved_conflicts holds only the ones a report shows (WriteReport loads the
  // first ReportInput::max_items in report order, not every one).
  size_t resolved_conflicts_total = 0;
};

struct ReportInput {
  std::vector<Document> documents;
  // Claims stored per document file (absent: none). Counts, not the claims: the
  // report never needs the claims themselves, and an archive holds millions.
  std::map<std::string, int> claims_per_file;
  std::vector<Conflict> conflicts;
  RunSummary run;
  // What the pages show at most (the CSV export holds every conflict): the report's
  // cost follows what it shows, not the size of the archive.
  size_t max_items = 2000;      // conflict cards (new ones first, then report order)
  size_t max_documents = 2000;  // rows of the documents table (by file)
  // When not negative: how many documents and claims there are in all, while
  // `documents` and `claims_per_file` hold only the first documents by file (what
  // the table shows; Store::LoadDocumentListing).
  int64_t documents_total = -1, claims_total = -1;
};

// claims_per_file for callers that hold the claims themselves.
std::map<std::string, int> CountClaimsPerFile(const std::vector<Claim>& claims);

// One side of a conflict card. Text fields are raw (unescaped); renderers escape.
struct ReportSide {
  std::string file, outlet, published, url;
  bool url_is_link = false;  // true only for http:// and https:// urls
  std::string value;         // "600", "10000–12000", "50%", or the date for date claims
  std::string qualifier;     // QualifierName, e.g. "approx"
  std::string unit;          // as in Claim::unit
  std::string as_of, attributed_to;
  std::string quote;
  // The sentence split around the first occurrence of the quote, so a renderer
  // can wrap sentence_mark in <mark>. When the quote is empty or not inside the
  // sentence, has_mark is false and sentence_before holds the whole sentence.
  std::string sentence_before, sentence_mark, sentence_after;
  bool has_mark = false;
};

struct ReportItem {
  std::string id, rule_id;
  Severity severity = Severity::kConflict;
  std::string metric, subject;
  std::string explanation, explanation_vi;
  std::string status, note;
  bool is_new = false;  // id is in RunSummary::new_conflict_ids
  ReportSide a, b;
  // From the engine's truth-discovery pass (Conflict's fields of the same names).
  std::string likely_value;  // empty: the sources are evenly split
  int support_a = 0, support_b = 0;  // independent sources behind each side
  double trust_a = 0, trust_b = 0;   // each side's outlet trust, 0..1
  std::string series;                // cumulative counts: the dated series
};

struct ReportDocument {
  std::string file, outlet, published, language, url;
  bool url_is_link = false;
  int claims = 0;  // claims whose Claim::file equals this document's file
};

struct ReportCounts {
  int documents = 0, claims = 0, conflicts = 0, divergences = 0, info = 0;
};

struct ReportModel {
  ReportCounts counts;
  // The input's run without its resolved conflicts (see `resolved`), and with at
  // most ReportInput::max_items ids in each list; how many more in the *_omitted.
  RunSummary run;
  size_t new_ids_omitted = 0, resolved_ids_omitted = 0;
  // How many ids the run gave in all (those listed in `run` and those omitted).
  size_t new_ids_total() const { return run.new_conflict_ids.size() + new_ids_omitted; }
  size_t resolved_ids_total() const { return run.resolved_conflict_ids.size() + resolved_ids_omitted; }
  bool has_run_summary = false;  // run differs from a default RunSummary
  // Conflicts first, then divergences, then info; within each by metric,
  // subject, then id.
  std::vector<ReportItem> items;
  std::vector<ReportDocument> documents;  // sorted by file (stable for equal files)
  // What changed since the previous run, in the order the report leads with:
  // new items (is_new), then still-open ones (the other items), then
  // `resolved` (the input's run.resolved_conflicts, at most max_items of them in
  // report order; is_new false).
  std::vector<ReportItem> resolved;
  // Rows left out by ReportInput::max_items / max_documents (counts still cover them).
  size_t items_omitted = 0, resolved_omitted = 0, documents_omitted = 0;

  // Canonical multi-line dump for tests: "counts ...", "run ...", one "item ..."
  // line per item, one "resolved ..." line per resolved item and one
  // "document ..." line per document, each ending in \n.
  std::string ToString() const;
};

// Sorts into report order: conflicts, divergences, info; then metric, subject, id.
void SortConflictsForReport(std::vector<Conflict>* conflicts);

// The conflicts a report shows, picked in one pass over any number of them, in
// any order, holding at most `max_items`: the new ones (ids in `new_ids`) first,
// then the rest in report order. Counts every conflict by severity.
class ConflictSelection {
 public:
  ConflictSelection(size_t max_items, const std::vector<std::string>& new_ids);
  // A selection already made: `picked` (at most max_items, none new) out of
  // conflicts counted `counts` (its conflicts, divergences and info).
  ConflictSelection(size_t max_items, const ReportCounts& counts, std::vector<Conflict> picked);
  void Add(const Conflict& conflict);
  // Add for a conflict known by its place in report order alone (severity, metric,
  // subject, id): counted, and built by `make` only when it is kept. The same
  // selection as Add(make()).
  void AddKey(Severity severity, std::string_view metric, std::string_view subject, std::string_view id,
              const std::function<Conflict()>& make);
  // Replaces each kept conflict by the one of `full` with its id (those without one
  // stay as they are); the order keys (id, severity, metric, subject) must match.
  void Replace(std::vector<Conflict> full);
  // The ids of the kept conflicts, in no particular order.
  std::vector<std::string> KeptIds() const;
  const ReportCounts& counts() const { return counts_; }  // conflicts, divergences, info
  size_t seen() const { return seen_; }
  // The kept conflicts in report order (empties the selection).
  std::vector<Conflict> TakeInReportOrder();
  bool IsNew(const std::string& id) const { return new_ids_.Contains(id); }

 private:
  bool Before(const Conflict& x, const Conflict& y) const;  // new first, then report order
  // Before(x, y) for an x known by its newness and place in report order.
  static bool KeyBefore(bool x_new, Severity severity, std::string_view metric, std::string_view subject,
                        std::string_view id, bool y_new, const Conflict& y);
  void Count(Severity severity);  // one more seen, of this severity

  size_t max_items_;
  ConflictIdTable new_ids_;
  std::vector<Conflict> kept_;  // a heap: the last to keep on top
  // Whether kept_'s top is new, when known (AddKey's; Add forgets it).
  std::optional<bool> top_is_new_;
  ReportCounts counts_;
  size_t seen_ = 0;
};

// Pure: builds the model. Never fails; missing fields stay empty.
ReportModel BuildReportModel(const ReportInput& input);

// The same, with the conflicts already picked (input.conflicts is not read):
// what a report written from a stream of conflicts uses.
ReportModel BuildReportModel(const ReportInput& input, ConflictSelection selection);

// True when `url` starts with http:// or https:// (scheme case-insensitive).
bool IsWebUrl(std::string_view url);

// The value as a reader sees it: dates as written; counts as FormatNumber,
// a range or vague interval as "low–high", percentages (unit "percent",
// stored as fractions) as "50%".
std::string DisplayValue(const Claim& claim);

}  // namespace claimcheck
