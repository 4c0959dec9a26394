// Internal to the check stage (engine.cc): the verdicts on pairs of claims.
// Candidate (a verdict, small), Checker (the rules of one group, the rules relating
// groups, the survivors: one row per sources and values, Materialize: the row a
// reader sees) and BoundRuleStandsAlone.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "engine/claim_groups.h"
#include "engine/claim_interval.h"
#include "engine/claim_sources.h"
#include "engine/date_point.h"
#include "engine/explanation.h"
#include "model/conflict.h"
#include "rulebook/check_rules.h"

namespace claimcheck::engine_internal {

// A verdict for one pair, with what decides between verdicts of several rules. Kept
// small: the row a reader sees (both claims with their documents, the explanation in
// two languages, the id) is built only for the verdicts that survive (Materialize).
struct Candidate {
  const CheckRule* rule = nullptr;
  Severity severity = Severity::kConflict;
  int priority = 0;  // 2: stale_figure, 1: cumulative_decrease (they know which report came later)
  int specificity = 0;
  // Claim indices as 32 bits (a check holds millions of verdicts; fewer than 2^32 claims):
  uint32_t ia = 0, ib = 0;  // claim indices of conflict.a and conflict.b (a sorts first)
  uint32_t first = 0;       // the claim the rule names first: bound's lower count, sum's total, the whole
  uint32_t older = 0;       // stale_figure: the older report the later one repeats
  const std::string* subject = nullptr;  // into the claims or the group keys, which outlive the rows
  std::shared_ptr<const Explanation> explanation;  // built at once by sum and part rules
  bool hidden = false;    // wins over other verdicts on its pair but shows no row (see Cumulative)
};

inline bool Better(const Candidate& x, const Candidate& y) {
  if (x.priority != y.priority) return x.priority > y.priority;
  if (x.severity != y.severity) return x.severity < y.severity;
  if (x.specificity != y.specificity) return x.specificity > y.specificity;
  return x.rule->id < y.rule->id;
}

inline Severity Softer(Severity rule_severity, Severity s) { return std::max(rule_severity, s); }

// Divergence and info: the two claims may both hold. Such rows are reported once per
// pair of stated values, not per pair of sources (Checker's DedupKeyOf).
inline bool SoftSeverity(Severity s) { return s != Severity::kConflict; }

class Checker {
 public:
  // `value_ids`: ValueIds() of the claims.
  // `group_of`: per claim, the index of its group (Groups::all()), -1 for none.
  Checker(const std::vector<CheckRule>& rules, const std::vector<Claim>& claims, const Sources& sources,
          const std::vector<int>& value_ids, const std::vector<int>& group_of)
      : rules_(rules), claims_(claims), sources_(sources), value_id_(value_ids), group_of_(group_of),
        ranks_(ClaimRanks()) {}

  // What the pair tests of a group read of each member, gathered once per group: the
  // n^2 / 2 pairs (and stale_figure's walk over the members) read them side by side,
  // not each claim's facts scattered over the archive's.
  struct MemberFacts {
    int document = -1;  // ClaimInfo::document, ::source, ::unit, ::time_stated, ::time
    int source = -1;
    int unit = kNoUnit;
    bool time_stated = false;
    std::optional<DatePoint> time;
    StatedFigure figure;
  };

  // Per-thread buffers of CheckGroup and the row stages, reused from group to group.
  struct Scratch {
    std::vector<const CheckRule*> rules;
    std::vector<char> applies;        // rules x members
    std::vector<Interval> widened;    // rules x members
    std::vector<std::optional<size_t>> latest_earlier;  // per member: a member's position
    std::vector<std::optional<DatePoint>> dates;  // per member of a date group: its date
    std::vector<MemberFacts> facts;                      // per member
    std::string evidence_a, evidence_b;  // IdHash's buffers
    // JudgeByClass: per class of equal members, their positions (ascending; the first
    // is the class's representative), and a class's key while it is built.
    std::vector<std::vector<uint32_t>> classes;
    std::unordered_map<std::string, uint32_t> class_index;
    std::string class_key;
  };

  // The verdicts on the pairs of one group (at most one per pair, the best of the
  // group's rules; hidden ones dropped), handed to emit(Candidate&&) in pair order as
  // they are found (a group of n claims has n^2 / 2 pairs: they are not held).
  template <typename Emit>
  void CheckGroup(ClaimKind kind, const std::string& metric, const std::string& subject,
                  const std::vector<size_t>& members, Scratch* scratch, Emit&& emit) const {
    std::vector<const CheckRule*>& rules = scratch->rules;
    rules.clear();
    if (kind == ClaimKind::kDate) {
      AddMostSpecific(CheckKind::kDateAgreement, metric, subject, &rules);
    } else {
      AddMostSpecific(CheckKind::kCountAgreement, metric, subject, &rules);
      AddMostSpecific(CheckKind::kCumulativeDecrease, metric, subject, &rules);
      AddMostSpecific(CheckKind::kStaleFigure, metric, subject, &rules);
    }
    if (rules.empty()) return;
    // Per rule and member: whether the rule applies, and the widened interval.
    const size_t n = members.size();
    std::vector<char>& applies = scratch->applies;
    std::vector<Interval>& widened = scratch->widened;
    applies.assign(rules.size() * n, 0);
    widened.assign(rules.size() * n, Interval{});
    for (size_t r = 0; r < rules.size(); ++r) {
      for (size_t k = 0; k < n; ++k) {
        applies[r * n + k] = Applies(*rules[r], members[k]);
        if (kind == ClaimKind::kCount) widened[r * n + k] = WidenedInterval(claims_[members[k]], *rules[r]);
      }
    }
    std::vector<std::optional<DatePoint>>& dates = scratch->dates;
    dates.clear();
    if (kind == ClaimKind::kDate) {
      for (size_t m : members) dates.push_back(ParseDatePoint(claims_[m].date));
    }
    std::vector<MemberFacts>& facts = scratch->facts;
    facts.resize(n);
    for (size_t k = 0; k < n; ++k) {
      const ClaimInfo& info = sources_.Info(members[k]);
      facts[k] = MemberFacts{info.document,    info.source, info.unit,
                             info.time_stated, info.time,   StatedFigureOf(claims_[members[k]])};
    }
    std::vector<std::optional<size_t>>& latest_earlier = scratch->latest_earlier;
    latest_earlier.clear();
    for (size_t r = 0; r < rules.size(); ++r) {
      if (rules[r]->kind == CheckKind::kCumulativeDecrease) {
        LatestEarlier(members, facts, &applies[r * n], &latest_earlier);
        break;
      }
    }
    const size_t stale_rules = static_cast<size_t>(std::count_if(
        rules.begin(), rules.end(), [](const CheckRule* r) { return r->kind == CheckKind::kStaleFigure; }));
    if (judge_every_pair_ || !same_group_.empty() || stale_rules > 1) {
      // Every pair on its own when a rule relating a group to itself offered verdicts
      // on its pairs (OfferedOn: the caller weighs each pair's verdict against it), or
      // when two stale_figure rules apply (JudgeByClass keeps one's older reports).
      for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
          if (facts[i].source == facts[j].source) continue;  // Sources::SameSource
          std::optional<Candidate> best = Judge(members, *scratch, i, j, nullptr);
          if (best && !best->hidden) emit(std::move(*best));
        }
      }
      return;
    }
    JudgeByClass(members, scratch, emit);
  }

  // For tests: judge every pair of a group's members on its own (the reference
  // JudgeByClass must agree with), not once per pair of classes.
  void set_judge_every_pair(bool every_pair) { judge_every_pair_ = every_pair; }

  // bound: each count of `lower` at most each count of `upper` (not reported before
  // it), both widened; every verdict to emit(Candidate&&), lower count by lower count.
  template <typename Emit>
  void CheckBound(const CheckRule& rule, const std::vector<size_t>& lower, const std::vector<size_t>& upper,
                  Emit&& emit) const {
    struct Upper {
      size_t claim;
      double high;  // its widened interval's upper end
    };
    std::vector<Upper> up;
    for (size_t ui : upper) {
      if (Applies(rule, ui)) up.push_back({ui, WidenedInterval(claims_[ui], rule).high});
    }
    for (size_t li : lower) {
      if (!Applies(rule, li)) continue;
      const Claim& lo = claims_[li];
      const double lo_low = WidenedInterval(lo, rule).low;
      const auto& tl = sources_.Info(li).time;
      for (const Upper& u : up) {
        if (lo_low <= u.high) continue;
        const size_t ui = u.claim;
        if (sources_.SameSource(li, ui) || !SameUnitOf(li, ui)) continue;
        const auto& tu = sources_.Info(ui).time;
        if (tl && tu && CompareAtCoarserGranularity(*tu, *tl) < 0) continue;  // older upper count
        emit(Make(rule, rule.severity, lo.subject, li, ui, 1));
      }
    }
  }

  // sum_of_parts: within one document and one time, the parts must add up to the total.
  void CheckSum(const CheckRule& rule, const std::string& subject, const Groups& groups) {
    const std::vector<size_t>* total = groups.Find(ClaimKind::kCount, rule.total_metric, subject);
    if (!total) return;
    std::vector<const std::vector<size_t>*> parts;
    for (const auto& m : rule.part_metrics) {
      const std::vector<size_t>* g = groups.Find(ClaimKind::kCount, m, subject);
      if (!g) return;  // every part must be stated
      parts.push_back(g);
    }
    for (size_t ti : *total) {
      if (!Applies(rule, ti)) continue;
      std::vector<size_t> chosen;
      for (const auto* part : parts) {
        // Exactly one claim of the part in the total's document at the total's time.
        std::optional<size_t> only;
        bool ambiguous = false;
        for (size_t pi : *part) {
          if (!SameDocumentAndTime(ti, pi) || !Applies(rule, pi) || !SameUnitOf(ti, pi)) {
            continue;
          }
          if (only && value_id_[*only] != value_id_[pi]) ambiguous = true;
          if (!only) only = pi;
        }
        if (!only || ambiguous) break;
        chosen.push_back(*only);
      }
      if (chosen.size() != parts.size()) continue;
      Interval sum{0, 0};
      for (size_t pi : chosen) {
        Interval w = WidenedInterval(claims_[pi], rule);
        sum.low += w.low;
        sum.high += w.high;
      }
      Interval wt = WidenedInterval(claims_[ti], rule);
      if (Overlaps(sum, wt)) continue;
      size_t largest = *std::max_element(chosen.begin(), chosen.end(), [&](size_t x, size_t y) {
        return claims_[x].value < claims_[y].value;
      });
      std::vector<ClaimRef> refs;
      for (size_t pi : chosen) refs.push_back(sources_.Ref(claims_[pi], pi));
      Candidate c = Make(rule, rule.severity, subject, ti, largest, rule.Specificity());
      c.explanation = std::make_shared<Explanation>(
          ExplainSum(rule.id, sources_.Ref(claims_[ti], ti), refs, sum, wt));
      Offer(std::move(c));
    }
  }

  // part_within_whole for one metric: each part <= the whole at the same time, and the
  // parts one document states at one time add up to no more than its whole.
  void CheckPartWithinWhole(const CheckRule& rule, const std::string& metric, const Groups& groups) {
    std::vector<size_t> wholes, parts;
    for (const Group& group : groups.all()) {
      const std::string& subject = *group.subject;
      if (group.kind != ClaimKind::kCount || *group.metric != metric) continue;
      bool whole = std::find(rule.whole_subjects.begin(), rule.whole_subjects.end(), subject) !=
                   rule.whole_subjects.end();
      if (!whole && !rule.AppliesToSubject(subject)) continue;
      if (!whole && !rule.part_subjects.empty() &&
          std::find(rule.part_subjects.begin(), rule.part_subjects.end(), subject) ==
              rule.part_subjects.end()) {
        continue;
      }
      for (size_t i : group.members) {
        if (Applies(rule, i)) (whole ? wholes : parts).push_back(i);
      }
    }
    for (size_t wi : wholes) {
      const Claim& w = claims_[wi];
      Interval ww = WidenedInterval(w, rule);
      std::map<std::string, size_t> same_document;  // part subject -> its claim with the lowest bound
      for (size_t pi : parts) {
        const Claim& p = claims_[pi];
        if (!SameUnit(w, p) || !SameTime(wi, pi)) continue;
        Interval wp = WidenedInterval(p, rule);
        if (wp.low > ww.high) {
          Candidate c = Make(rule, rule.severity, w.subject, wi, pi, rule.Specificity());
          c.explanation = std::make_shared<Explanation>(
              ExplainPartWithinWhole(rule.id, sources_.Ref(w, wi), {sources_.Ref(p, pi)}, wp));
          Offer(std::move(c));
        }
        if (SameDocumentAndTime(wi, pi)) {
          auto [it, added] = same_document.emplace(p.subject, pi);
          if (!added && WidenedInterval(claims_[it->second], rule).low > wp.low) it->second = pi;
        }
      }
      if (same_document.size() < 2) continue;
      Interval sum{0, 0};
      std::vector<ClaimRef> refs;
      size_t largest = same_document.begin()->second;
      for (const auto& [subject, pi] : same_document) {
        Interval wp = WidenedInterval(claims_[pi], rule);
        sum.low += wp.low;
        sum.high += wp.high;
        refs.push_back(sources_.Ref(claims_[pi], pi));
        if (claims_[pi].value > claims_[largest].value) largest = pi;
      }
      if (sum.low <= ww.high) continue;
      Candidate c = Make(rule, rule.severity, w.subject, wi, largest, rule.Specificity());
      c.explanation =
          std::make_shared<Explanation>(ExplainPartWithinWhole(rule.id, sources_.Ref(w, wi), refs, sum));
      Offer(std::move(c));
    }
  }

  // The surviving verdicts of those added (taken in their order), one per source pair
  // and pair of stated values: the same figure said twice in one article, or by two
  // copies of it, is reported once (the verdict whose files sort first, then the
  // smaller id), at the place of the first verdict with its key. Survivors are
  // appended to *out as verdicts are added, so the verdicts need not be held.
  class SurvivorSet;  // defined below, after the keys it uses

  // SurvivorSet over `verdicts`, in their order; empties `verdicts`.
  void Survivors(std::vector<Candidate>* verdicts, Scratch* scratch, std::vector<Candidate>* out) const {
    SurvivorSet set(*this, scratch, out);
    for (Candidate& c : *verdicts) set.Add(std::move(c));
    verdicts->clear();
  }

  // The cross-group verdicts (bound, sum_of_parts, part_within_whole): on each pair
  // the best offered (the first of equals), in pair order (smaller claim index,
  // then larger); empties them. Pair order, not the order of a hash map, so which
  // of two verdicts equal on every key survives (Survivors) is the same on every
  // platform: the one on the smaller pair.
  std::vector<Candidate> TakeOffered() {
    // Offers of one pair together, in the order offered: (pair, offer index) sorted.
    std::vector<std::pair<uint64_t, uint32_t>> order;
    order.reserve(across_.size());
    for (size_t k = 0; k < across_.size(); ++k) order.emplace_back(PairKey(across_[k]), static_cast<uint32_t>(k));
    std::sort(order.begin(), order.end());
    std::vector<Candidate> out;
    out.reserve(order.size() + same_group_.size());
    for (size_t from = 0, to = 0; from < order.size(); from = to) {
      size_t best = order[from].second;
      for (to = from + 1; to < order.size() && order[to].first == order[from].first; ++to) {
        if (Better(across_[order[to].second], across_[best])) best = order[to].second;
      }
      out.push_back(std::move(across_[best]));
    }
    std::vector<std::pair<uint64_t, uint32_t>>().swap(order);
    std::vector<Candidate>().swap(across_);
    if (!same_group_.empty()) {
      // Pairs of one group are never pairs of two: merged into pair order.
      const size_t across = out.size();
      for (auto& [pair, c] : same_group_) out.push_back(std::move(c));
      same_group_.clear();
      auto by_pair = [](const Candidate& x, const Candidate& y) { return PairKey(x) < PairKey(y); };
      std::sort(out.begin() + static_cast<std::ptrdiff_t>(across), out.end(), by_pair);
      std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(across), out.end(), by_pair);
    }
    return out;
  }

  // The cross-group verdict offered on the pair of `c` (two claims of one group), or
  // nullptr. Only a rule relating a group to itself (a bound rule naming one metric
  // twice) offers on such a pair.
  const Candidate* OfferedOn(const Candidate& c) const {
    if (same_group_.empty()) return nullptr;
    auto it = same_group_.find(std::minmax(c.ia, c.ib));
    return it == same_group_.end() ? nullptr : &it->second;
  }
  void Withdraw(std::pair<size_t, size_t> pair) { same_group_.erase(pair); }

  // The row a reader sees; the explanation names claim a first, so it is built after
  // ordering. `id` is IdHash(c); `k` a new Conflict.
  void Materialize(const Candidate& c, uint64_t id, Conflict* out) const {
    const CheckRule& rule = *c.rule;
    Conflict& k = *out;
    k.rule_id = rule.id;
    k.severity = c.severity;
    k.metric = MetricOf(c);
    k.subject = *c.subject;
    k.a = sources_.Ref(claims_[c.ia], c.ia);
    k.b = sources_.Ref(claims_[c.ib], c.ib);
    Explanation e;
    switch (rule.kind) {
      case CheckKind::kCountAgreement:
        e = ExplainCountAgreement(rule.id, c.severity, k.a, k.b, WidenedInterval(claims_[c.ia], rule),
                                  WidenedInterval(claims_[c.ib], rule));
        break;
      case CheckKind::kDateAgreement: {
        auto da = ParseDatePoint(claims_[c.ia].date), db = ParseDatePoint(claims_[c.ib].date);
        DateGranularity g = CoarserGranularity(*da, *db);
        e = ExplainDateAgreement(rule.id, k.a, k.b, DateGranularityName(g), DateGranularityNameVi(g));
        break;
      }
      case CheckKind::kCumulativeDecrease: {
        bool a_first = *Order(c.ia, c.ib) < 0;
        size_t earlier = a_first ? c.ia : c.ib, later = a_first ? c.ib : c.ia;
        bool decrease = WidenedInterval(claims_[later], rule).high < WidenedInterval(claims_[earlier], rule).low;
        e = ExplainCumulative(rule.id, a_first ? k.a : k.b, a_first ? k.b : k.a, decrease);
        break;
      }
      case CheckKind::kStaleFigure: {
        bool a_first = *Order(c.ia, c.ib) < 0;
        e = ExplainStale(rule.id, sources_.Ref(claims_[c.older], c.older), a_first ? k.a : k.b,
                         a_first ? k.b : k.a);
        break;
      }
      case CheckKind::kBound: {
        bool a_lower = c.first == c.ia;
        e = ExplainBound(rule.id, a_lower ? k.a : k.b, a_lower ? k.b : k.a);
        break;
      }
      default:
        if (c.explanation) e = *c.explanation;
        break;
    }
    k.explanation = std::move(e.en);
    k.explanation_vi = std::move(e.vi);
    k.id = Hex16(id);
  }

 private:
  // Appends the most specific rules of `kind` that apply to the metric and subject.
  void AddMostSpecific(CheckKind kind, const std::string& metric, const std::string& subject,
                       std::vector<const CheckRule*>* out) const {
    const size_t start = out->size();
    int best = -1;
    for (const auto& r : rules_) {
      if (r.kind != kind || !r.AppliesToMetric(metric) || !r.AppliesToSubject(subject)) continue;
      if (r.Specificity() > best) out->resize(start), best = r.Specificity();
      if (r.Specificity() == best) out->push_back(&r);
    }
  }

  // The rule's scope beyond metric and subject: confidence, outlet, language.
  bool Applies(const CheckRule& r, size_t i) const {
    // An unscoped rule reads no document (one memory access fewer per claim and rule).
    return claims_[i].confidence >= r.min_confidence &&
           (r.outlets.empty() || r.AppliesToOutlet(sources_.OutletOf(i))) &&
           (r.languages.empty() || r.AppliesToLanguage(sources_.LanguageOf(i)));
  }

  bool SameTime(size_t x, size_t y) const {
    const auto& tx = sources_.Info(x).time;
    const auto& ty = sources_.Info(y).time;
    return tx && ty && CompareAtCoarserGranularity(*tx, *ty) == 0;
  }

  bool SameDocumentAndTime(size_t x, size_t y) const {
    return sources_.Info(x).document == sources_.Info(y).document &&
           claims_[x].as_of == claims_[y].as_of;
  }

  const std::string& File(size_t i) const { return sources_.RefFile(claims_[i], i); }

  // The order rows name their claims in: file, position, quote, value, date. Every
  // verdict asks it, so it compares ranks (OrderRanks), not strings.
  bool Before(size_t x, size_t y) const { return ranks_.order[x] < ranks_.order[y]; }
  // File(i)'s rank among the claims' files in string order: ranks compare as the files do.
  uint32_t FileRank(size_t i) const { return ranks_.file[i]; }

  // SameUnit on two claims by index: their units' ids (ClaimInfo::unit) compared.
  bool SameUnitOf(size_t x, size_t y) const { return UnitsMatch(sources_.Info(x).unit, sources_.Info(y).unit); }
  static bool UnitsMatch(int ux, int uy) { return ux == kNoUnit || uy == kNoUnit || ux == uy; }

  // Per claim: its rank in that order, claims equal in it sharing one rank; and its
  // file's rank among the files (equal files, equal ranks).
  struct Ranks {
    std::vector<uint32_t> order, file;
  };
  Ranks ClaimRanks() const {
    auto key = [&](size_t i) {
      const Claim& c = claims_[i];
      return std::tie(File(i), c.span_begin, c.quote, c.value, c.date);
    };
    std::vector<uint32_t> order(claims_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return key(x) < key(y); });
    Ranks ranks{std::vector<uint32_t>(claims_.size(), 0), std::vector<uint32_t>(claims_.size(), 0)};
    for (size_t k = 1; k < order.size(); ++k) {
      ranks.order[order[k]] = key(order[k - 1]) < key(order[k]) ? static_cast<uint32_t>(k) : ranks.order[order[k - 1]];
      ranks.file[order[k]] = ranks.file[order[k - 1]] + (File(order[k - 1]) == File(order[k]) ? 0 : 1);
    }
    return ranks;
  }

  // Claim i's evidence as the id hashes it: file, quote and stated value, into *out.
  void EvidenceOf(size_t i, std::string* out) const {
    const Claim& c = claims_[i];
    out->assign(File(i));
    out->push_back('\x1e');
    out->append(c.quote);
    out->push_back('\x1e');
    if (c.kind == ClaimKind::kDate) {
      out->append(c.date);
    } else {
      out->append(FormatNumber(c.value));
    }
  }

public:
  const std::string& MetricOf(const Candidate& c) const {
    const CheckRule& rule = *c.rule;
    return rule.kind == CheckKind::kBound        ? rule.lower_metric
           : rule.kind == CheckKind::kSumOfParts ? rule.total_metric
                                                 : claims_[c.first].metric;
  }

  // The stable id: the FNV-1a hash of rule, metric, subject and both claims' evidence
  // (in string order), separated by \x1f. Hashed piece by piece (FNV-1a chains), no
  // concatenated string.
  uint64_t IdHash(const Candidate& c, Scratch* scratch) const {
    EvidenceOf(c.ia, &scratch->evidence_a);
    EvidenceOf(c.ib, &scratch->evidence_b);
    const std::string* ea = &scratch->evidence_a;
    const std::string* eb = &scratch->evidence_b;
    if (*eb < *ea) std::swap(ea, eb);
    constexpr std::string_view kSep = "\x1f";
    uint64_t h = Fnv1a64(c.rule->id);
    for (std::string_view part : {std::string_view(MetricOf(c)), std::string_view(*c.subject),
                                  std::string_view(*ea), std::string_view(*eb)}) {
      h = Fnv1a64(part, Fnv1a64(kSep, h));
    }
    return h;
  }

private:
  // What Survivors() deduplicates on: rule, metric, subject and both sides' (source,
  // stated value), the smaller side first. A conflict is a row per pair of sources; a
  // divergence or an info row is one per pair of stated values (SoftSeverity), its
  // support columns counting the sources behind each: two figures that differ but
  // may both hold say the same thing however many reports repeat them (a group of
  // thousands of reports of one month's toll gave a row per pair of reports).
  using Side = std::pair<int, int>;
  struct DedupKey {
    const CheckRule* rule;  // rule ids are unique (the rulebook refuses a repeated one)
    int group;              // metric and subject: those of the first claim's group
    int soft;               // a soft row's severity (Severity as int), -1 for a conflict
    Side sa, sb;
    bool operator==(const DedupKey& o) const {
      return sa == o.sa && sb == o.sb && rule == o.rule && group == o.group && soft == o.soft;
    }
  };
  // A soft row's sides are (one of these, stated value), not (source, stated value).
  static constexpr int kEarlierSide = -1, kLaterSide = -2, kEitherSide = -3;
  struct DedupKeyHash {
    size_t operator()(const DedupKey& k) const {
      uint64_t h = std::hash<const void*>()(k.rule) ^ (static_cast<uint64_t>(static_cast<uint32_t>(k.group)) << 32);
      for (int v : {k.soft, k.sa.first, k.sa.second, k.sb.first, k.sb.second}) {
        h = (h ^ static_cast<uint64_t>(static_cast<uint32_t>(v))) * 0x94D049BB133111EBull;
      }
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  // A verdict's metric and subject are its first claim's (MetricOf: a bound rule's lower
  // claim, a sum's total, a whole's count), and a rule judges claims of one kind, so
  // the first claim's group (kind, metric, subject) stands for them.
  DedupKey DedupKeyOf(const Candidate& c) const {
    if (SoftSeverity(c.severity)) {
      // No sources. Rules that know which report came later keep that order, so a
      // rise and a fall between the same two figures stay two rows.
      const bool directed = c.rule->kind == CheckKind::kCumulativeDecrease || c.rule->kind == CheckKind::kStaleFigure;
      const bool a_first = !directed || Order(c.ia, c.ib).value_or(-1) < 0;
      Side sa{directed ? kEarlierSide : kEitherSide, value_id_[a_first ? c.ia : c.ib]};
      Side sb{directed ? kLaterSide : kEitherSide, value_id_[a_first ? c.ib : c.ia]};
      if (!directed && sb < sa) std::swap(sa, sb);
      return {c.rule, group_of_[c.first], static_cast<int>(c.severity), sa, sb};
    }
    Side sa{sources_.Info(c.ia).source, value_id_[c.ia]};
    Side sb{sources_.Info(c.ib).source, value_id_[c.ib]};
    if (sb < sa) std::swap(sa, sb);
    return {c.rule, group_of_[c.first], -1, sa, sb};
  }

  // The verdict on claims x and y (in the rule's order) with a = the claim that sorts first.
  Candidate Make(const CheckRule& rule, Severity severity, const std::string& subject, size_t x,
                 size_t y, int specificity) const {
    Candidate c;
    c.rule = &rule;
    c.severity = severity;
    c.specificity = specificity;
    c.priority = rule.kind == CheckKind::kStaleFigure         ? 2
                 : rule.kind == CheckKind::kCumulativeDecrease ? 1
                                                               : 0;
    c.subject = &subject;
    c.first = x;
    bool swap = Before(y, x);
    c.ia = swap ? y : x;
    c.ib = swap ? x : y;
    return c;
  }

  // stale_figure's older report for a pair of classes: the first (ClaimBefore) of the
  // qualifying members, and the first of those in another document than it. The
  // pair's later report takes the first unless it is in that one's document.
  struct StaleOlders {
    std::optional<size_t> first, other;  // claim indices
    int first_document = -1;             // first's (MemberFacts::document)
    std::optional<size_t> For(int later_document) const {
      if (first && first_document != later_document) return first;
      return other;
    }
  };

  // The best verdict of the group's rules (CheckGroup's tables in `t`) on members
  // i < j (positions), hidden ones included, or nullopt. With `olders` null,
  // stale_figure finds the pair's older report itself; otherwise it only says whether
  // the pair qualifies, leaves Candidate::older unset and puts the candidates for it
  // in *olders (what the pair's classes share: JudgeByClass).
  std::optional<Candidate> Judge(const std::vector<size_t>& members, const Scratch& t, size_t i, size_t j,
                                 StaleOlders* olders) const {
    const size_t n = members.size();
    const MemberFacts& fi = t.facts[i];
    const MemberFacts& fj = t.facts[j];
    const size_t x = members[i], y = members[j];
    std::optional<Candidate> best;
    for (size_t r = 0; r < t.rules.size(); ++r) {
      if (!t.applies[r * n + i] || !t.applies[r * n + j]) continue;
      const CheckRule& rule = *t.rules[r];
      std::optional<Candidate> c;
      switch (rule.kind) {
        case CheckKind::kCountAgreement:
          c = CountAgreement(rule, x, y, fi, fj, t.widened[r * n + i], t.widened[r * n + j]);
          break;
        case CheckKind::kCumulativeDecrease:
          c = Cumulative(rule, x, y, fi, fj, t.widened[r * n + i], t.widened[r * n + j],
                         t.latest_earlier[i] ? &t.facts[*t.latest_earlier[i]] : nullptr,
                         t.latest_earlier[j] ? &t.facts[*t.latest_earlier[j]] : nullptr);
          break;
        case CheckKind::kStaleFigure:
          c = Stale(rule, i, j, members, t.facts, &t.applies[r * n], &t.widened[r * n], olders);
          break;
        case CheckKind::kDateAgreement: c = DateAgreement(rule, x, y, t.dates[i], t.dates[j]); break;
        default: break;
      }
      if (c && (!best || Better(*c, *best))) best = std::move(c);
    }
    return best;
  }

  // Member k's class key: every fact a verdict of the group's rules reads of it
  // (CheckGroup's tables) but its document and source. Members with equal keys get
  // the same verdict from every rule against any third member (stale_figure's older
  // report aside: StaleOlders), and none against each other.
  void ClassKey(ClaimKind kind, size_t k, size_t member, const Scratch& t, std::string* key) const {
    const size_t n = t.facts.size();
    auto put = [key](const auto& v) { key->append(reinterpret_cast<const char*>(&v), sizeof v); };
    key->clear();
    put(value_id_[member]);
    for (size_t r = 0; r < t.rules.size(); ++r) {
      put(t.applies[r * n + k]);
      if (kind == ClaimKind::kCount) put(t.widened[r * n + k]);
    }
    auto put_date = [&](const std::optional<DatePoint>& d) {
      put(d.has_value());
      if (d) put(std::make_tuple(d->year, d->quarter, d->month, d->day, static_cast<int>(d->granularity)));
    };
    if (kind == ClaimKind::kDate) {
      put_date(t.dates[k]);
      return;
    }
    const MemberFacts& f = t.facts[k];
    put(f.unit);
    put(f.time_stated);
    put_date(f.time);
    put(f.figure.value);
    for (const std::optional<double>& bound : {f.figure.low, f.figure.high}) {
      put(bound.has_value());
      if (bound) put(*bound);
    }
  }

  // CheckGroup's pairs judged once per pair of classes of equal members (ClassKey)
  // instead of once per pair of members: a group of thousands of reports states a few
  // hundred distinct figures at a few hundred times. A conflict is then emitted for
  // each pair of members from different sources; a soft verdict (one row per pair of
  // stated figures: DedupKeyOf) only for the pair the survivors would keep (files,
  // then id, then pair: SurvivorSet::Add's order). The survivors are those of judging
  // every pair (set_judge_every_pair; a test compares the two).
  template <typename Emit>
  void JudgeByClass(const std::vector<size_t>& members, Scratch* scratch, Emit&& emit) const {
    Scratch& t = *scratch;
    const size_t n = members.size();
    if (n < 2) return;
    const ClaimKind kind = claims_[members[0]].kind;
    for (auto& c : t.classes) c.clear();
    size_t classes = 0;
    t.class_index.clear();
    for (size_t k = 0; k < n; ++k) {
      ClassKey(kind, k, members[k], t, &t.class_key);
      auto [it, added] = t.class_index.try_emplace(t.class_key, static_cast<uint32_t>(classes));
      if (added) {
        if (t.classes.size() <= classes) t.classes.emplace_back();
        ++classes;
      }
      t.classes[it->second].push_back(static_cast<uint32_t>(k));
    }
    // Per class, the member of the lowest file rank, and the lowest of another source.
    struct FirstFiles {
      uint32_t first = 0;
      std::optional<uint32_t> other;
    };
    std::vector<FirstFiles> first_files(classes);
    for (size_t a = 0; a < classes; ++a) {
      FirstFiles& ff = first_files[a];
      ff.first = t.classes[a][0];
      for (uint32_t k : t.classes[a]) {
        if (FileRank(members[k]) < FileRank(members[ff.first])) {
          if (t.facts[k].source != t.facts[ff.first].source) ff.other = ff.first;
          ff.first = k;
        } else if (t.facts[k].source != t.facts[ff.first].source &&
                   (!ff.other || FileRank(members[k]) < FileRank(members[*ff.other]))) {
          ff.other = k;
        }
      }
    }
    // The verdict on members p and q (positions, any order) from the classes' verdict.
    auto instance = [&](const Candidate& verdict, const StaleOlders& olders, uint32_t p, uint32_t q) {
      const size_t i = std::min(p, q), j = std::max(p, q);
      Candidate c = verdict;
      const size_t x = members[i], y = members[j];
      c.first = static_cast<uint32_t>(x);
      const bool swap = Before(y, x);
      c.ia = static_cast<uint32_t>(swap ? y : x);
      c.ib = static_cast<uint32_t>(swap ? x : y);
      if (c.rule->kind == CheckKind::kStaleFigure) {
        const size_t later = *TimeOrder(t.facts[i].time, t.facts[j].time) < 0 ? j : i;
        c.older = static_cast<uint32_t>(*olders.For(t.facts[later].document));
      }
      return c;
    };
    for (size_t a = 0; a < classes; ++a) {
      const std::vector<uint32_t>& ca = t.classes[a];
      for (size_t b = a + 1; b < classes; ++b) {
        const std::vector<uint32_t>& cb = t.classes[b];
        StaleOlders olders;
        std::optional<Candidate> verdict = Judge(members, t, ca[0], cb[0], &olders);
        if (!verdict || verdict->hidden) continue;
        if (verdict->rule->kind == CheckKind::kStaleFigure) {
          // Every later report must have an older one outside its own document, else
          // its pairs are judged one by one.
          const size_t later_class = *TimeOrder(t.facts[ca[0]].time, t.facts[cb[0]].time) < 0 ? b : a;
          bool uniform = true;
          for (uint32_t k : t.classes[later_class]) {
            if (!olders.For(t.facts[k].document)) uniform = false;
          }
          if (!uniform) {
            for (uint32_t p : ca) {
              for (uint32_t q : cb) {
                if (t.facts[p].source == t.facts[q].source) continue;
                std::optional<Candidate> c = Judge(members, t, std::min(p, q), std::max(p, q), nullptr);
                if (c && !c->hidden) emit(std::move(*c));
              }
            }
            continue;
          }
        }
        if (!SoftSeverity(verdict->severity)) {
          for (uint32_t p : ca) {
            for (uint32_t q : cb) {
              if (t.facts[p].source == t.facts[q].source) continue;
              emit(instance(*verdict, olders, p, q));
            }
          }
          continue;
        }
        // Soft: the pair of the lowest files (each member of the smaller class with
        // the other's first member of another source), then the smallest id and pair
        // among the pairs of those two files.
        const bool a_smaller = ca.size() <= cb.size();
        const std::vector<uint32_t>& scan = a_smaller ? ca : cb;
        const std::vector<uint32_t>& other = a_smaller ? cb : ca;
        const FirstFiles& ff = first_files[a_smaller ? b : a];
        std::optional<std::pair<uint32_t, uint32_t>> files;
        for (uint32_t p : scan) {
          std::optional<uint32_t> q = t.facts[ff.first].source != t.facts[p].source ? std::optional<uint32_t>(ff.first)
                                                                                     : ff.other;
          if (!q) continue;
          const uint32_t fp = FileRank(members[p]), fq = FileRank(members[*q]);
          const std::pair<uint32_t, uint32_t> f{std::min(fp, fq), std::max(fp, fq)};
          if (!files || f < *files) files = f;
        }
        if (!files) continue;  // every pair within one source
        std::optional<Candidate> kept;
        uint64_t kept_id = 0;
        for (uint32_t p : scan) {
          const uint32_t fp = FileRank(members[p]);
          if (fp != files->first && fp != files->second) continue;
          const uint32_t wanted = fp == files->first ? files->second : files->first;
          for (uint32_t q : other) {
            if (FileRank(members[q]) != wanted || t.facts[p].source == t.facts[q].source) continue;
            Candidate c = instance(*verdict, olders, p, q);
            const uint64_t id = IdHash(c, scratch);
            if (!kept || id < kept_id || (id == kept_id && PairKey(c) < PairKey(*kept))) {
              kept = std::move(c);
              kept_id = id;
            }
          }
        }
        emit(std::move(*kept));
      }
    }
  }

  // `fx`, `fy`: the claims' MemberFacts.
  std::optional<Candidate> CountAgreement(const CheckRule& rule, size_t x, size_t y, const MemberFacts& fx,
                                          const MemberFacts& fy, const Interval& wx, const Interval& wy) const {
    if (!UnitsMatch(fx.unit, fy.unit)) return std::nullopt;
    // Figures the texts themselves date to different times may both have held.
    if (fx.time_stated && fy.time_stated && fx.time && fy.time &&
        CompareAtCoarserGranularity(*fx.time, *fy.time) != 0) {
      return std::nullopt;
    }
    Severity s;
    if (!Overlaps(wx, wy)) {
      s = rule.severity;
    } else if (StatedValuesDiffer(fx.figure, fy.figure)) {
      s = Softer(rule.severity, Severity::kDivergence);
    } else {
      return std::nullopt;
    }
    return Make(rule, s, claims_[x].subject, x, y, rule.Specificity());
  }

  // <0 when x's figure held before y's, >0 after, nullopt when unknown or the same period.
  std::optional<int> Order(size_t x, size_t y) const { return TimeOrder(sources_.Info(x).time, sources_.Info(y).time); }
  static std::optional<int> TimeOrder(const std::optional<DatePoint>& tx, const std::optional<DatePoint>& ty) {
    if (!tx || !ty) return std::nullopt;
    int order = CompareAtCoarserGranularity(*tx, *ty);
    if (order == 0) return std::nullopt;
    return order;
  }

  // For each member, a member (the rule applying) reported in the latest period before
  // its own; rises are shown between adjacent periods only (a series of n reports gives
  // n - 1 rows, not n^2 / 2; the series column shows the whole run). The answer depends
  // only on the member's own time, so it is found once per distinct time (a group of
  // thousands of reports has a few hundred), by a scan of the dated members in order.
  // `facts`: the members' MemberFacts; the answers are member positions.
  void LatestEarlier(const std::vector<size_t>& members, const std::vector<MemberFacts>& facts,
                     const char* applies, std::vector<std::optional<size_t>>* latest) const {
    // The dated members the rule applies to, their times side by side.
    std::vector<size_t> dated;
    std::vector<DatePoint> dated_time;
    for (size_t k = 0; k < members.size(); ++k) {
      if (applies[k] && facts[k].time) {
        dated.push_back(k);
        dated_time.push_back(*facts[k].time);
      }
    }
    std::vector<std::optional<size_t>>& out = *latest;
    out.assign(members.size(), std::nullopt);
    std::map<std::tuple<int, int, int, int, int>, std::optional<size_t>> by_time;
    for (size_t k = 0; k < members.size(); ++k) {
      const std::optional<DatePoint>& time = facts[k].time;
      if (!time) continue;
      auto [it, added] = by_time.try_emplace(
          std::make_tuple(time->year, time->quarter, time->month, time->day, static_cast<int>(time->granularity)));
      if (added) {
        std::optional<size_t> best;  // into dated
        for (size_t d = 0; d < dated.size(); ++d) {
          const int before = CompareAtCoarserGranularity(dated_time[d], *time);
          if (before >= 0) continue;
          if (!best || CompareAtCoarserGranularity(dated_time[*best], dated_time[d]) < 0) best = d;
        }
        if (best) it->second = dated[*best];
      }
      out[k] = it->second;
    }
  }

  // `latest_x`, `latest_y`: the facts of the member LatestEarlier found for x, y (or null).
  std::optional<Candidate> Cumulative(const CheckRule& rule, size_t x, size_t y, const MemberFacts& fx,
                                      const MemberFacts& fy, const Interval& wx, const Interval& wy,
                                      const MemberFacts* latest_x, const MemberFacts* latest_y) const {
    if (!UnitsMatch(fx.unit, fy.unit)) return std::nullopt;
    auto order = TimeOrder(fx.time, fy.time);
    if (!order) return std::nullopt;
    bool x_first = *order < 0;
    size_t earlier = x_first ? x : y;
    const Interval& we = x_first ? wx : wy;
    const Interval& wl = x_first ? wy : wx;
    const StatedFigure& fe = x_first ? fx.figure : fy.figure;
    const StatedFigure& fl = x_first ? fy.figure : fx.figure;
    bool decrease = wl.high < we.low;
    bool rise = !decrease && fl.value > fe.value && StatedValuesDiffer(fe, fl);
    if (!decrease && !rise) return std::nullopt;  // no opinion: count_agreement decides
    Severity s = decrease ? rule.severity : Severity::kInfo;
    Candidate c = Make(rule, s, claims_[earlier].subject, x, y, rule.Specificity());
    if (rise) {
      // A rise over more than one period is still a rise (no conflict), but only the
      // step from the period just before gets a row.
      const MemberFacts* latest = x_first ? latest_y : latest_x;
      c.hidden = latest && TimeOrder((x_first ? fx : fy).time, latest->time).has_value();
    }
    return c;
  }

  // A later, undated, clearly lower figure that matches one reported before the higher one.
  // On members i and j of a group; per member its facts, and whether the rule applies
  // and its widened interval (the rule's rows of CheckGroup's tables).
  // With `olders`, the older report is not chosen (see Judge) but its candidates
  // are put there.
  std::optional<Candidate> Stale(const CheckRule& rule, size_t i, size_t j, const std::vector<size_t>& members,
                                 const std::vector<MemberFacts>& facts, const char* applies,
                                 const Interval* widened, StaleOlders* olders) const {
    if (!UnitsMatch(facts[i].unit, facts[j].unit)) return std::nullopt;
    auto order = TimeOrder(facts[i].time, facts[j].time);
    if (!order) return std::nullopt;
    const size_t higher = *order < 0 ? i : j, later = *order < 0 ? j : i;  // member positions
    if (facts[later].time_stated) return std::nullopt;  // it says when its figure held
    const Interval& wh = widened[higher];
    const Interval& wl = widened[later];
    if (!(wl.high < wh.low)) return std::nullopt;
    // (Members reported no later than the higher figure: never the later one, nor
    // another of its time.)
    std::optional<size_t> older;
    StaleOlders found;
    for (size_t k = 0; k < members.size(); ++k) {
      const size_t m = members[k];
      if (!olders && (m == members[later] || facts[k].document == facts[later].document)) continue;
      if (!applies[k] || !UnitsMatch(facts[k].unit, facts[later].unit)) continue;
      auto before = TimeOrder(facts[k].time, facts[higher].time);
      if (!before || *before > 0) continue;
      if (!Overlaps(widened[k], wl)) continue;
      if (!olders) {
        if (!older || ClaimBefore(claims_[m], claims_[*older])) older = m;
      } else if (!found.first || ClaimBefore(claims_[m], claims_[*found.first])) {
        if (found.first && found.first_document != facts[k].document) found.other = found.first;
        found.first = m;
        found.first_document = facts[k].document;
      } else if (found.first_document != facts[k].document &&
                 (!found.other || ClaimBefore(claims_[m], claims_[*found.other]))) {
        found.other = m;
      }
    }
    if (olders) {
      *olders = found;
      older = found.first;
    }
    if (!older) return std::nullopt;
    const size_t x = members[i], y = members[j];
    Candidate c = Make(rule, rule.severity, claims_[x].subject, x, y, rule.Specificity());
    c.older = static_cast<uint32_t>(*older);
    return c;
  }

  // `dx`, `dy`: the claims' dates, parsed.
  std::optional<Candidate> DateAgreement(const CheckRule& rule, size_t x, size_t y, const std::optional<DatePoint>& dx,
                                         const std::optional<DatePoint>& dy) const {
    if (!dx || !dy || CompareAtCoarserGranularity(*dx, *dy) == 0) return std::nullopt;
    return Make(rule, rule.severity, claims_[x].subject, x, y, rule.Specificity());
  }

  // A pair's smaller and larger claim index in one integer: sorts as the pair does.
  static uint64_t PairKey(const Candidate& c) {
    auto [lo, hi] = std::minmax(c.ia, c.ib);
    return (static_cast<uint64_t>(lo) << 32) | hi;
  }

 public:
  // A cross-group verdict. On two claims of one group it may meet the group's own
  // verdict on that pair (OfferedOn), so it is kept by pair at once; otherwise it is
  // appended (a flat vector: a subject's bound rule alone offers millions) and the
  // best per pair is chosen in TakeOffered.
  void Offer(Candidate c) {
    const int g = group_of_[c.ia];
    if (g < 0 || g != group_of_[c.ib]) {
      across_.push_back(std::move(c));
      return;
    }
    // One lookup: try_emplace leaves `c` as it is when the pair has a verdict.
    auto [it, added] = same_group_.try_emplace(std::minmax(c.ia, c.ib), std::move(c));
    if (!added && Better(c, it->second)) it->second = std::move(c);
  }

  class SurvivorSet {
   public:
    SurvivorSet(const Checker& checker, Scratch* scratch, std::vector<Candidate>* out)
        : checker_(checker), scratch_(scratch), out_(out), start_(out->size()) {}

    void Add(Candidate&& c) {
      DedupKey key = checker_.DedupKeyOf(c);
      size_t found = SIZE_MAX;
      if (keys_.size() <= kLinear) {
        for (size_t k = 0; k < keys_.size(); ++k) {
          if (keys_[k] == key) {
            found = start_ + k;
            break;
          }
        }
        if (found == SIZE_MAX && keys_.size() == kLinear) {
          for (size_t k = 0; k < keys_.size(); ++k) unique_.Insert(keys_[k], start_ + k);
        }
      } else {
        found = unique_.Find(key);
      }
      if (found == SIZE_MAX) {
        if (keys_.size() >= kLinear) unique_.Insert(key, out_->size());
        keys_.push_back(key);
        out_->push_back(std::move(c));
        return;
      }
      Candidate& old = (*out_)[found];
      // Files (by rank: as their names compare), then id, then the smaller pair of
      // claims (the earlier mentions, as claims are in file and position order): a
      // choice that does not depend on the order the verdicts come in.
      const std::pair<uint32_t, uint32_t> files{checker_.FileRank(c.ia), checker_.FileRank(c.ib)};
      const std::pair<uint32_t, uint32_t> old_files{checker_.FileRank(old.ia), checker_.FileRank(old.ib)};
      if (files != old_files) {
        if (files < old_files) old = std::move(c);
        return;
      }
      const uint64_t ic = checker_.IdHash(c, scratch_), io = checker_.IdHash(old, scratch_);
      if (ic < io || (ic == io && PairKey(c) < PairKey(old))) old = std::move(c);
    }

   private:
    // Keys to indices in *out_, open addressing (linear probing) in one array: a
    // lookup per verdict found, where a node map's lookups took 7% of the groups
    // phase's samples (100k + 1% check).
    class Index {
     public:
      size_t Find(const DedupKey& key) const {
        if (slots_.empty()) return SIZE_MAX;
        for (size_t s = DedupKeyHash()(key) & (slots_.size() - 1);; s = (s + 1) & (slots_.size() - 1)) {
          if (slots_[s].index == SIZE_MAX) return SIZE_MAX;
          if (slots_[s].key == key) return slots_[s].index;
        }
      }
      // `key` must not be in the index.
      void Insert(const DedupKey& key, size_t index) {
        if (2 * (size_ + 1) > slots_.size()) Grow();
        Place(key, index);
        ++size_;
      }

     private:
      struct Slot {
        DedupKey key{};
        size_t index = SIZE_MAX;  // SIZE_MAX: empty
      };
      void Place(const DedupKey& key, size_t index) {
        size_t s = DedupKeyHash()(key) & (slots_.size() - 1);
        while (slots_[s].index != SIZE_MAX) s = (s + 1) & (slots_.size() - 1);
        slots_[s] = Slot{key, index};
      }
      void Grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
        for (const Slot& slot : old) {
          if (slot.index != SIZE_MAX) Place(slot.key, slot.index);
        }
      }
      std::vector<Slot> slots_;  // a power of two, at most half full
      size_t size_ = 0;
    };

    static constexpr size_t kLinear = 16;  // below this many survivors, a scan beats hashing
    const Checker& checker_;
    Scratch* scratch_;
    std::vector<Candidate>* out_;
    const size_t start_;
    std::vector<DedupKey> keys_;  // of (*out_)[start_ + k]
    Index unique_;                // key -> index in *out_ (once there are more than kLinear)
  };

 private:
  const std::vector<CheckRule>& rules_;
  const std::vector<Claim>& claims_;
  const Sources& sources_;
  const std::vector<int>& value_id_;  // per claim: its distinct stated value
  const std::vector<int>& group_of_;  // per claim: its group, -1 for none
  const Ranks ranks_;  // per claim: its rank in Before's order, and its file's
  bool judge_every_pair_ = false;  // set_judge_every_pair
  // The cross-group verdicts: on pairs of one group by pair; the others as offered.
  std::unordered_map<std::pair<uint32_t, uint32_t>, Candidate, PairHash> same_group_;
  std::vector<Candidate> across_;
};

// True when no other rule can give a verdict on a pair of claims the bound rule
// `rule` judges: its two metrics differ (so the pair is never one of a group's), and
// no other bound rule nor any sum_of_parts rule relates the same two metrics. Its
// verdicts then need no choice per pair and can be deduplicated as they are found.
inline bool BoundRuleStandsAlone(const std::vector<CheckRule>& rules, const CheckRule& rule) {
  if (rule.lower_metric == rule.upper_metric) return false;
  auto relates = [&](const std::string& x, const std::string& y) {
    return (x == rule.lower_metric && y == rule.upper_metric) || (x == rule.upper_metric && y == rule.lower_metric);
  };
  for (const CheckRule& other : rules) {
    if (&other == &rule) continue;
    if (other.kind == CheckKind::kBound && relates(other.lower_metric, other.upper_metric)) return false;
    if (other.kind == CheckKind::kSumOfParts) {
      for (const std::string& part : other.part_metrics) {
        if (relates(other.total_metric, part)) return false;
      }
    }
  }
  return true;
}

}  // namespace claimcheck::engine_internal
