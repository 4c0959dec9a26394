#include "engine/source_support.h"

#include <map>
#include <set>

#include "engine/numeric.h"

namespace claimcheck {

SupportScores ScoreSupport(const SupportInput& input) {
  const size_t n = input.question.size();
  TruthGraph graph;
  graph.sources = input.sources;
  std::vector<size_t> value_of(n, 0);
  // Distinct values per question, each with one representative claim.
  std::map<std::pair<int, std::string>, size_t> value_ids;
  std::map<int, std::vector<std::pair<size_t, size_t>>> values_of_question;  // (value, claim)
  std::set<std::pair<size_t, size_t>> asserted;
  for (size_t i = 0; i < n; ++i) {
    if (input.question[i] < 0) continue;
    auto [it, added] = value_ids.emplace(std::make_pair(input.question[i], input.value_key[i]),
                                         value_ids.size());
    value_of[i] = it->second;
    if (added) values_of_question[input.question[i]].push_back({it->second, i});
    // A source asserts a value once, however many of its documents repeat it.
    if (asserted.insert({static_cast<size_t>(input.source[i]), it->second}).second) {
      graph.assertions.push_back({static_cast<size_t>(input.source[i]), it->second, 1.0});
    }
  }
  graph.values = value_ids.size();
  for (const auto& [q, values] : values_of_question) {
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

int IndependentSupport(const SupportInput& input, const std::vector<size_t>& members, size_t side,
                       long other) {
  std::set<int> sources;
  for (size_t m : members) {
    bool backs = input.value_key[m] == input.value_key[side];
    if (!backs && input.compatible(m, side)) {
      backs = other < 0 || (input.value_key[m] != input.value_key[static_cast<size_t>(other)] &&
                            !input.compatible(m, static_cast<size_t>(other)));
    }
    if (backs) sources.insert(input.source[m]);
  }
  return static_cast<int>(sources.size());
}

}  // namespace claimcheck
