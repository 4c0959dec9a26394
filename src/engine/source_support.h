// Which value independent sources support best: builds the claim graph (one question
// per metric/subject, one value per distinct stated figure or date, one source per
// independent outlet) and runs the truth-discovery kernel (engine/numeric.h) on it.
// Pure; the engine feeds it what it already knows about claims and copies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace claimcheck {

struct SupportInput {
  // Per claim: its question (-1: in none), its independent source (>= 0; copies and
  // documents crediting one source share it), and the key of its stated value.
  std::vector<int> question;
  std::vector<int> source;
  std::vector<std::string> value_key;
  // Optional, per claim: an integer standing for value_key (equal ids exactly when the
  // keys are equal). When given, ScoreSupport numbers values by sorting integers per
  // question instead of hashing the keys (same numbering, same scores).
  std::vector<int> value_id;
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

// Independent support within one question (a group of claims), asked many times (once
// per pair of compared values). Members are bucketed once by (value id, compatibility
// class), so each answer costs the number of distinct buckets, not of members, and
// compares integers only. With at most 64 sources in the question (a newsroom's
// outlets; the largest questions of the 100k version-1 bench corpus have 5 or 6
// sources and 2,000 buckets in 1,500 classes), the sources are bits of a word and an
// answer costs the number of classes: per class, the union of its buckets' sources.
// Precondition (the caller's promise): `compatible(x, y)` depends only on the classes of
// x and y, and equal value ids mean equal value keys. `value_id` and `class_id` are per
// claim, like the fields of SupportInput; class ids need not be dense.
class QuestionSupport {
 public:
  QuestionSupport(const SupportInput& input, const std::vector<size_t>& members, const std::vector<int>& value_id,
                  const std::vector<int>& class_id);

  // The number of distinct sources among the members whose claims back claim `side`
  // rather than `other`: the same stated value as `side`, or compatible with `side` and
  // not with `other`. `other` may be -1 (then: same value or compatible). Side (and
  // other, unless -1) must be among the members.
  int Count(size_t side, long other);

 private:
  struct Bucket {
    int value = 0;
    size_t cls = 0;               // dense class index within the question
    std::vector<size_t> sources;  // distinct, as dense source indices within the question
  };
  // Per dense class c: whether members of class c are compatible with members of class
  // `cls`. Computed on first use.
  const std::vector<char>& CompatibleWith(size_t cls);
  // Count with the sources as bits (at most 64 sources): the same answer.
  int CountByClass(size_t side, long other);

  const SupportInput& input_;
  const std::vector<int>& value_id_;
  std::unordered_map<size_t, size_t> class_of_member_;  // claim -> dense class
  std::vector<size_t> representative_;                  // per dense class: one member
  std::vector<std::vector<char>> compatible_with_;      // per dense class; empty until computed
  std::vector<Bucket> buckets_;
  std::vector<unsigned> stamp_;  // per dense source: the query that last counted it
  unsigned query_ = 0;
  // With at most 64 sources (else empty): per bucket its sources as bits, and the
  // sources of the other buckets of its class; per class the sources of all its
  // buckets; the buckets by value id (value, bucket), sorted.
  std::vector<uint64_t> bucket_bits_, class_bits_without_bucket_, class_bits_;
  std::vector<std::pair<int, uint32_t>> buckets_by_value_;
  std::vector<unsigned> class_stamp_;  // per class: the query that set it aside
};

}  // namespace claimcheck
