// Internal to the check stage (engine.cc): what each row's support columns are
// computed from. SupportContext (truth discovery over every grouped claim: trust,
// likely value), SupportCounter (independent sources behind each side, the series).
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "engine/checker.h"
#include "engine/claim_groups.h"
#include "engine/claim_interval.h"
#include "engine/claim_sources.h"
#include "engine/date_point.h"
#include "engine/explanation.h"
#include "engine/source_support.h"
#include "rulebook/check_rules.h"

namespace claimcheck::engine_internal {

// The rule two claims of one group are judged compatible by, for truth discovery: the
// most specific count_agreement rule of the group, else the defaults.
inline const CheckRule& CompatibilityRule(const std::vector<CheckRule>& rules, const Group& group) {
  static const CheckRule kDefault;
  const CheckRule* best = nullptr;
  for (const auto& r : rules) {
    if (r.kind != CheckKind::kCountAgreement || !r.AppliesToMetric(*group.metric) ||
        !r.AppliesToSubject(*group.subject)) {
      continue;
    }
    if (!best || r.Specificity() > best->Specificity()) best = &r;
  }
  return best ? *best : kDefault;
}

// "about 600 (2024-12, a.txt) -> about 2,000 (2025-09, b.txt)": the group's dated figures
// in time order, each distinct (time, value) once.
inline std::string Series(const std::vector<Claim>& claims, const Sources& sources,
                   const std::vector<size_t>& members) {
  constexpr size_t kMaxPoints = 12;
  std::vector<size_t> dated;
  for (size_t m : members) {
    if (sources.Info(m).time) dated.push_back(m);
  }
  std::sort(dated.begin(), dated.end(), [&](size_t x, size_t y) {
    int order = CompareAtCoarserGranularity(*sources.Info(x).time, *sources.Info(y).time);
    if (order != 0) return order < 0;
    return std::tie(sources.Info(x).time_text, claims[x].value, sources.Info(x).file) <
           std::tie(sources.Info(y).time_text, claims[y].value, sources.Info(y).file);
  });
  std::vector<std::string> points;
  std::set<std::string> seen;
  for (size_t m : dated) {
    const ClaimInfo& in = sources.Info(m);
    if (!seen.insert(std::string(in.time_text) + "\x1f" + Value(claims[m])).second) continue;
    points.push_back(DescribeValue(claims[m], Language::kEnglish) + " (" + std::string(in.time_text) + ", " +
                     std::string(in.file) + ")");
  }
  if (points.size() < 2) return "";
  if (points.size() > kMaxPoints) {
    points.erase(points.begin() + 1, points.end() - (kMaxPoints - 1));
    points.insert(points.begin() + 1, "...");
  }
  return Join(points, " -> ");
}

// What every row's support columns are computed from, built once before the rows
// (truth discovery over all claims) and read-only afterwards, so rows can be filled
// on several threads (each with its own SupportCounter).
class SupportContext {
 public:
  // `value_ids`: per claim, the id of its value key.
  SupportContext(const std::vector<CheckRule>& rules, const std::vector<Claim>& claims, const Sources& sources,
                 const Groups& groups, std::vector<std::string> value_keys, const std::vector<int>& value_ids)
      : claims_(claims), sources_(sources), value_ids_(value_ids) {
    input_.question = groups.group_of();
    input_.source.resize(claims.size());
    input_.value_key = std::move(value_keys);
    input_.value_id = value_ids;
    input_.sources = sources.outlets();
    for (const Group& group : groups.all()) {
      rule_of_group_.push_back(&CompatibilityRule(rules, group));
      members_of_group_.push_back(&group.members);
    }
    for (size_t i = 0; i < claims.size(); ++i) {
      input_.source[i] = sources.Info(i).outlet;
    }
    // Per grouped claim, once: its date, or its interval widened by its group's rule.
    date_of_.resize(claims.size());
    widened_.resize(claims.size());
    for (size_t i = 0; i < claims.size(); ++i) {
      if (input_.question[i] < 0) continue;
      if (claims[i].kind == ClaimKind::kDate) {
        date_of_[i] = ParseDatePoint(claims[i].date);
      } else {
        widened_[i] = WidenedInterval(claims[i], *rule_of_group_[static_cast<size_t>(input_.question[i])]);
      }
    }
    input_.compatible = [this](size_t x, size_t y) {
      const Claim& cx = claims_[x];
      const Claim& cy = claims_[y];
      if (cx.kind == ClaimKind::kDate) {
        const auto& dx = date_of_[x];
        const auto& dy =
            cy.kind == ClaimKind::kDate && input_.question[y] >= 0 ? date_of_[y] : ParseDatePoint(cy.date);
        return dx && dy && CompareAtCoarserGranularity(*dx, *dy) == 0;
      }
      const CheckRule& r = *rule_of_group_[static_cast<size_t>(input_.question[x])];
      const Interval wy = input_.question[y] == input_.question[x] ? widened_[y] : WidenedInterval(cy, r);
      return SameUnit(cx, cy) && Overlaps(widened_[x], wy);
    };
    // Compatibility classes: `compatible` reads a grouped date claim's date only (its value
    // key), and a grouped count claim's unit and widened interval only, so claims of one
    // group equal in those are compatible with the same claims.
    class_id_.assign(claims.size(), -1);
    struct ClassKey {
      int unit;  // -1 for a date claim
      uint64_t a, b;  // a date's value id; a count's interval bounds (bits)
      bool operator==(const ClassKey& o) const { return unit == o.unit && a == o.a && b == o.b; }
    };
    struct ClassKeyHash {
      size_t operator()(const ClassKey& k) const {
        uint64_t h = static_cast<uint32_t>(k.unit);
        for (uint64_t v : {k.a, k.b}) h = (h ^ v) * 0x9E3779B97F4A7C15ull;
        return static_cast<size_t>(h ^ (h >> 29));
      }
    };
    std::unordered_map<ClassKey, int, ClassKeyHash> classes;
    for (size_t i = 0; i < claims.size(); ++i) {
      if (input_.question[i] < 0) continue;
      ClassKey key{-1, static_cast<uint64_t>(static_cast<uint32_t>(value_ids[i])), 0};
      if (claims[i].kind != ClaimKind::kDate) {
        key = ClassKey{sources.Info(i).unit, std::bit_cast<uint64_t>(widened_[i].low),
                       std::bit_cast<uint64_t>(widened_[i].high)};
      }
      class_id_[i] = classes.emplace(key, static_cast<int>(classes.size())).first->second;
    }
  }

 // Truth discovery over every grouped claim (trust per source, confidence per claim);
  // reads what the constructor built, so it may run while SupportCounters count.
  void Score() { scores_ = ScoreSupport(input_); }

  // After Score(): which side of `verdict` independent sources support better:
  // 1 side a, -1 side b, 0 neither (evenly, or the sides are of different groups).
  int LikelierSide(const Candidate& verdict) const {
    size_t a = verdict.ia, b = verdict.ib;
    int ga = input_.question[a], gb = input_.question[b];
    if (ga < 0 || ga != gb) return 0;
    double ca = scores_.claim_confidence[a], cb = scores_.claim_confidence[b];
    if (ca > cb + 1e-9) return 1;
    if (cb > ca + 1e-9) return -1;
    return 0;
  }

  // After Score(): the row's trust_a/b with the keys of their sources, and its
  // likely_value; row `k` is the verdict `verdict`.
  void FillScores(const Candidate& verdict, Conflict* row) const {
    Conflict& k = *row;
    const int sa = input_.source[verdict.ia], sb = input_.source[verdict.ib];
    k.trust_a = scores_.source_trust[static_cast<size_t>(sa)];
    k.trust_b = scores_.source_trust[static_cast<size_t>(sb)];
    k.trust_key_a = sources_.OutletKey(sa);
    k.trust_key_b = sources_.OutletKey(sb);
    switch (LikelierSide(verdict)) {
      case 1: k.likely_value = DescribeValue(claims_[verdict.ia], Language::kEnglish); break;
      case -1: k.likely_value = DescribeValue(claims_[verdict.ib], Language::kEnglish); break;
      default: break;
    }
  }

  // After Score(): every source's trust by its key (Sources::OutletKey), in source order.
  std::vector<std::pair<std::string, double>> SourceTrust() const {
    std::vector<std::pair<std::string, double>> out;
    for (size_t s = 0; s < scores_.source_trust.size(); ++s) {
      out.emplace_back(sources_.OutletKey(static_cast<int>(s)), scores_.source_trust[s]);
    }
    return out;
  }

 private:
  friend class SupportCounter;
  const std::vector<Claim>& claims_;
  const Sources& sources_;
  const std::vector<int>& value_ids_;
  SupportInput input_;
  SupportScores scores_;
  std::vector<const CheckRule*> rule_of_group_;
  std::vector<const std::vector<size_t>*> members_of_group_;
  std::vector<std::optional<DatePoint>> date_of_;
  std::vector<Interval> widened_;
  std::vector<int> class_id_;
};

// A row's support_a/b and series (what does not depend on truth discovery), with
// caches of what many rows of one group share (support per pair of values, the
// series). One per thread; Clear() between groups keeps the caches small.
class SupportCounter {
 public:
  explicit SupportCounter(const SupportContext& context) : cx_(context) {}

  struct Counts {
    int support_a = 0, support_b = 0;
    const std::string* series = nullptr;  // owned by this counter until it is destroyed
    uint64_t series_hash = 0;              // Fnv1a64 of *series (0 without one)
  };

  Counts Count(const Candidate& verdict) {
    Counts out;
    size_t a = verdict.ia, b = verdict.ib;
    int ga = cx_.input_.question[a], gb = cx_.input_.question[b];
    if (ga < 0 || gb < 0) return out;
    if (ga == gb) {
      out.support_a = Support(ga, a, static_cast<long>(b));
      out.support_b = Support(ga, b, static_cast<long>(a));
      if (verdict.rule->kind == CheckKind::kCumulativeDecrease || verdict.rule->kind == CheckKind::kStaleFigure) {
        auto it = series_cache_.find(ga);
        if (it == series_cache_.end()) {
          series_.push_back(Series(cx_.claims_, cx_.sources_, *cx_.members_of_group_[static_cast<size_t>(ga)]));
          it = series_cache_.emplace(ga, std::make_pair(&series_.back(), Fnv1a64(series_.back()))).first;
        }
        out.series = it->second.first;
        out.series_hash = it->second.second;
      }
    } else {
      out.support_a = Support(ga, a, -1);
      out.support_b = Support(gb, b, -1);
    }
    return out;
  }

  // Forgets the caches (not the series already handed out).
  void Clear() {
    support_cache_.clear();
    question_support_.clear();
    series_cache_.clear();
  }

 private:
  // What a side's support depends on: its group, its stated value and unit, and the
  // other side's (-1 for a side compared across groups); values and units as ids.
  struct SupportKey {
    int group, value, unit, other_value, other_unit;
    bool operator==(const SupportKey& o) const {
      return group == o.group && value == o.value && unit == o.unit && other_value == o.other_value &&
             other_unit == o.other_unit;
    }
  };
  struct SupportKeyHash {
    size_t operator()(const SupportKey& k) const {
      uint64_t h = 0;
      for (int v : {k.group, k.value, k.unit, k.other_value, k.other_unit}) {
        h = (h ^ static_cast<uint32_t>(v)) * 0x9E3779B97F4A7C15ull;
      }
      return static_cast<size_t>(h ^ (h >> 32));
    }
  };

  int Support(int g, size_t side, long other) {
    const size_t o = other < 0 ? side : static_cast<size_t>(other);
    SupportKey key{g, cx_.value_ids_[side], cx_.sources_.Info(side).unit, other < 0 ? -1 : cx_.value_ids_[o],
                   other < 0 ? -1 : cx_.sources_.Info(o).unit};
    auto it = support_cache_.find(key);
    if (it == support_cache_.end()) {
      auto& question = question_support_[g];
      if (!question) {
        question = std::make_unique<QuestionSupport>(cx_.input_, *cx_.members_of_group_[static_cast<size_t>(g)],
                                                     cx_.value_ids_, cx_.class_id_);
      }
      it = support_cache_.emplace(key, question->Count(side, other)).first;
    }
    return it->second;
  }

  const SupportContext& cx_;
  std::unordered_map<SupportKey, int, SupportKeyHash> support_cache_;
  std::unordered_map<int, std::unique_ptr<QuestionSupport>> question_support_;
  std::unordered_map<int, std::pair<const std::string*, uint64_t>> series_cache_;  // series, its hash
  std::deque<std::string> series_;
};

}  // namespace claimcheck::engine_internal
