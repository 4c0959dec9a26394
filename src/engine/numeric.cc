#include "engine/numeric.h"

#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>

namespace claimcheck {

TruthScores DiscoverTruth(const TruthGraph& graph, const TruthOptions& options) {
  using Matrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int64_t>;
  using Vector = Eigen::VectorXd;
  const auto n_sources = static_cast<int64_t>(graph.sources);
  const auto n_values = static_cast<int64_t>(graph.values);
  // assert_vs: values x sources, the weight with which each source asserts each value.
  std::vector<Eigen::Triplet<double, int64_t>> entries;
  entries.reserve(graph.assertions.size());
  for (const auto& a : graph.assertions) {
    entries.emplace_back(static_cast<int64_t>(a.value), static_cast<int64_t>(a.source), a.weight);
  }
  Matrix assert_vs(n_values, n_sources);
  assert_vs.setFromTriplets(entries.begin(), entries.end());
  Matrix assert_sv = assert_vs.transpose();
  entries.clear();
  for (const auto& i : graph.implications) {
    entries.emplace_back(static_cast<int64_t>(i.to), static_cast<int64_t>(i.from), i.weight);
  }
  Matrix implies(n_values, n_values);
  implies.setFromTriplets(entries.begin(), entries.end());

  Vector asserted = assert_sv * Vector::Ones(n_values);  // total weight per source
  Vector trust = Vector::Constant(n_sources, options.initial_trust);
  Vector confidence = Vector::Zero(n_values);
  TruthScores out;
  for (int it = 0; it < options.max_iterations; ++it) {
    Vector tau = (1.0 - trust.array().min(1.0 - 1e-9)).log().matrix() * -1.0;
    Vector sigma = assert_vs * tau;
    Vector adjusted = sigma + options.rho * (implies * sigma);
    confidence = (1.0 / (1.0 + (-options.gamma * adjusted.array()).exp())).matrix();
    Vector summed = assert_sv * confidence;
    Vector next = trust;
    for (int64_t s = 0; s < n_sources; ++s) {
      if (asserted[s] > 0) next[s] = summed[s] / asserted[s];
    }
    double moved = n_sources == 0 ? 0 : (next - trust).cwiseAbs().maxCoeff();
    trust = next;
    out.iterations = it + 1;
    if (moved <= options.tolerance) break;
  }
  out.trust.assign(trust.data(), trust.data() + n_sources);
  out.confidence.assign(confidence.data(), confidence.data() + n_values);
  return out;
}

}  // namespace claimcheck
