#include "engine/source_support.h"

#include <algorithm>
#include <bit>
#include <tuple>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "engine/numeric.h"

namespace claimcheck {

namespace {

// A stated value within one question.
struct QuestionValue {
  int question;
  std::string_view value;
  bool operator==(const QuestionValue& o) const { return question == o.question && value == o.value; }
};
struct QuestionValueHash {
  size_t operator()(const QuestionValue& k) const {
    return std::hash<std::string_view>()(k.value) ^ (static_cast<size_t>(k.question) * 0x9E3779B97F4A7C15ull);
  }
};
struct PairHash {
  size_t operator()(const std::pair<size_t, size_t>& p) const {
    return std::hash<size_t>()(p.first * 0x9E3779B97F4A7C15ull ^ p.second);
  }
};

// What ScoreSupport needs numbered: each grouped claim's value (per question, in the
// order values are first stated, over all claims), the values of each question with
// one representative claim, and each source's assertions (once per value, in the order
// first stated).
struct Numbering {
  std::vector<size_t> value_of;  // per claim
  std::vector<std::vector<std::pair<size_t, size_t>>> values_of_question;  // (value, claim)
  size_t values = 0;
};

// The numbering by hashing the value keys, claim by claim (the reference).
Numbering NumberByKeys(const SupportInput& input, size_t questions, TruthGraph* graph) {
  const size_t n = input.question.size();
  Numbering out;
  out.value_of.assign(n, 0);
  out.values_of_question.resize(questions);
  std::unordered_map<QuestionValue, size_t, QuestionValueHash> value_ids;
  value_ids.reserve(n);
  std::unordered_set<std::pair<size_t, size_t>, PairHash> asserted;
  asserted.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (input.question[i] < 0) continue;
    auto [it, added] = value_ids.emplace(QuestionValue{input.question[i], input.value_key[i]}, value_ids.size());
    out.value_of[i] = it->second;
    if (added) out.values_of_question[static_cast<size_t>(input.question[i])].push_back({it->second, i});
    // A source asserts a value once, however many of its documents repeat it.
    if (asserted.insert({static_cast<size_t>(input.source[i]), it->second}).second) {
      graph->assertions.push_back({static_cast<size_t>(input.source[i]), it->second, 1.0});
    }
  }
  out.values = value_ids.size();
  return out;
}

// The same numbering from integer value ids: each question's members sorted by (value,
// claim) and (source, value, claim), then the values and assertions put in the order of
// the claim that first states them. No hashing; memory is read in order.
Numbering NumberByIds(const SupportInput& input, size_t questions, TruthGraph* graph) {
  const size_t n = input.question.size();
  Numbering out;
  out.value_of.assign(n, 0);
  out.values_of_question.resize(questions);
  // Members of each question, ascending (a counting sort).
  std::vector<size_t> start(questions + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    if (input.question[i] >= 0) ++start[static_cast<size_t>(input.question[i]) + 1];
  }
  for (size_t q = 0; q < questions; ++q) start[q + 1] += start[q];
  std::vector<size_t> members(start.back());
  {
    std::vector<size_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < n; ++i) {
      if (input.question[i] >= 0) members[fill[static_cast<size_t>(input.question[i])]++] = i;
    }
  }
  std::vector<size_t> first_claim;  // per provisional value: the claim that first states it
  std::vector<size_t> provisional(n, 0);  // per claim: its provisional value
  struct Assertion {
    size_t claim;  // the claim that first makes it
    size_t source, value;  // value: provisional
  };
  std::vector<Assertion> assertions;
  std::vector<std::pair<int, size_t>> by_value;                 // (value id, claim)
  std::vector<std::tuple<int, size_t, size_t>> by_source;  // (source, provisional value, claim)
  for (size_t q = 0; q < questions; ++q) {
    by_value.clear();
    for (size_t k = start[q]; k < start[q + 1]; ++k) by_value.push_back({input.value_id[members[k]], members[k]});
    std::sort(by_value.begin(), by_value.end());
    for (size_t k = 0; k < by_value.size(); ++k) {
      if (k == 0 || by_value[k].first != by_value[k - 1].first) first_claim.push_back(by_value[k].second);
      provisional[by_value[k].second] = first_claim.size() - 1;
    }
    by_source.clear();
    for (size_t k = start[q]; k < start[q + 1]; ++k) {
      size_t m = members[k];
      by_source.push_back({input.source[m], provisional[m], m});
    }
    std::sort(by_source.begin(), by_source.end());
    for (size_t k = 0; k < by_source.size(); ++k) {
      const auto& [source, value, claim] = by_source[k];
      if (k > 0 && std::get<0>(by_source[k - 1]) == source && std::get<1>(by_source[k - 1]) == value) continue;
      assertions.push_back({claim, static_cast<size_t>(source), value});
    }
  }
  // Values numbered in the order of the claims first stating them (each claim is the
  // first of at most one value, and of at most one assertion).
  std::vector<size_t> order(first_claim.size());
  for (size_t v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return first_claim[x] < first_claim[y]; });
  std::vector<size_t> final_of(first_claim.size());
  for (size_t g = 0; g < order.size(); ++g) {
    final_of[order[g]] = g;
    size_t claim = first_claim[order[g]];
    out.values_of_question[static_cast<size_t>(input.question[claim])].push_back({g, claim});
  }
  for (size_t i = 0; i < n; ++i) {
    if (input.question[i] >= 0) out.value_of[i] = final_of[provisional[i]];
  }
  std::sort(assertions.begin(), assertions.end(),
            [](const Assertion& x, const Assertion& y) { return x.claim < y.claim; });
  graph->assertions.reserve(assertions.size());
  for (const Assertion& a : assertions) graph->assertions.push_back({a.source, final_of[a.value], 1.0});
  out.values = first_claim.size();
  return out;
}

}  // namespace

SupportScores ScoreSupport(const SupportInput& input) {
  const size_t n = input.question.size();
  TruthGraph graph;
  graph.sources = input.sources;
  int questions = 0;
  for (size_t i = 0; i < n; ++i) questions = std::max(questions, input.question[i] + 1);
  Numbering numbering = input.value_id.empty() ? NumberByKeys(input, static_cast<size_t>(questions), &graph)
                                               : NumberByIds(input, static_cast<size_t>(questions), &graph);
  const std::vector<size_t>& value_of = numbering.value_of;
  const auto& values_of_question = numbering.values_of_question;
  graph.values = numbering.values;
  for (const auto& values : values_of_question) {
    if (values.size() < 2 || values.size() > kMaxValuesForImplications) continue;
    for (const auto& [u, cu] : values) {
      for (const auto& [v, cv] : values) {
        if (u == v) continue;
        graph.implications.push_back({u, v, input.compatible(cu, cv) ? 1.0 : -1.0});
      }
    }
  }
  TruthScores scores = DiscoverTruth(graph, TruthOptions{});
  SupportScores out;
  out.source_trust = scores.trust;
  out.claim_confidence.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (input.question[i] >= 0) out.claim_confidence[i] = scores.confidence[value_of[i]];
  }
  return out;
}

QuestionSupport::QuestionSupport(const SupportInput& input, const std::vector<size_t>& members,
                                 const std::vector<int>& value_id, const std::vector<int>& class_id)
    : input_(input), value_id_(value_id) {
  std::unordered_map<int, size_t> dense_class, dense_source;
  std::unordered_map<std::pair<size_t, size_t>, size_t, PairHash> bucket_of;  // (value, class) -> bucket
  std::vector<std::vector<size_t>> sources_of_bucket;
  for (size_t m : members) {
    auto [c, new_class] = dense_class.emplace(class_id[m], dense_class.size());
    if (new_class) representative_.push_back(m);
    class_of_member_[m] = c->second;
    size_t source = dense_source.emplace(input.source[m], dense_source.size()).first->second;
    auto [b, new_bucket] = bucket_of.emplace(
        std::pair<size_t, size_t>{static_cast<size_t>(static_cast<unsigned>(value_id[m])), c->second},
        buckets_.size());
    if (new_bucket) buckets_.push_back(Bucket{value_id[m], c->second, {}});
    buckets_[b->second].sources.push_back(source);
  }
  for (Bucket& b : buckets_) {
    std::sort(b.sources.begin(), b.sources.end());
    b.sources.erase(std::unique(b.sources.begin(), b.sources.end()), b.sources.end());
  }
  compatible_with_.resize(representative_.size());
  stamp_.assign(dense_source.size(), 0);
  if (dense_source.size() > 64) return;
  const size_t classes = representative_.size();
  bucket_bits_.assign(buckets_.size(), 0);
  class_bits_.assign(classes, 0);
  for (size_t b = 0; b < buckets_.size(); ++b) {
    for (size_t source : buckets_[b].sources) bucket_bits_[b] |= uint64_t{1} << source;
    class_bits_[buckets_[b].cls] |= bucket_bits_[b];
    buckets_by_value_.emplace_back(buckets_[b].value, static_cast<uint32_t>(b));
  }
  std::sort(buckets_by_value_.begin(), buckets_by_value_.end());
  // The other buckets of each bucket's class: an OR over the class's buckets before
  // it and one over those after it.
  std::vector<std::vector<uint32_t>> of_class(classes);
  for (size_t b = 0; b < buckets_.size(); ++b) of_class[buckets_[b].cls].push_back(static_cast<uint32_t>(b));
  class_bits_without_bucket_.assign(buckets_.size(), 0);
  for (const std::vector<uint32_t>& in_class : of_class) {
    uint64_t before = 0;
    for (uint32_t b : in_class) {
      class_bits_without_bucket_[b] = before;
      before |= bucket_bits_[b];
    }
    uint64_t after = 0;
    for (size_t k = in_class.size(); k-- > 0;) {
      class_bits_without_bucket_[in_class[k]] |= after;
      after |= bucket_bits_[in_class[k]];
    }
  }
  class_stamp_.assign(classes, 0);
}

const std::vector<char>& QuestionSupport::CompatibleWith(size_t cls) {
  std::vector<char>& column = compatible_with_[cls];
  if (column.empty() && !representative_.empty()) {
    column.resize(representative_.size());
    for (size_t c = 0; c < representative_.size(); ++c) {
      column[c] = input_.compatible(representative_[c], representative_[cls]) ? 1 : 0;
    }
  }
  return column;
}

int QuestionSupport::CountByClass(size_t side, long other) {
  const std::vector<char>& with_side = CompatibleWith(class_of_member_.at(side));
  const std::vector<char>* with_other =
      other >= 0 ? &CompatibleWith(class_of_member_.at(static_cast<size_t>(other))) : nullptr;
  if (++query_ == 0) {  // wrapped: forget every stamp
    std::fill(class_stamp_.begin(), class_stamp_.end(), 0);
    std::fill(stamp_.begin(), stamp_.end(), 0);
    query_ = 1;
  }
  auto of_value = [&](int value) {
    return std::equal_range(buckets_by_value_.begin(), buckets_by_value_.end(), std::pair<int, uint32_t>{value, 0},
                            [](const auto& x, const auto& y) { return x.first < y.first; });
  };
  // The side's own value backs it, in every class.
  uint64_t backing = 0;
  const auto [same_begin, same_end] = of_value(value_id_[side]);
  for (auto it = same_begin; it != same_end; ++it) backing |= bucket_bits_[it->second];
  const size_t classes = class_bits_.size();
  if (!with_other) {
    for (size_t c = 0; c < classes; ++c) {
      if (with_side[c]) backing |= class_bits_[c];
    }
    return std::popcount(backing);
  }
  // A class compatible with the side and not with the other backs the side with all its
  // buckets but the other's value: a class holding that value (one bucket) is set aside
  // and takes the bits of its other buckets.
  const std::vector<char>& against = *with_other;
  const auto [other_begin, other_end] = of_value(value_id_[static_cast<size_t>(other)]);
  for (auto it = other_begin; it != other_end; ++it) class_stamp_[buckets_[it->second].cls] = query_;
  for (size_t c = 0; c < classes; ++c) {
    if (with_side[c] && !against[c] && class_stamp_[c] != query_) backing |= class_bits_[c];
  }
  for (auto it = other_begin; it != other_end; ++it) {
    const size_t c = buckets_[it->second].cls;
    if (with_side[c] && !against[c]) backing |= class_bits_without_bucket_[it->second];
  }
  return std::popcount(backing);
}

int QuestionSupport::Count(size_t side, long other) {
  if (!class_bits_.empty()) return CountByClass(side, other);
  const std::vector<char>& with_side = CompatibleWith(class_of_member_.at(side));
  const std::vector<char>* with_other = nullptr;
  int other_value = 0;
  if (other >= 0) {
    with_other = &CompatibleWith(class_of_member_.at(static_cast<size_t>(other)));
    other_value = value_id_[static_cast<size_t>(other)];
  }
  const int side_value = value_id_[side];
  if (++query_ == 0) {  // wrapped: forget every stamp
    std::fill(stamp_.begin(), stamp_.end(), 0);
    query_ = 1;
  }
  int count = 0;
  for (const Bucket& b : buckets_) {
    bool backs = b.value == side_value;
    if (!backs && with_side[b.cls]) {
      backs = !with_other || (b.value != other_value && !(*with_other)[b.cls]);
    }
    if (!backs) continue;
    for (size_t s : b.sources) {
      if (stamp_[s] != query_) stamp_[s] = query_, ++count;
    }
  }
  return count;
}

}  // namespace claimcheck
