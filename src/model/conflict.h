// Conflict: two claims on the same metric and subject that a rule found to
// disagree, with the rule's verdict and a sentence explaining it.
#pragma once

#include <string>
#include <string_view>
#include <optional>

#include "model/claim.h"

namespace claimcheck {

// conflict: no value can satisfy both claims; divergence: they overlap but differ;
// info: worth showing, not a disagreement (e.g. a rising cumulative count).
enum class Severity { kConflict, kDivergence, kInfo };
std::string_view SeverityName(Severity s);  // "conflict" | "divergence" | "info"
std::optional<Severity> ParseSeverity(std::string_view s);

// A claim as a conflict sees it: the claim plus the facts about its document
// that a reader needs (outlet, publication date, url).
struct ClaimRef {
  Claim claim;
  std::string outlet;
  std::string published;
  std::string url;
};

struct Conflict {
  std::string id;        // stable fingerprint (16 hex) of rule, metric, subject and both claims' evidence
  std::string rule_id;   // the rule that fired, e.g. "count_agreement"
  Severity severity = Severity::kConflict;
  std::string metric;
  std::string subject;
  ClaimRef a;            // ordered so that a.claim.file <= b.claim.file
  ClaimRef b;
  std::string explanation;     // English, one sentence
  std::string explanation_vi;  // Vietnamese, one sentence
  std::string status = "open"; // open | confirmed | dismissed | needs_info (from reviews)
  std::string note;            // the latest review note, if any

  // Source-aware context the engine adds (issue 5); empty / 0 when not computed.
  std::string likely_value;  // the value independent sources support best, as worded
                             // ("about 2,000"); empty when they are evenly split
  int support_a = 0;         // independent sources (copies and shared credits count once)
  int support_b = 0;         //   whose claims back side a's / side b's value
  double trust_a = 0;        // truth-discovery trust (0..1) of side a's / side b's outlet
  double trust_b = 0;
  std::string trust_key_a;   // the source trust_a / trust_b is of ("outlet:<name>", "file:<file>"):
  std::string trust_key_b;   //   the store keeps each source's latest trust once, not per row
  std::string series;        // cumulative counts: the dated series of the metric/subject,
                             // "600 (2024-12, a.txt) -> about 2,000 (2025-09, b.txt)"

  // What the check built the row's core from (the rules and build, the verdict, the
  // claims by id): what the stored conflicts row holds, sides and explanations.
  // inputs_hash adds the context (support, series, likelier side, trust keys),
  // which moves with the rest of the corpus. Equal hashes, equal rows (but for the
  // trust values). 0 when unknown (a claim without id).
  uint64_t core_hash = 0;
  uint64_t inputs_hash = 0;
  // How much of the row the check handed over (CheckOptions::stored): all of it;
  // the context only (id, hashes, support, series, likely value, trust and keys),
  // its core standing as stored; or nothing but the id and hashes.
  enum class Form { kBuilt, kContext, kStored };
  Form form = Form::kBuilt;

  // "conflict count_agreement killed/north_korea a.txt:600 vs b.txt:2000 id=..."
  std::string ToString() const;
};

}  // namespace claimcheck
