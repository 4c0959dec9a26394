// ConflictFilter: the editors' filters over the conflict list (status,
// severity, metric, subject, outlet, new since the last run), shared by
// `claimcheck review --list` and the review page. Pure.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/conflict.h"

namespace claimcheck {

struct ConflictFilter {
  std::string status;    // open | confirmed | dismissed | needs_info; "" = any
  std::string severity;  // conflict | divergence | info; "" = any
  std::string metric;    // exact canonical name; "" = any
  std::string subject;   // exact canonical name; "" = any
  std::string outlet;    // case-insensitive (ASCII) part of either side's outlet; "" = any
  bool only_new = false; // only ids in `new_ids`

  bool empty() const;
  // "status=open metric=killed new" (only the fields set), for messages and tests.
  std::string ToString() const;
};

// True when `c` passes every field of `filter` that is set.
bool MatchesFilter(const ConflictFilter& filter, const Conflict& c, const std::set<std::string>& new_ids);

// The conflicts of `all` that match, order kept.
std::vector<Conflict> FilterConflicts(const std::vector<Conflict>& all, const ConflictFilter& filter,
                                      const std::set<std::string>& new_ids);

}  // namespace claimcheck
