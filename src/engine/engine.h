// The check stage's pure core: compares the claims of different sources with the
// check rules (src/rulebook/check_rules.h) and returns the conflicts, divergences
// and copy groups it finds. No I/O: the caller loads documents, claims and rules
// and stores the result.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "engine/copy_detector.h"
#include "model/claim.h"
#include "model/conflict.h"
#include "model/conflict_ids.h"
#include "model/document.h"
#include "rulebook/check_rules.h"

namespace claimcheck {

struct CheckResult {
  std::vector<Conflict> conflicts;  // sorted: severity (conflict first), metric, subject, id
  std::vector<std::vector<std::string>> copy_groups;  // files judged copies of each other (size >= 2)
};

struct CheckOptions {
  // Groups are checked (and their rows built) on this many threads; 1 (or less): on
  // the caller's only. The result does not depend on it.
  int threads = 1;
  // CheckClaimsInto builds and hands over this many rows at a time (at least 1).
  size_t rows_per_batch = 8192;
  // The copy groups, when the caller found them already (FindCopyGroups with
  // CopyOptionsFromRules(rules), src/engine/copy_detector.h, e.g. with a memory):
  // the documents' texts are then not read (they may be empty).
  const std::vector<std::vector<std::string>>* copy_groups = nullptr;
  // For tests and benchmarks: judge every pair of a group's claims on its own instead
  // of once per pair of classes of equal claims (the default). The rows are the same.
  bool judge_every_pair = false;
  // The stored active rows' hashes (the store's conflict_state): a row whose id holds
  // its core hash there is handed over without its core (Conflict::Form::kContext),
  // and also without its context when its inputs hash is held too (kStored): the
  // rows of a nightly check are mostly those of the night before.
  const StoredRowHashes* stored = nullptr;
};

// The copy detection options the rules set (a `copies` rule), or the defaults.
CopyOptions CopyOptionsFromRules(const std::vector<CheckRule>& rules);

// Where CheckClaimsInto puts its rows, on the caller's thread: first `begin` with
// every row's id in row order (duplicates possible), as a number: the row's
// Conflict::id is Hex64 of it (8 bytes a row, not a string: millions of rows); then
// `rows` with the rows themselves in that order, a batch at a time (the Conflicts
// may be moved from).
// `begin` or `rows` returning false stops the check: no further row is built.
// `trust`, when set, is called once after `begin` and before the rows, with every
// source's trust by key (Conflict::trust_key_a/b), in source order.
struct ConflictSink {
  std::function<bool(const std::vector<uint64_t>& ids)> begin;
  std::function<bool(std::vector<Conflict>& batch)> rows;
  std::function<bool(const std::vector<std::pair<std::string, double>>& trust)> trust;
};

// Compares `claims` (each belonging to one of `documents`, matched by document_id
// when non-zero, else by file) under `rules`.
//  - Claims are grouped by (kind, metric, subject); only claims of one group are
//    compared, never two claims of one document or of two copies (copy detection
//    uses the documents' text and the [copies] rule, or defaults without one).
//  - For each kind, only the most specific rules that apply to the metric/subject
//    are used (a rule naming the metric shadows a catch-all rule).
//  - A pair of claims yields at most one row: a cumulative_decrease verdict (it knows
//    which report came later) wins; otherwise the most severe, then most specific rule.
//  - bound rules compare counts of two metrics of one subject.
// Conflict ids are stable across runs and independent of claim ids and input order.
// The rows are the same whatever options.threads is.
CheckResult CheckClaims(const std::vector<CheckRule>& rules, const std::vector<Document>& documents,
                        const std::vector<Claim>& claims, const CheckOptions& options = {});

// CheckClaims without holding every row: the same rows in the same order go to
// `sink` in batches of options.rows_per_batch, so memory holds the verdicts (64
// bytes each) and one batch of rows (a row carries both claims and two
// explanations: kilobytes) instead of all of them. Returns the copy groups.
std::vector<std::vector<std::string>> CheckClaimsInto(const std::vector<CheckRule>& rules,
                                                      const std::vector<Document>& documents,
                                                      const std::vector<Claim>& claims,
                                                      const CheckOptions& options, const ConflictSink& sink);

}  // namespace claimcheck
