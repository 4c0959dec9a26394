// Check rules: the declarative rules the check stage (src/engine) applies to
// claims, loaded from rules/checks/*.toml. Plain structs, no toml11 in this
// header: toml11 stays inside src/rulebook. A rule file is data an editor
// tunes; see rules/checks/README.md for the syntax.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "model/conflict.h"

namespace claimcheck {

// count_agreement: two counts of one metric/subject must have overlapping intervals.
// date_agreement: two dates of one metric/subject must agree at the coarser granularity.
// cumulative_decrease: a later report of a cumulative count may not be lower.
// bound: a count of `lower_metric` may not exceed a count of `upper_metric` (same subject).
// copies: settings of copy detection (the [copies] table), not a comparison.
// stale_figure: a later article repeats an older, lower cumulative figure without
//   stating its date, although a higher figure was reported in between.
// sum_of_parts: counts of `part_metrics` of one subject, stated by one source at one
//   time, must add up to its count of `total_metric` (killed + wounded ~ casualties).
// part_within_whole: a count for a part (province) may not exceed the count for its
//   whole (`whole_subjects`, e.g. "vietnam") at the same time, nor may the parts one
//   source states at one time add up to more than its whole.
enum class CheckKind {
  kCountAgreement, kDateAgreement, kCumulativeDecrease, kBound, kCopies,
  kStaleFigure, kSumOfParts, kPartWithinWhole
};
std::string_view CheckKindName(CheckKind k);  // "count_agreement" | ... | "part_within_whole"
std::optional<CheckKind> ParseCheckKind(std::string_view s);

struct CheckRule {
  std::string id;           // stable, unique over all rule files; appears in conflicts
  std::string description;  // one line for people
  CheckKind kind = CheckKind::kCountAgreement;
  Severity severity = Severity::kConflict;  // verdict when the rule is violated outright

  // Scope. Empty lists mean "every metric" / "every subject". A rule that names a
  // metric (or subject) is more specific than one that does not (see Specificity()).
  std::vector<std::string> metrics;
  std::vector<std::string> subjects;
  double min_confidence = 0;  // claims below this confidence are ignored by the rule
  // Further scope: both claims' documents must match (outlet exactly, language code).
  // Empty lists mean "every outlet" / "every language".
  std::vector<std::string> outlets;
  std::vector<std::string> languages;

  // Counts: each claim's interval is widened by approx_margin (approx claims only) plus
  // relative_tolerance, both as fractions of the bound, plus absolute_tolerance (in the
  // claim's unit) before intervals are compared.
  double relative_tolerance = 0;
  double absolute_tolerance = 0;
  double approx_margin = 0.1;

  // bound: lower_metric <= upper_metric.
  std::string lower_metric;
  std::string upper_metric;

  // sum_of_parts: part_metrics (>= 2) must add up to total_metric.
  std::vector<std::string> part_metrics;
  std::string total_metric;

  // part_within_whole: subjects that are wholes; every other subject of the rule's
  // metrics (restricted to part_subjects when given, and by `languages` to the
  // documents of those languages) is a part of each whole.
  std::vector<std::string> whole_subjects;
  std::vector<std::string> part_subjects;

  // copies: documents whose shingle containment reaches min_similarity are copies.
  double min_similarity = 0.6;
  int shingle_words = 5;
  // copies: a document's credit line (a whole line of at most 6 words starting with one
  // of these prefixes, e.g. "Nguồn: VnExpress", "Theo Military Watch") names its original
  // source; documents naming the same original source, or whose outlet is that source,
  // count as one source. Empty: attribution is not used.
  std::vector<std::string> credit_prefixes;

  // A field added above that changes what a check finds goes into CheckKey
  // (src/engine/check_key.cc) too, or runs keep conflicts found under the old value.

  std::string file;  // where the rule was defined (for messages)
  int line = 0;

  bool AppliesToMetric(std::string_view metric) const;
  bool AppliesToSubject(std::string_view subject) const;
  bool AppliesToOutlet(std::string_view outlet) const;      // empty `outlets`: every outlet
  bool AppliesToLanguage(std::string_view language) const;  // empty `languages`: every language
  // 2 when `metrics` is non-empty, +1 when `subjects` is non-empty.
  int Specificity() const;
  // One line, stable: "count_agreement id=counts metrics=* subjects=* sev=conflict rel=0.1 ...".
  std::string ToString() const;
};

// Reads every rules_dir/checks/*.toml in sorted file-name order and appends their
// rules to *out in file order. Errors (syntax, unknown kind or key, wrong type,
// missing or duplicate id, bad value) are reported to *sink as file:line:col with
// the offending line; then the status is InvalidInput and *out is left empty, so
// nothing runs on a half-read rule set. A missing checks/ directory is NotFound.
Status LoadCheckRules(const std::string& rules_dir, std::vector<CheckRule>* out,
                      DiagnosticSink* sink);

// Same for one file's text (`file_name` labels diagnostics); appends to *out.
// Duplicate ids are checked against the rules already in *out.
Status ParseCheckRules(const std::string& text, const std::string& file_name,
                       std::vector<CheckRule>* out, DiagnosticSink* sink);

}  // namespace claimcheck
