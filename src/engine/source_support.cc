#include "engine/source_support.h"

#include <algorithm>
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

}  // namespace

SupportScores ScoreSupport(const SupportInput& input) {
  const size_t n = input.question.size();
  TruthGraph graph;
  graph.sources = input.sources;
  std::vector<size_t> value_of(n, 0);
  // Distinct values per question, numbered in claim order, each with one representative claim.
  std::unordered_map<QuestionValue, size_t, QuestionValueHash> value_ids;
  value_ids.reserve(n);
  int questions = 0;
  for (size_t i = 0; i < n; ++i) questions = std::max(questions, input.question[i] + 1);
  std::vector<std::vector<std::pair<size_t, size_t>>> values_of_question(static_cast<size_t>(questions));  // (value, claim)
  std::unordered_set<std::pair<size_t, size_t>, PairHash> asserted;
  asserted.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (input.question[i] < 0) continue;
    auto [it, added] = value_ids.emplace(QuestionValue{input.question[i], input.value_key[i]}, value_ids.size());
    value_of[i] = it->second;
    if (added) values_of_question[static_cast<size_t>(input.question[i])].push_back({it->second, i});
    // A source asserts a value once, however many of its documents repeat it.
    if (asserted.insert({static_cast<size_t>(input.source[i]), it->second}).second) {
      graph.assertions.push_back({static_cast<size_t>(input.source[i]), it->second, 1.0});
    }
  }
  graph.values = value_ids.size();
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

int QuestionSupport::Count(size_t side, long other) {
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
