#include "engine/numeric.h"

#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>

namespace claimcheck {

std::vector<FeatureOverlap> SharedFeatureCounts(const std::vector<std::vector<uint32_t>>& sets,
                                                uint32_t dimension) {
  using Matrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int64_t>;
  // Columns are the features that occur, renumbered densely: the matrix's size then
  // follows the input, not `dimension`.
  std::vector<uint32_t> used;
  for (const auto& set : sets) used.insert(used.end(), set.begin(), set.end());
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  std::vector<Eigen::Triplet<double, int64_t>> entries;
  for (size_t row = 0; row < sets.size(); ++row) {
    std::vector<uint32_t> ids = sets[row];
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (uint32_t id : ids) {
      auto col = std::lower_bound(used.begin(), used.end(), id) - used.begin();
      entries.emplace_back(static_cast<int64_t>(row), col, 1.0);
    }
  }
  Matrix m(static_cast<int64_t>(sets.size()), static_cast<int64_t>(used.size()));
  m.setFromTriplets(entries.begin(), entries.end());
  Matrix gram = (m * Matrix(m.transpose())).pruned();
  std::vector<FeatureOverlap> out;
  for (int64_t row = 0; row < gram.outerSize(); ++row) {
    for (Matrix::InnerIterator it(gram, row); it; ++it) {
      if (it.col() > row && it.value() > 0) {
        out.push_back({static_cast<size_t>(row), static_cast<size_t>(it.col()), it.value()});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const FeatureOverlap& x, const FeatureOverlap& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return out;
}

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
