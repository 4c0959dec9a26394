// Store: claimcheck's SQLite database, the hand-off between pipeline stages.
// It keeps documents and their claims (re-extracted only when a document's
// content hash changes), the conflicts the engine found with a snapshot of
// both sides, a review log per conflict, and one row per run. The schema lives
// in db/migrations (embedded at build time) and is described in db/README.md.
//
// This header uses std types only; SQLiteCpp stays inside src/store. Every
// method reports failures as a Status (SQLite errors become kDatabase) and
// never throws. A Store is not thread-safe; use one per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/claim.h"
#include "model/conflict.h"
#include "model/conflict_ids.h"
#include "model/copy_memory.h"
#include "model/document.h"

namespace claimcheck {

struct StoreConnection;  // the SQLite connection; defined in store/store_impl.h
class RunLock;           // store/run_lock.h

class Store {
 public:
  // Opens (creating if needed) the database at `path` (":memory:" for a
  // private in-memory database), turns on WAL and foreign keys, and applies
  // pending migrations.
  // Errors: Database when the file cannot be opened, is not a claimcheck
  // database, or was written by a newer claimcheck (its schema version is
  // higher than this binary knows).
  //
  // kExclusive (run, ingest, ingest-claims, check) also takes the database's
  // run lock ("<path>.lock", see store/run_lock.h) before touching the file and
  // holds it while the Store lives: a second kExclusive open of the same file
  // fails at once with "database <path> is in use by another claimcheck run
  // (pid N)". kShared opens (export, review, serve, report) take no lock; their
  // short writes wait up to 5 s for a running transaction (busy timeout).
  // The file is checked (SQLite, claimcheck, schema not newer) before anything
  // is written to it, so a refused file is left unchanged.
  enum class Access { kShared, kExclusive };
  static Result<std::unique_ptr<Store>> Open(const std::string& path, Access access = Access::kShared);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // ---- documents and claims ----------------------------------------------

  enum class PutOutcome { kNew, kChanged, kUnchanged };

  // The stored content_hash of the document with this `file`, or nullopt when
  // no such document is stored (lets the caller skip extraction).
  Result<std::optional<std::string>> FindDocumentHash(const std::string& file);

  // Every stored document's (file, content_hash), in no particular order: one
  // query, so a run can test each input against an in-memory map.
  Result<std::vector<std::pair<std::string, std::string>>> LoadDocumentHashes();
  // Every stored (raw_hash, published) with a raw hash: the inputs a run can skip
  // unread (see Document::raw_hash).
  Result<std::vector<std::pair<std::string, std::string>>> LoadRawHashes();

  // In ONE transaction, keyed by doc.file:
  //   new file                   -> insert the document and `claims`; kNew
  //   same file, same hash       -> nothing written; kUnchanged
  //   same file, different hash  -> update the document row and replace ALL
  //                                 its claims with `claims`; kChanged
  // On success fills doc.id and, unless kUnchanged, each claim's id,
  // document_id and file (= doc.file); claims are left untouched on kUnchanged.
  // `run_id` is recorded as first_run_id/updated_run_id; 0 records no run.
  // On error nothing is written and `doc`/`claims` are not modified.
  Result<PutOutcome> PutDocument(int64_t run_id, Document& doc, std::vector<Claim>& claims);

  // PutDocument for several documents in one transaction (for batching):
  // one outcome per entry, in order. On error nothing of the batch is written
  // and no entry is modified.
  Result<std::vector<PutOutcome>> PutDocuments(
      int64_t run_id, std::vector<std::pair<Document, std::vector<Claim>>>& batch);

  // Adds the documents and claims stored since the last call to the full-text
  // indexes (claims_fts, documents_fts; see db/migrations/0007), in bulk: a
  // slice of rows per transaction, so an interrupted call loses at most one
  // slice and the next call carries on. Until then new rows are stored but not
  // found by MATCH. Does nothing when SQLite lacks FTS5. Runs call it every
  // few thousand documents stored and once at the end (IngestAndExtract). A slice is 20,000 documents or 200,000 claims:
  // FTS5 merges its segments at each commit, and slices ten times smaller cost
  // 60% more on 200k articles; a slice's index data is what the WAL holds.
  struct SearchSlices {
    int64_t documents = 20000;
    int64_t claims = 200000;
  };
  Status IndexForSearch() { return IndexForSearch(SearchSlices{}); }
  Status IndexForSearch(const SearchSlices& slices);

  // All documents ordered by file; `text` is left empty unless `with_text`.
  Result<std::vector<Document>> LoadDocuments(bool with_text);

  // ---- copy features (copy_features, db/migrations/0016) -----------------

  // A document's copy features as cached: its text's shingles (sorted feature ids)
  // and the source it credits.
  struct CopyFeatureRow {
    int64_t document_id = 0;
    std::string content_hash;  // the document's, when they were taken
    std::vector<uint32_t> shingles;
    std::string credit;
  };
  // All documents ordered by file, for the copy join: each is handed to `each` as it
  // is read, before it is kept, with its cached features under `options` for its
  // present content hash and its text left unread (empty); or with nullptr and its
  // text, when none are cached. `each` may take what it needs of the text and let it
  // go, so that the texts are never all held at once.
  Result<std::vector<Document>> LoadDocumentsForCopies(const std::string& options,
                                                       const std::function<void(Document&, CopyFeatureRow*)>& each);
  // Caches `rows` under `options`, in one write transaction, replacing what a
  // document had cached. A cache: a failure loses nothing stored.
  Status SaveCopyFeatures(const std::string& options, const std::vector<CopyFeatureRow>& rows);

  // Every document's file and the number of claims stored for it (the
  // claim_count column), in no particular order: what a report lists, without
  // loading the claims.
  Result<std::vector<std::pair<std::string, int64_t>>> LoadClaimCounts();

  // What a report lists of the documents: the first `limit` by file (text and
  // content_hash left empty), each with the claims stored for it (claim_count),
  // and how many documents and claims are stored in all. Reads `limit` document
  // rows and two counts from indexes, not every document (a text sits before
  // claim_count in each row, so reading all counts reads every text).
  struct DocumentListing {
    std::vector<std::pair<Document, int64_t>> first;  // (document, its claims)
    int64_t documents = 0, claims = 0;
  };
  Result<DocumentListing> LoadDocumentListing(size_t limit);

  // How many claims are stored.
  Result<int64_t> CountClaims();

  // All claims ordered by file, span_begin (then id).
  Result<std::vector<Claim>> LoadClaims();

  // LoadClaims() with each claim's document outlet, published and url
  // (the input the engine pairs into conflicts). Same order.
  Result<std::vector<ClaimRef>> LoadClaimRefs();

  // ---- conflicts and reviews ---------------------------------------------

  struct ConflictDelta {
    int new_count = 0;   // ids never seen before, or resolved earlier and back now
    int still_open = 0;  // ids already active before this call
    int resolved = 0;    // ids active before this call and absent from it
    std::vector<std::string> new_ids;       // sorted
    std::vector<std::string> resolved_ids;  // sorted
    // New ids that inherit an earlier decision: a stored conflict on the same
    // rule, metric, subject and files, confirmed or dismissed, that this call
    // no longer finds (a document was edited, so the evidence and the id
    // changed). Each gets a review by "claimcheck" (status open,
    // previous_status = the old decision, note naming the old id, reviewer
    // and note). Also listed in new_ids.
    std::vector<std::string> reopened_ids;  // sorted
    // Rows handed over as stored (Conflict::Form::kStored; counted in still_open):
    // found again from the same inputs, nothing of them written.
    int as_stored = 0;
    // Rows handed over with their context only (Conflict::Form::kContext; counted in
    // still_open): only their conflict_state row written.
    int context_only = 0;
  };

  // In one transaction, makes `conflicts` the set of active conflicts:
  // unknown ids are inserted (first_run_id = run_id), known ids updated
  // (active = 1, snapshot of both sides refreshed; a row whose content is the
  // stored one, by conflict_state's content hash, is left as it is), every id's
  // conflict_state written (last_run_id = run_id, trust_a/b and their keys,
  // inputs hash, content hash), active ids absent from `conflicts` marked
  // active = 0 (resolved; their state keeps the trust source_trust gave them and
  // the last check's run as last_run_id). Reviews
  // are never deleted. When a known conflict's evidence changed (either
  // side's quote, value or date differs from the stored snapshot) and its
  // latest review is `dismissed` or `confirmed`, a review by "claimcheck"
  // reopens it (status open, previous_status = the old decision, created_at =
  // the run's started_at). Duplicate ids in `conflicts` count once.
  // A known, inactive id that comes back while its latest review is
  // `dismissed` counts as still_open, not new: a dismissal sticks. When
  // run_id > 0, each id's change ("new", "open", "resolved") is recorded for
  // LoadRunChanges.
  // Snapshot outlet/published/url come from the ClaimRef, or from the claim's
  // document when the ClaimRef leaves them empty. A claim id of 0 is stored as
  // NULL. Errors: InvalidInput for an empty id; Database otherwise.
  // `inputs_key` (see KeepConflicts) is stored with the conflicts in the same
  // transaction; an empty key is stored as none, so the next check runs in full.
  Result<ConflictDelta> SaveConflicts(int64_t run_id, const std::vector<Conflict>& conflicts,
                                      const std::string& inputs_key = "");

  // SaveConflicts for rows that arrive a batch at a time (as CheckClaimsInto hands
  // them over), so the caller never holds them all: BeginConflicts takes every id
  // of the set being saved, Add each batch in order, Finish writes the reviews and
  // the run's changes and commits. The same rows, reviews, changes and delta as
  // SaveConflicts over the batches put together. One write transaction from Begin
  // to Finish: a writer destroyed before Finish (or after a failed Add) rolls back,
  // nothing of it is written. The writer uses this Store, which must outlive it
  // and must not be used meanwhile.
  class ConflictWriter {
   public:
    ~ConflictWriter();
    ConflictWriter(const ConflictWriter&) = delete;
    ConflictWriter& operator=(const ConflictWriter&) = delete;
    // Errors: InvalidInput for a row without id; Database otherwise. After an
    // error every later call returns it.
    // A row of Form kStored or kContext must be active: its conflicts row stands as
    // stored, and its state too (kStored) or its context is written there (kContext);
    // it counts as still open.
    Status Add(const std::vector<Conflict>& batch);
    // Every source's trust by key (Conflict::trust_key_a/b): source_trust holds
    // exactly these after Finish. Without it source_trust stays as it is.
    void SetSourceTrust(std::vector<std::pair<std::string, double>> trust);
    Result<ConflictDelta> Finish();

   private:
    friend class Store;
    struct State;
    explicit ConflictWriter(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
  };
  // Every active conflict's id with the core and inputs hashes its row was built
  // from (conflict_state.core_hash, inputs_hash; a row stored without them is left
  // out): what CheckOptions::stored takes.
  Result<StoredRowHashes> LoadActiveRowHashes();

  // Errors: InvalidInput for an empty id in `ids`; Database otherwise.
  Result<std::unique_ptr<ConflictWriter>> BeginConflicts(int64_t run_id, const std::vector<std::string>& ids,
                                                         const std::string& inputs_key = "");
  // The same with the ids as the numbers Hex64 writes (as CheckClaimsInto hands them
  // over): no string per id.
  Result<std::unique_ptr<ConflictWriter>> BeginConflicts(int64_t run_id, const std::vector<uint64_t>& ids,
                                                         const std::string& inputs_key = "");

  // A digest of everything a check reads from this database: every document's
  // id, file and content hash (which covers its text and metadata), the number
  // of claims and the highest claim id (ids are never reused, so replaced
  // claims change it). Reads covering indexes only, never a document's text.
  Result<std::string> CheckInputsDigest();

  // When the last SaveConflicts stored this same non-empty `inputs_key` (the
  // caller's key of the rules, the build and CheckInputsDigest()), the check
  // would find exactly the active conflicts again: in one transaction, records
  // what SaveConflicts would for them (last_run_id = run_id; each active id as
  // "open" for run_id when run_id > 0) and returns the delta (still_open = the
  // active count, nothing new or resolved). nullopt, with nothing written, when
  // the keys differ or none is stored: the caller checks in full.
  Result<std::optional<ConflictDelta>> KeepConflicts(int64_t run_id, const std::string& inputs_key);

  // Conflicts (all, or only active ones) ordered by metric, subject, id, with
  // status/note from the latest review ("open"/"" when never reviewed). Each
  // ClaimRef comes from the live claim joined to its document, or from the
  // snapshot (claim.id = 0) when the claim has been replaced since.
  Result<std::vector<Conflict>> LoadConflicts(bool active_only);

  // The rows of LoadConflicts one at a time, in report order (conflicts, then
  // divergences, then info; each by metric, subject, id: SortConflictsForReport's
  // order), so a caller can write every conflict without holding them all. `fn`
  // must not use this Store. One read transaction covers the whole walk.
  Status ForEachConflict(bool active_only, const std::function<void(Conflict&)>& fn);
  // ForEachConflict with each side as its row stored it (the claim's and its
  // document's facts when the row was written: file, value, qualifier, quote,
  // outlet, published, url, ...; no claim id, trust 0): only its status is looked
  // up (the conflict_status view), not its claims, documents and trust. While a
  // side's claim lives, its stored facts are its live ones (claims never change; a
  // changed document's claims are replaced), so what discrepancies.csv shows of a
  // side is the same.
  Status ForEachConflictAsStored(bool active_only, const std::function<void(Conflict&)>& fn);

  // The conflicts with these ids (exact ids, active or not), in the order given;
  // an id not stored is skipped. Rows as ForEachConflict gives them.
  Result<std::vector<Conflict>> LoadConflictsById(const std::vector<std::string>& ids);

  // The first `max` of the conflicts with these ids (active or not) in report
  // order (severity, metric, subject, id: as ForEachConflict walks them), read in
  // full; *found (when given) is how many of the ids are stored (an id given twice
  // counts, and is returned, once). Only the order's keys are read for the others:
  // a run can resolve tens of thousands.
  Result<std::vector<Conflict>> LoadFirstConflictsById(const std::vector<std::string>& ids, size_t max,
                                                       size_t* found = nullptr);

  // ---- the last report (report_state, db/migrations/0013) ----------------

  // A digest of everything a report's discrepancies.csv is made of: what the
  // check reads (CheckInputsDigest: the live claims and documents the rows are
  // read with), the active conflicts as last saved (ids and content hashes) and
  // the reviews (their number and highest id: reviews are only ever appended).
  // Equal digests, same build and options: the same CSV, byte for byte. ""
  // when no save recorded its conflicts yet (a database from before 0013): a
  // caller must not reuse anything then. A row edited by hand in SQL is not seen.
  Result<std::string> ReportInputsDigest();

  // Where the conflicts and reviews are now: the run of the latest check
  // (check_state.run_id; 0 when none or a check without run) and the highest review
  // id (0 when none). A conflict's row changes only when a check writes its state
  // row (conflict_state.last_run_id: that check's run) or a review names it.
  struct ReportMarks {
    int64_t check_run_id = 0, review_upto = 0;
  };
  // What the last full report recorded of itself (see db/migrations/0013).
  struct ReportState {
    std::string report_key;  // the caller's key; "" is never stored
    std::string csv_path;    // absolute path of the discrepancies.csv written
    int64_t csv_size = 0, csv_mtime_ns = 0;
    int conflicts = 0, divergences = 0, info = 0;  // active conflicts by severity
    std::vector<std::string> leading_ids;  // the first cards in report order
    // For a later report that patches this one's CSV (0 / "": it cannot): what its
    // rows are written by, and the marks of the conflicts it holds.
    std::string format_key;
    ReportMarks marks;
  };
  Result<ReportMarks> LoadReportMarks();
  // What changed since `marks` (marks.check_run_id > 0) in the rows a report
  // writes: the active conflicts whose row may differ from the one at `marks`
  // (state row written by a later run, or by none; a later review), in report
  // order; the conflicts resolved since (their state frozen by a later check); and
  // how many are active. nullopt when some conflict has no state row (a database
  // older than its writer): then nothing can be said.
  // A changed conflict whose conflicts row was last written by the check at
  // `marks` or before (conflict_state.core_run_id) and that no later review names
  // differs from its row then only in its context: it comes with that context
  // (`context_only`), and the earlier row can be mended instead of read again.
  struct ChangedRow {
    std::string id;
    Severity severity = Severity::kInfo;  // with metric and subject: its place in report order
    std::string metric, subject;
    bool context_only = false;
    std::string likely_value;  // the context, when context_only
    int support_a = 0, support_b = 0;
  };
  struct ChangedSince {
    std::vector<ChangedRow> changed;  // in report order
    // Every id whose earlier row does not stand as it is: those of `changed` (and of
    // changed state rows no longer active) and those resolved since.
    ConflictIdTable dropped_ids;
    int64_t active = 0;
  };
  Result<std::optional<ChangedSince>> LoadChangedSince(const ReportMarks& marks);
  // The conflicts with these ids as ForEachConflictAsStored gives them, in the
  // order given (an id not stored is skipped).
  Status ForEachConflictAsStoredById(const std::vector<std::string>& ids, const std::function<void(Conflict&)>& fn);
  Result<std::optional<ReportState>> LoadReportState();
  // Replaces the recorded state (one row). InvalidInput for an empty key.
  Status SaveReportState(const ReportState& state);

  // Appends a review. `conflict_id` may be a unique prefix of >= 6 characters.
  // previous_status is the conflict's status before this review.
  // Errors: InvalidInput for a status not in open|confirmed|dismissed|
  // needs_info or an ambiguous prefix; NotFound for an unknown id.
  Status AddReview(const std::string& conflict_id, const std::string& status,
                   const std::string& note, const std::string& reviewer, const std::string& at);

  struct ReviewRecord {
    std::string conflict_id, status, previous_status, note, reviewer, created_at;
  };

  // The reviews of one conflict (id or unique prefix as in AddReview), oldest
  // first; an empty `conflict_id` returns every review. NotFound for an
  // unknown id.
  Result<std::vector<ReviewRecord>> LoadReviews(const std::string& conflict_id);

  // What run `run_id` changed in the set of conflicts: (conflict id, "new" |
  // "open" | "resolved") pairs ordered by id. run_id 0 means the latest run
  // that saved conflicts; no such run gives an empty list.
  Result<std::vector<std::pair<std::string, std::string>>> LoadRunChanges(int64_t run_id);

  // ---- the copy memory (copy_memory, copy_pairs, db/migrations/0015) -----

  // The text copies the last full check recorded (see CopyMemory): options,
  // upto, digest and the pairs in (file_a, file_b) order, read in one
  // transaction. A CopyMemory with empty options (and no pairs) when none is
  // stored. A cache: the caller uses it only when its options and the digest of
  // the documents up to `upto` are still the same.
  Result<CopyMemory> LoadCopyMemory();
  // Replaces the stored memory whole, in one write transaction: the row and
  // every pair are deleted and `memory` written. A memory with empty options
  // clears it (nothing stored after). On error (e.g. a pair given twice) nothing
  // is written: the earlier memory stays.
  Status SaveCopyMemory(const CopyMemory& memory);

  // ---- runs --------------------------------------------------------------

  struct RunRecord {
    int64_t id = 0;
    std::string started_at, finished_at, inputs;  // finished_at "" while running
    int docs_new = 0, docs_changed = 0, docs_unchanged = 0, docs_failed = 0;
    int claims_total = 0;
    int conflicts_total = 0, conflicts_new = 0, conflicts_open = 0, conflicts_resolved = 0;
    int exit_status = -1;  // -1 while running
  };

  // Starts a run; returns its id (1, 2, ...).
  Result<int64_t> BeginRun(const std::string& started_at, const std::string& inputs);
  // Stores finished_at, the counters and exit_status of run `record.id`
  // (started_at and inputs are kept). NotFound for an unknown id.
  Status FinishRun(const RunRecord& record);
  // All runs, oldest first.
  Result<std::vector<RunRecord>> LoadRuns();

 private:
  Store(std::unique_ptr<RunLock> lock, std::unique_ptr<StoreConnection> impl);
  // BeginConflicts with the ids `add_ids` puts in the writer's table.
  Result<std::unique_ptr<ConflictWriter>> BeginConflicts(int64_t run_id, const std::string& inputs_key,
                                                         const std::function<void(ConflictIdTable&)>& add_ids);
  std::unique_ptr<RunLock> lock_;          // declared first: released after the connection closes
  std::unique_ptr<StoreConnection> impl_;
};

}  // namespace claimcheck
