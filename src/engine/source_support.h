// Which value independent sources support best: builds the claim graph (one question
// per metric/subject, one value per distinct stated figure or date, one source per
// independent outlet) and runs the truth-discovery kernel (engine/numeric.h) on it.
// Pure; the engine feeds it what it already knows about claims and copies.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace claimcheck {

struct SupportInput {
  // Per claim: its question (-1: in none), its independent source (>= 0; copies and
  // documents crediting one source share it), and the key of its stated value.
  std::vector<int> question;
  std::vector<int> source;
  std::vector<std::string> value_key;
  size_t sources = 0;
  // Whether two claims of one question can both hold (agreeing values imply each
  // other; incompatible ones count against each other).
  std::function<bool(size_t, size_t)> compatible;
};

struct SupportScores {
  std::vector<double> source_trust;      // per source
  std::vector<double> claim_confidence;  // per claim: the confidence of its value
};

// Questions with more than this many distinct values get no implications (their
// values then compete only through source trust): keeps the pass linear.
inline constexpr size_t kMaxValuesForImplications = 64;

SupportScores ScoreSupport(const SupportInput& input);

// The number of distinct sources among `members` (claims of one question) whose claims
// back claim `side` rather than `other`: the same stated value as `side`, or compatible
// with `side` and not with `other`. `other` may be -1 (then: same value or compatible).
int IndependentSupport(const SupportInput& input, const std::vector<size_t>& members, size_t side,
                       long other);

}  // namespace claimcheck
