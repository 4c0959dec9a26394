// Internal to the check stage (engine.cc): claims grouped by (kind, metric,
// subject), the only claims compared with each other, and their values as ids.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/claim.h"

namespace claimcheck::engine_internal {

// The claims of one (kind, metric, subject); metric and subject point into its first claim.
struct Group {
  ClaimKind kind = ClaimKind::kCount;
  const std::string* metric = nullptr;
  const std::string* subject = nullptr;
  std::vector<size_t> members;  // claim indices, ascending
};

// Claims grouped by (kind, metric, subject), listed in that key's order (kind, then
// metric and subject as strings); claims without a metric or subject are in no group.
class Groups {
 public:
  explicit Groups(const std::vector<Claim>& claims) {
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      if (c.metric.empty() || c.subject.empty()) continue;
      auto [it, added] = index_.try_emplace(Key{c.kind, c.metric, c.subject}, groups_.size());
      if (added) groups_.push_back(Group{c.kind, &c.metric, &c.subject, {}});
      groups_[it->second].members.push_back(i);
    }
    std::sort(groups_.begin(), groups_.end(), [](const Group& x, const Group& y) {
      return std::tie(x.kind, *x.metric, *x.subject) < std::tie(y.kind, *y.metric, *y.subject);
    });
    group_of_.assign(claims.size(), -1);
    for (size_t g = 0; g < groups_.size(); ++g) {
      index_[Key{groups_[g].kind, *groups_[g].metric, *groups_[g].subject}] = g;
      for (size_t m : groups_[g].members) group_of_[m] = static_cast<int>(g);
    }
  }

  const std::vector<Group>& all() const { return groups_; }

  // Per claim: the index of its group in all(), -1 for none.
  const std::vector<int>& group_of() const { return group_of_; }

  // The members of the group (kind, metric, subject), or nullptr when there is none.
  const std::vector<size_t>* Find(ClaimKind kind, std::string_view metric, std::string_view subject) const {
    auto it = index_.find(Key{kind, metric, subject});
    return it == index_.end() ? nullptr : &groups_[it->second].members;
  }

 private:
  struct Key {
    ClaimKind kind;
    std::string_view metric, subject;
    bool operator==(const Key& o) const { return kind == o.kind && metric == o.metric && subject == o.subject; }
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      std::hash<std::string_view> h;
      return h(k.metric) * 0x9E3779B97F4A7C15ull ^ h(k.subject) ^ static_cast<size_t>(k.kind);
    }
  };
  std::vector<Group> groups_;
  std::vector<int> group_of_;
  std::unordered_map<Key, size_t, KeyHash> index_;  // key -> index in groups_
};

struct PairHash {
  size_t operator()(const std::pair<size_t, size_t>& p) const {
    return std::hash<size_t>()(p.first * 0x9E3779B97F4A7C15ull ^ p.second);
  }
  // The same value for the same pair held in 32 bits.
  size_t operator()(const std::pair<uint32_t, uint32_t>& p) const {
    return (*this)(std::pair<size_t, size_t>(p.first, p.second));
  }
};

// Per claim: its distinct stated value (Value()) as an integer, equal exactly when the
// keys are, so rows are deduplicated and supported on integers.
inline std::vector<int> ValueIds(const std::vector<std::string>& value_keys) {
  std::unordered_map<std::string_view, int> ids;
  ids.reserve(value_keys.size() / 4);
  std::vector<int> out(value_keys.size());
  for (size_t i = 0; i < value_keys.size(); ++i) {
    out[i] = ids.emplace(value_keys[i], static_cast<int>(ids.size())).first->second;
  }
  return out;
}

}  // namespace claimcheck::engine_internal
