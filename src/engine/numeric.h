// Numeric kernels of the check stage. This is the only file pair in claimcheck
// that includes Eigen; its interface uses std types only, so callers (the copy
// detector) never see Eigen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimcheck {

struct FeatureOverlap {
  size_t a = 0;        // index of the first set; a < b
  size_t b = 0;
  double shared = 0;   // number of features both sets hold
};

// For feature sets (ids < dimension; duplicates within a set are ignored), the
// number of features each pair of sets shares, for every pair that shares at
// least one, sorted by (a, b). Computed as the sparse product M * M^T of the
// binary set-by-feature matrix, so pairs with nothing in common cost nothing.
// REQUIRES: every id < dimension.
std::vector<FeatureOverlap> SharedFeatureCounts(const std::vector<std::vector<uint32_t>>& sets,
                                                uint32_t dimension);

}  // namespace claimcheck
