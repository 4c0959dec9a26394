// Claim: one quantified statement found in a document (a count or a date),
// with the interval its wording commits to and the evidence it rests on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimcheck {

enum class ClaimKind { kCount, kDate };
// How the wording bounds the number: "khoảng 600" approx, "hơn 4.000" more_than,
// "ít nhất" at_least, "gần" nearly (just under), "tới/tối đa" at_most,
// "10.000-12.000" range; "hàng nghìn" is vague (an interval, no point value).
enum class Qualifier { kExact, kApprox, kMoreThan, kAtLeast, kNearly, kAtMost, kRange, kVague };

std::string_view ClaimKindName(ClaimKind k);        // "count" | "date"
std::string_view QualifierName(Qualifier q);        // "exact" | "approx" | ... | "vague"
std::optional<ClaimKind> ParseClaimKind(std::string_view s);
std::optional<Qualifier> ParseQualifier(std::string_view s);

struct Claim {
  int64_t id = 0;           // store row id; 0 until stored
  int64_t document_id = 0;  // store row id of the document
  std::string file;         // the document's file (copied for exports and reports)

  ClaimKind kind = ClaimKind::kCount;
  std::string metric;       // canonical name from VOCABULARY.md, e.g. "killed", "treaty_signed"
  std::string subject;      // canonical snake_case, e.g. "north_korea", "russia_north_korea"

  // Counts: `value` is the number as stated (600 for "khoảng 600"; for a range, its low end),
  // already multiplied by its scale word (1,5 triệu -> 1500000). Percentages are fractions
  // (một nửa -> 0.5, 100% -> 1). low/high are the interval the wording allows;
  // nullopt means unbounded on that side.
  double value = 0;
  Qualifier qualifier = Qualifier::kExact;
  std::optional<double> low;
  std::optional<double> high;
  std::string unit;         // "people", "ha", "vnd", "percent", "level", "" ...

  // Dates (kind == kDate): YYYY, YYYY-MM or YYYY-MM-DD at the granularity the text gives
  // (a quarter is written YYYY-Qn).
  std::string date;

  std::string as_of;           // when the count held (same formats as `date`); may be empty
  bool as_of_inferred = false; // true when as_of is the publication date, not stated
  std::string attributed_to;   // normalised source, e.g. "NIS", "KCNA"; may be empty

  std::string quote;        // the words that carry the claim (the matched span)
  std::string sentence;     // the whole sentence around it
  size_t span_begin = 0;    // byte offsets of `quote` in the document's normalised text
  size_t span_end = 0;
  double confidence = 1.0;  // 0..1, how sure the extractor is
  std::string pattern_id;   // which lexicon entry or pattern produced it

  // One line, stable across runs, e.g.
  // "count killed/north_korea 600 approx [600,600] as_of=2025-09 by=NIS @123-140 \"khoảng 600...\"".
  std::string ToString() const;
};

}  // namespace claimcheck
