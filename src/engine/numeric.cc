#include "engine/numeric.h"

#include <Eigen/SparseCore>
#include <algorithm>

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

}  // namespace claimcheck
