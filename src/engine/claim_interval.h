// The interval of values a count claim commits to, widened by a rule's
// tolerances, and the overlap test count rules are built on. Pure.
#pragma once

#include <optional>

#include "model/claim.h"
#include "rulebook/check_rules.h"

namespace claimcheck {

// Closed interval; infinite bounds stand for "unbounded".
struct Interval {
  double low = 0;
  double high = 0;
};

// The claim's [low, high] (a missing side is unbounded; an exact or approx claim with
// neither side set falls back to its value), each finite bound moved outwards by
// (approx_margin, for approx claims only, + relative_tolerance) * |bound| +
// absolute_tolerance.
Interval WidenedInterval(const Claim& claim, const CheckRule& rule);

bool Overlaps(const Interval& a, const Interval& b);

// The numbers a count claim states: its value and its qualifier's bounds.
struct StatedFigure {
  double value = 0;
  std::optional<double> low, high;
};
inline StatedFigure StatedFigureOf(const Claim& c) { return {c.value, c.low, c.high}; }

// True when the two figures differ (value or qualifier's bounds).
bool StatedValuesDiffer(const StatedFigure& a, const StatedFigure& b);

}  // namespace claimcheck
