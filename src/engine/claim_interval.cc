#include "engine/claim_interval.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace claimcheck {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool Same(double x, double y) { return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x)); }

}  // namespace

Interval WidenedInterval(const Claim& claim, const CheckRule& rule) {
  std::optional<double> low = claim.low, high = claim.high;
  bool point = claim.qualifier == Qualifier::kExact || claim.qualifier == Qualifier::kApprox;
  if (point && !low && !high) low = high = claim.value;
  double fraction = rule.relative_tolerance;
  if (claim.qualifier == Qualifier::kApprox) fraction += rule.approx_margin;
  Interval out{-kInf, kInf};
  if (low) out.low = *low - fraction * std::fabs(*low) - rule.absolute_tolerance;
  if (high) out.high = *high + fraction * std::fabs(*high) + rule.absolute_tolerance;
  return out;
}

bool Overlaps(const Interval& a, const Interval& b) { return a.low <= b.high && b.low <= a.high; }

bool StatedValuesDiffer(const StatedFigure& a, const StatedFigure& b) {
  if (!Same(a.value, b.value)) return true;
  auto differ = [](const std::optional<double>& x, const std::optional<double>& y) {
    return x.has_value() && y.has_value() && !Same(*x, *y);
  };
  return differ(a.low, b.low) || differ(a.high, b.high);
}

}  // namespace claimcheck
