#include "server/conflict_filter.h"

#include <algorithm>
#include <cctype>

namespace claimcheck {
namespace {

std::string AsciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

bool OutletMatches(const std::string& wanted, const Conflict& c) {
  const std::string needle = AsciiLower(wanted);
  return AsciiLower(c.a.outlet).find(needle) != std::string::npos ||
         AsciiLower(c.b.outlet).find(needle) != std::string::npos;
}

}  // namespace

bool ConflictFilter::empty() const {
  return status.empty() && severity.empty() && metric.empty() && subject.empty() && outlet.empty() &&
         !only_new;
}

std::string ConflictFilter::ToString() const {
  std::string out;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += " ";
    out += std::string(name) + "=" + value;
  };
  add("status", status);
  add("severity", severity);
  add("metric", metric);
  add("subject", subject);
  add("outlet", outlet);
  if (only_new) out += out.empty() ? "new" : " new";
  return out;
}

bool MatchesFilter(const ConflictFilter& f, const Conflict& c, const std::set<std::string>& new_ids) {
  if (!f.status.empty() && c.status != f.status) return false;
  if (!f.severity.empty() && SeverityName(c.severity) != f.severity) return false;
  if (!f.metric.empty() && c.metric != f.metric) return false;
  if (!f.subject.empty() && c.subject != f.subject) return false;
  if (!f.outlet.empty() && !OutletMatches(f.outlet, c)) return false;
  if (f.only_new && new_ids.count(c.id) == 0) return false;
  return true;
}

std::vector<Conflict> FilterConflicts(const std::vector<Conflict>& all, const ConflictFilter& filter,
                                      const std::set<std::string>& new_ids) {
  std::vector<Conflict> out;
  for (const Conflict& c : all) {
    if (MatchesFilter(filter, c, new_ids)) out.push_back(c);
  }
  return out;
}

}  // namespace claimcheck
