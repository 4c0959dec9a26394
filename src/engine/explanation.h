// The sentences a conflict carries: one in English, one in Vietnamese, naming
// the rule, both values with their qualifiers ("about 2,000" / "khoảng 2.000"),
// both sources with their dates, and why the two cannot (or can) both hold. Pure.
#pragma once

#include <string>
#include <vector>

#include "engine/claim_interval.h"
#include "model/conflict.h"

namespace claimcheck {

enum class Language { kEnglish, kVietnamese };

// 12345.5 -> "12,345.5" (English) or "12.345,5" (Vietnamese).
std::string FormatGrouped(double v, Language lang);
// A count as worded: "about 2,000", "more than 10,000", "50%", "10,000-12,000";
// a date claim gives its date.
std::string DescribeValue(const Claim& claim, Language lang);
// "002.txt (vnexpress.net, published 2025-10-24, as of 2025-09)".
std::string DescribeSource(const ClaimRef& ref, Language lang);
std::string DescribeInterval(const Interval& i, Language lang);

struct Explanation {
  std::string en;
  std::string vi;
};

// `a` and `b` as in the conflict; `wa`/`wb` their widened intervals.
Explanation ExplainCountAgreement(const std::string& rule_id, Severity severity, const ClaimRef& a,
                                  const ClaimRef& b, const Interval& wa, const Interval& wb);
// `granularity_en/vi` name the level the dates were compared at ("month" / "tháng").
Explanation ExplainDateAgreement(const std::string& rule_id, const ClaimRef& a, const ClaimRef& b,
                                 std::string_view granularity_en, std::string_view granularity_vi);
// `earlier`/`later` by report time; `decrease` tells a fall (conflict) from a rise (info).
Explanation ExplainCumulative(const std::string& rule_id, const ClaimRef& earlier,
                              const ClaimRef& later, bool decrease);
// `lower` claims the lower-bounded metric and exceeds `upper`.
Explanation ExplainBound(const std::string& rule_id, const ClaimRef& lower, const ClaimRef& upper);
// `later` repeats `older`'s figure without dating it although `higher` (reported after
// `older`, before `later`) gave a higher cumulative figure.
Explanation ExplainStale(const std::string& rule_id, const ClaimRef& older, const ClaimRef& higher,
                         const ClaimRef& later);
// `total` (one source, one time) against the sum of `parts`, whose widened sum is `sum`
// and the total's widened interval `wt`.
Explanation ExplainSum(const std::string& rule_id, const ClaimRef& total,
                       const std::vector<ClaimRef>& parts, const Interval& sum, const Interval& wt);
// `parts` (one or more subjects that are parts of `whole`'s subject) exceed the whole
// at the same time; `sum` is their widened sum (one part: its widened interval).
Explanation ExplainPartWithinWhole(const std::string& rule_id, const ClaimRef& whole,
                                   const std::vector<ClaimRef>& parts, const Interval& sum);

}  // namespace claimcheck
