#include "engine/engine.h"

#include <algorithm>
#include <bit>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <unordered_map>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include "base/strings.h"
#include "engine/claim_interval.h"
#include "engine/copy_detector.h"
#include "engine/date_point.h"
#include "engine/explanation.h"
#include "engine/parallel_for.h"
#include "engine/source_support.h"

namespace claimcheck {
namespace {

// Numbers distinct strings 0, 1, 2, ... in the order they are first seen.
class Interner {
 public:
  int Id(std::string_view key) {
    auto it = ids_.find(key);
    if (it != ids_.end()) return it->second;
    const int id = static_cast<int>(keys_.size());
    keys_.emplace_back(key);
    ids_.emplace(keys_.back(), id);
    return id;
  }
  size_t size() const { return keys_.size(); }

 private:
  std::deque<std::string> keys_;  // owns the keys; a deque never moves them
  std::unordered_map<std::string_view, int> ids_;
};

// What the engine knows about each claim's document, computed once per claim. The
// views point into the documents and claims, which outlive the check.
struct ClaimInfo {
  const Document* doc = nullptr;
  std::string_view file;           // the document's file (the claim's own when unknown)
  int document = -1;               // id of the document (by file)
  int source = -1;                 // id of its copy group, else of its document
  int outlet = -1;                 // independent source for truth discovery (see SourceKey)
  std::optional<DatePoint> time;   // as_of, else the publication date
  std::string_view time_text;      // the string `time` was parsed from
  bool time_stated = false;        // as_of given in the text (not inferred)
};

// What the engine knows about the documents: lookup, identity and copy groups.
class Sources {
 public:
  // Ids (document, source, outlet) are numbered in the order the claims first use them.
  Sources(const std::vector<Document>& documents, const std::vector<std::vector<std::string>>& groups,
          const std::vector<Claim>& claims) {
    std::unordered_map<int64_t, const Document*> by_id;
    std::unordered_map<std::string_view, const Document*> by_file;
    for (const auto& d : documents) {
      if (d.id != 0) by_id[d.id] = &d;  // the last document with an id wins
      by_file.emplace(d.file, &d);      // the first document with a file wins
    }
    std::unordered_map<std::string_view, std::string_view> canonical;  // file -> first file of its copy group
    for (const auto& g : groups) {
      for (const auto& f : g) canonical[f] = g.front();
    }
    Interner document_ids, source_ids, outlet_ids;
    // Each file's three ids, computed when a claim first names it.
    struct FileIds {
      int document, source, outlet;
    };
    std::unordered_map<std::string_view, FileIds> file_ids;
    auto ids_of_file = [&](std::string_view file) -> const FileIds* {
      auto [ids, added] = file_ids.try_emplace(file);
      if (added) {
        ids->second.document = document_ids.Id(file);
        auto g = canonical.find(file);
        std::string_view first = g == canonical.end() ? file : g->second;
        ids->second.source = source_ids.Id(first);
        // The outlet of the group's first document stands for the whole group.
        auto fd = by_file.find(first);
        ids->second.outlet = outlet_ids.Id(fd != by_file.end() && !fd->second->outlet.empty()
                                               ? "outlet:" + NormalizeSourceName(fd->second->outlet)
                                               : "file:" + std::string(first));
      }
      return &ids->second;  // a map's values stay where they are
    };
    // Per document (by its place in `documents`): its file's ids once looked up, so a
    // claim of a known document costs no string hash.
    std::vector<const FileIds*> ids_of_document(documents.size(), nullptr);
    info_.resize(claims.size());
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      ClaimInfo& in = info_[i];
      if (c.document_id != 0) {
        auto it = by_id.find(c.document_id);
        if (it != by_id.end()) in.doc = it->second;
      }
      if (!in.doc) {
        auto it = by_file.find(c.file);
        if (it != by_file.end()) in.doc = it->second;
      }
      in.file = in.doc ? std::string_view(in.doc->file) : std::string_view(c.file);
      const FileIds* ids = nullptr;
      if (in.doc) {
        const FileIds*& known = ids_of_document[static_cast<size_t>(in.doc - documents.data())];
        if (!known) known = ids_of_file(in.file);
        ids = known;
      } else {
        ids = ids_of_file(in.file);
      }
      in.document = ids->document;
      in.source = ids->source;
      in.outlet = ids->outlet;
      if (!c.as_of.empty()) {
        in.time_text = c.as_of;
        in.time_stated = !c.as_of_inferred;
      } else if (in.doc && !in.doc->published.empty()) {
        in.time_text = in.doc->published;
      }
      if (!in.time_text.empty()) in.time = ParseDatePoint(in.time_text);
    }
    outlets_ = outlet_ids.size();
  }

  const ClaimInfo& Info(size_t i) const { return info_[i]; }
  size_t outlets() const { return outlets_; }

  // True when the two claims come from one document or from copies of each other.
  bool SameSource(size_t x, size_t y) const { return info_[x].source == info_[y].source; }

  ClaimRef Ref(const Claim& c, size_t i) const {
    ClaimRef r;
    r.claim = c;
    if (const Document* d = info_[i].doc) {
      if (r.claim.file.empty()) r.claim.file = d->file;
      r.outlet = d->outlet;
      r.published = d->published;
      r.url = d->url;
    }
    return r;
  }

  std::string_view OutletOf(size_t i) const { return info_[i].doc ? std::string_view(info_[i].doc->outlet) : ""; }
  std::string_view LanguageOf(size_t i) const {
    return info_[i].doc ? std::string_view(info_[i].doc->language) : "";
  }
  // The file a conflict names for claim i (its own, else its document's): what Ref() puts in.
  const std::string& RefFile(const Claim& c, size_t i) const {
    return c.file.empty() && info_[i].doc ? info_[i].doc->file : c.file;
  }

 private:
  std::vector<ClaimInfo> info_;
  size_t outlets_ = 0;
};

std::string Value(const Claim& c) {
  if (c.kind == ClaimKind::kDate) return c.date;
  auto bound = [](const std::optional<double>& v) { return v ? FormatNumber(*v) : "*"; };
  return FormatNumber(c.value) + std::string(QualifierName(c.qualifier)) + bound(c.low) + bound(c.high);
}

// v as 16 lower-case hex digits, as Hex64 (base/strings.h) writes it, without printf.
std::string Hex16(uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = kDigits[v & 0xf];
  return out;
}

bool ClaimBefore(const Claim& x, const Claim& y) {
  return std::tie(x.file, x.span_begin, x.quote, x.value, x.date) <
         std::tie(y.file, y.span_begin, y.quote, y.value, y.date);
}

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

bool Better(const Candidate& x, const Candidate& y) {
  if (x.priority != y.priority) return x.priority > y.priority;
  if (x.severity != y.severity) return x.severity < y.severity;
  if (x.specificity != y.specificity) return x.specificity > y.specificity;
  return x.rule->id < y.rule->id;
}

Severity Softer(Severity rule_severity, Severity s) { return std::max(rule_severity, s); }

bool SameUnit(const Claim& x, const Claim& y) {
  return x.unit.empty() || y.unit.empty() || x.unit == y.unit;
}

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
    for (size_t g = 0; g < groups_.size(); ++g) {
      index_[Key{groups_[g].kind, *groups_[g].metric, *groups_[g].subject}] = g;
    }
  }

  const std::vector<Group>& all() const { return groups_; }

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
std::vector<int> ValueIds(const std::vector<std::string>& value_keys) {
  std::unordered_map<std::string_view, int> ids;
  ids.reserve(value_keys.size() / 4);
  std::vector<int> out(value_keys.size());
  for (size_t i = 0; i < value_keys.size(); ++i) {
    out[i] = ids.emplace(value_keys[i], static_cast<int>(ids.size())).first->second;
  }
  return out;
}

class Checker {
 public:
  // `value_ids`: ValueIds() of the claims.
  // `group_of`: per claim, the index of its group (Groups::all()), -1 for none.
  Checker(const std::vector<CheckRule>& rules, const std::vector<Claim>& claims, const Sources& sources,
          const std::vector<int>& value_ids, const std::vector<int>& group_of)
      : rules_(rules), claims_(claims), sources_(sources), value_id_(value_ids), group_of_(group_of) {}


  // Per-thread buffers of CheckGroup and the row stages, reused from group to group.
  struct Scratch {
    std::vector<const CheckRule*> rules;
    std::vector<char> applies;        // rules x members
    std::vector<Interval> widened;    // rules x members
    std::vector<std::optional<size_t>> latest_earlier;
    std::vector<std::optional<DatePoint>> dates;  // per member of a date group: its date
    std::string evidence_a, evidence_b;  // IdHash's buffers
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
    std::vector<std::optional<size_t>>& latest_earlier = scratch->latest_earlier;
    latest_earlier.clear();
    for (size_t r = 0; r < rules.size(); ++r) {
      if (rules[r]->kind == CheckKind::kCumulativeDecrease) {
        LatestEarlier(members, &applies[r * n], &latest_earlier);
        break;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        size_t x = members[i], y = members[j];
        if (sources_.SameSource(x, y)) continue;
        std::optional<Candidate> best;
        for (size_t r = 0; r < rules.size(); ++r) {
          if (!applies[r * n + i] || !applies[r * n + j]) continue;
          const CheckRule& rule = *rules[r];
          std::optional<Candidate> c;
          switch (rule.kind) {
            case CheckKind::kCountAgreement:
              c = CountAgreement(rule, x, y, widened[r * n + i], widened[r * n + j]);
              break;
            case CheckKind::kCumulativeDecrease:
              c = Cumulative(rule, x, y, widened[r * n + i], widened[r * n + j], latest_earlier[i],
                             latest_earlier[j]);
              break;
            case CheckKind::kStaleFigure: c = Stale(rule, x, y, members); break;
            case CheckKind::kDateAgreement: c = DateAgreement(rule, x, y, dates[i], dates[j]); break;
            default: break;
          }
          if (c && (!best || Better(*c, *best))) best = std::move(c);
        }
        if (best && !best->hidden) emit(std::move(*best));
      }
    }
  }

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
        if (sources_.SameSource(li, ui) || !SameUnit(lo, claims_[ui])) continue;
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
          if (!SameDocumentAndTime(ti, pi) || !Applies(rule, pi) || !SameUnit(claims_[ti], claims_[pi])) {
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

  // The order rows name their claims in: file, position, quote, value, date.
  bool Before(size_t x, size_t y) const {
    const Claim& cx = claims_[x];
    const Claim& cy = claims_[y];
    return std::tie(File(x), cx.span_begin, cx.quote, cx.value, cx.date) <
           std::tie(File(y), cy.span_begin, cy.quote, cy.value, cy.date);
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
  // stated value), the smaller side first.
  using Side = std::pair<int, int>;
  struct DedupKey {
    std::string_view rule, metric, subject;
    Side sa, sb;
    bool operator==(const DedupKey& o) const {
      return sa == o.sa && sb == o.sb && rule == o.rule && metric == o.metric && subject == o.subject;
    }
  };
  struct DedupKeyHash {
    size_t operator()(const DedupKey& k) const {
      std::hash<std::string_view> hs;
      uint64_t h = hs(k.rule) ^ (hs(k.metric) * 0x9E3779B97F4A7C15ull) ^ (hs(k.subject) * 0xBF58476D1CE4E5B9ull);
      for (int v : {k.sa.first, k.sa.second, k.sb.first, k.sb.second}) {
        h = (h ^ static_cast<uint64_t>(static_cast<uint32_t>(v))) * 0x94D049BB133111EBull;
      }
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  DedupKey DedupKeyOf(const Candidate& c) const {
    Side sa{sources_.Info(c.ia).source, value_id_[c.ia]};
    Side sb{sources_.Info(c.ib).source, value_id_[c.ib]};
    if (sb < sa) std::swap(sa, sb);
    return {c.rule->id, MetricOf(c), *c.subject, sa, sb};
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

  std::optional<Candidate> CountAgreement(const CheckRule& rule, size_t x, size_t y, const Interval& wx,
                                          const Interval& wy) const {
    const Claim& cx = claims_[x];
    const Claim& cy = claims_[y];
    if (!SameUnit(cx, cy)) return std::nullopt;
    // Figures the texts themselves date to different times may both have held.
    const ClaimInfo& ix = sources_.Info(x);
    const ClaimInfo& iy = sources_.Info(y);
    if (ix.time_stated && iy.time_stated && ix.time && iy.time &&
        CompareAtCoarserGranularity(*ix.time, *iy.time) != 0) {
      return std::nullopt;
    }
    Severity s;
    if (!Overlaps(wx, wy)) {
      s = rule.severity;
    } else if (StatedValuesDiffer(cx, cy)) {
      s = Softer(rule.severity, Severity::kDivergence);
    } else {
      return std::nullopt;
    }
    return Make(rule, s, cx.subject, x, y, rule.Specificity());
  }

  // <0 when x's figure held before y's, >0 after, nullopt when unknown or the same period.
  std::optional<int> Order(size_t x, size_t y) const {
    const auto& tx = sources_.Info(x).time;
    const auto& ty = sources_.Info(y).time;
    if (!tx || !ty) return std::nullopt;
    int order = CompareAtCoarserGranularity(*tx, *ty);
    if (order == 0) return std::nullopt;
    return order;
  }

  // For each member, a member (the rule applying) reported in the latest period before
  // its own; rises are shown between adjacent periods only (a series of n reports gives
  // n - 1 rows, not n^2 / 2; the series column shows the whole run).
  void LatestEarlier(const std::vector<size_t>& members, const char* applies,
                     std::vector<std::optional<size_t>>* latest) const {
    std::vector<size_t> dated;
    for (size_t k = 0; k < members.size(); ++k) {
      if (applies[k] && sources_.Info(members[k]).time) dated.push_back(members[k]);
    }
    std::vector<std::optional<size_t>>& out = *latest;
    out.assign(members.size(), std::nullopt);
    for (size_t k = 0; k < members.size(); ++k) {
      if (!sources_.Info(members[k]).time) continue;
      std::optional<size_t> best;
      for (size_t m : dated) {
        auto before = Order(m, members[k]);
        if (!before || *before > 0) continue;
        if (!best || Order(*best, m).value_or(0) < 0) best = m;
      }
      out[k] = best;
    }
  }

  std::optional<Candidate> Cumulative(const CheckRule& rule, size_t x, size_t y, const Interval& wx,
                                      const Interval& wy, const std::optional<size_t>& latest_x,
                                      const std::optional<size_t>& latest_y) const {
    if (!SameUnit(claims_[x], claims_[y])) return std::nullopt;
    auto order = Order(x, y);
    if (!order) return std::nullopt;
    bool x_first = *order < 0;
    size_t earlier = x_first ? x : y, later = x_first ? y : x;
    const Interval& we = x_first ? wx : wy;
    const Interval& wl = x_first ? wy : wx;
    const Claim& ce = claims_[earlier];
    const Claim& cl = claims_[later];
    bool decrease = wl.high < we.low;
    bool rise = !decrease && cl.value > ce.value && StatedValuesDiffer(ce, cl);
    if (!decrease && !rise) return std::nullopt;  // no opinion: count_agreement decides
    Severity s = decrease ? rule.severity : Severity::kInfo;
    Candidate c = Make(rule, s, ce.subject, x, y, rule.Specificity());
    if (rise) {
      // A rise over more than one period is still a rise (no conflict), but only the
      // step from the period just before gets a row.
      const std::optional<size_t>& latest = x_first ? latest_y : latest_x;
      c.hidden = latest && Order(earlier, *latest).has_value();
    }
    return c;
  }

  // A later, undated, clearly lower figure that matches one reported before the higher one.
  std::optional<Candidate> Stale(const CheckRule& rule, size_t x, size_t y,
                                 const std::vector<size_t>& members) const {
    if (!SameUnit(claims_[x], claims_[y])) return std::nullopt;
    auto order = Order(x, y);
    if (!order) return std::nullopt;
    size_t higher = *order < 0 ? x : y, later = *order < 0 ? y : x;
    if (sources_.Info(later).time_stated) return std::nullopt;  // it says when its figure held
    Interval wh = WidenedInterval(claims_[higher], rule), wl = WidenedInterval(claims_[later], rule);
    if (!(wl.high < wh.low)) return std::nullopt;
    std::optional<size_t> older;
    for (size_t m : members) {
      if (m == later || sources_.Info(m).document == sources_.Info(later).document) continue;
      if (!Applies(rule, m) || !SameUnit(claims_[m], claims_[later])) continue;
      auto before = Order(m, higher);
      if (!before || *before > 0) continue;
      if (!Overlaps(WidenedInterval(claims_[m], rule), wl)) continue;
      if (!older || ClaimBefore(claims_[m], claims_[*older])) older = m;
    }
    if (!older) return std::nullopt;
    Candidate c = Make(rule, rule.severity, claims_[x].subject, x, y, rule.Specificity());
    c.older = *older;
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
      } else {
        if (unique_.empty()) {
          for (size_t k = 0; k < keys_.size(); ++k) unique_.emplace(keys_[k], start_ + k);
        }
        auto it = unique_.find(key);
        if (it != unique_.end()) found = it->second;
      }
      if (found == SIZE_MAX) {
        if (!unique_.empty()) unique_.emplace(key, out_->size());
        keys_.push_back(key);
        out_->push_back(std::move(c));
        return;
      }
      Candidate& old = (*out_)[found];
      const std::string& fa = checker_.File(c.ia);
      const std::string& fb = checker_.File(c.ib);
      const std::string& oa = checker_.File(old.ia);
      const std::string& ob = checker_.File(old.ib);
      // Files, then id, then the smaller pair of claims (the earlier mentions, as
      // claims are in file and position order): a choice that does not depend on
      // the order the verdicts come in.
      if (std::tie(fa, fb) != std::tie(oa, ob)) {
        if (std::tie(fa, fb) < std::tie(oa, ob)) old = std::move(c);
        return;
      }
      const uint64_t ic = checker_.IdHash(c, scratch_), io = checker_.IdHash(old, scratch_);
      if (ic < io || (ic == io && PairKey(c) < PairKey(old))) old = std::move(c);
    }

   private:
    static constexpr size_t kLinear = 16;  // below this many survivors, a scan beats hashing
    const Checker& checker_;
    Scratch* scratch_;
    std::vector<Candidate>* out_;
    const size_t start_;
    std::vector<DedupKey> keys_;  // of (*out_)[start_ + k]
    std::unordered_map<DedupKey, size_t, DedupKeyHash> unique_;  // key -> index in *out_ (large sets only)
  };

 private:
  const std::vector<CheckRule>& rules_;
  const std::vector<Claim>& claims_;
  const Sources& sources_;
  const std::vector<int>& value_id_;  // per claim: its distinct stated value
  const std::vector<int>& group_of_;  // per claim: its group, -1 for none
  // The cross-group verdicts: on pairs of one group by pair; the others as offered.
  std::unordered_map<std::pair<uint32_t, uint32_t>, Candidate, PairHash> same_group_;
  std::vector<Candidate> across_;
};

// True when no other rule can give a verdict on a pair of claims the bound rule
// `rule` judges: its two metrics differ (so the pair is never one of a group's), and
// no other bound rule nor any sum_of_parts rule relates the same two metrics. Its
// verdicts then need no choice per pair and can be deduplicated as they are found.
bool BoundRuleStandsAlone(const std::vector<CheckRule>& rules, const CheckRule& rule) {
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

CopyOptions CopyOptionsFrom(const std::vector<CheckRule>& rules) {
  CopyOptions options;
  for (const auto& r : rules) {
    if (r.kind != CheckKind::kCopies) continue;
    options.min_similarity = r.min_similarity;
    options.shingle_words = r.shingle_words;
    options.credit_prefixes = r.credit_prefixes;
  }
  return options;
}

// The rule two claims of one group are judged compatible by, for truth discovery: the
// most specific count_agreement rule of the group, else the defaults.
const CheckRule& CompatibilityRule(const std::vector<CheckRule>& rules, const Group& group) {
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
std::string Series(const std::vector<Claim>& claims, const Sources& sources,
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
    input_.question.assign(claims.size(), -1);
    input_.source.resize(claims.size());
    input_.value_key = std::move(value_keys);
    input_.value_id = value_ids;
    input_.sources = sources.outlets();
    for (const Group& group : groups.all()) {
      int g = static_cast<int>(rule_of_group_.size());
      rule_of_group_.push_back(&CompatibilityRule(rules, group));
      members_of_group_.push_back(&group.members);
      for (size_t m : group.members) input_.question[m] = g;
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
    // Every claim's unit as an id, numbered in claim order.
    Interner unit_ids;
    unit_id_.resize(claims.size());
    for (size_t i = 0; i < claims.size(); ++i) unit_id_[i] = unit_ids.Id(claims[i].unit);
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
        key = ClassKey{unit_id_[i], std::bit_cast<uint64_t>(widened_[i].low),
                       std::bit_cast<uint64_t>(widened_[i].high)};
      }
      class_id_[i] = classes.emplace(key, static_cast<int>(classes.size())).first->second;
    }
  }

 // Truth discovery over every grouped claim (trust per source, confidence per claim);
  // reads what the constructor built, so it may run while SupportCounters count.
  void Score() { scores_ = ScoreSupport(input_); }

  // After Score(): the row's trust_a/b and likely_value; row `k` is the verdict `verdict`.
  void FillScores(const Candidate& verdict, Conflict* row) const {
    Conflict& k = *row;
    size_t a = verdict.ia, b = verdict.ib;
    k.trust_a = scores_.source_trust[static_cast<size_t>(input_.source[a])];
    k.trust_b = scores_.source_trust[static_cast<size_t>(input_.source[b])];
    int ga = input_.question[a], gb = input_.question[b];
    if (ga < 0 || ga != gb) return;
    double ca = scores_.claim_confidence[a], cb = scores_.claim_confidence[b];
    if (ca > cb + 1e-9) k.likely_value = DescribeValue(claims_[a], Language::kEnglish);
    if (cb > ca + 1e-9) k.likely_value = DescribeValue(claims_[b], Language::kEnglish);
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
  std::vector<int> unit_id_;
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
          it = series_cache_.emplace(ga, &series_.back()).first;
        }
        out.series = it->second;
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
    SupportKey key{g, cx_.value_ids_[side], cx_.unit_id_[side], other < 0 ? -1 : cx_.value_ids_[o],
                   other < 0 ? -1 : cx_.unit_id_[o]};
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
  std::unordered_map<int, const std::string*> series_cache_;
  std::deque<std::string> series_;
};

// Distinct strings numbered by rank in string order, looked up by value.
class Ranks {
 public:
  void Add(std::string_view s) { ranks_.emplace(s, 0); }
  void Finish() {
    std::vector<std::string_view> keys;
    keys.reserve(ranks_.size());
    for (const auto& [k, r] : ranks_) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size(); ++i) ranks_[keys[i]] = static_cast<uint32_t>(i);
  }
  uint32_t Of(std::string_view s) const { return ranks_.at(s); }

 private:
  std::unordered_map<std::string_view, uint32_t> ranks_;
};

// Where a row goes in the final order (severity, metric, subject, id; then the place
// its verdict was found: group, position), and where its verdict is (thread, index).
struct RowKey {
  int severity;
  uint32_t metric, subject;
  uint64_t id;
  uint32_t block, position;
  uint32_t thread;
  size_t index;
};

// A surviving verdict with what its row needs beyond it.
struct Found {
  Candidate verdict;
  uint64_t id = 0;
  SupportCounter::Counts counts;
};

}  // namespace

CheckResult CheckClaims(const std::vector<CheckRule>& rules, const std::vector<Document>& documents,
                        const std::vector<Claim>& claims, const CheckOptions& options) {
  CheckResult result;
  ConflictSink sink;
  sink.begin = [](const std::vector<std::string>&) { return true; };
  sink.rows = [&](std::vector<Conflict>& batch) {
    result.conflicts.swap(batch);  // the one batch, built in place: no row is moved
    return true;
  };
  CheckOptions one_batch = options;
  one_batch.rows_per_batch = std::numeric_limits<size_t>::max();
  result.copy_groups = CheckClaimsInto(rules, documents, claims, one_batch, sink);
  return result;
}

std::vector<std::vector<std::string>> CheckClaimsInto(const std::vector<CheckRule>& rules,
                                                      const std::vector<Document>& documents,
                                                      const std::vector<Claim>& claims,
                                                      const CheckOptions& options, const ConflictSink& sink) {
  const int threads = std::max(1, options.threads);
  std::vector<std::vector<std::string>> copy_groups;
  // Copy detection needs only the documents: on its own thread while the claims are keyed.
  std::thread copies_thread;
  auto find_copies = [&] {
    CopyOptions copy_options = CopyOptionsFrom(rules);
    copy_options.threads = threads;
    copy_groups = FindCopyGroups(documents, copy_options);
  };
  if (threads > 1) {
    copies_thread = std::thread(find_copies);
  } else {
    find_copies();
  }
  std::vector<std::string> value_keys(claims.size());
  ParallelFor((claims.size() + 1023) / 1024, threads, [&](int, size_t block) {
    for (size_t i = block * 1024; i < std::min(claims.size(), block * 1024 + 1024); ++i) {
      value_keys[i] = Value(claims[i]);
    }
  });
  // Only claims of one (kind, metric, subject) are compared, except by the rules that
  // relate groups (bound, sum_of_parts, part_within_whole).
  const Groups groups(claims);
  const std::vector<int> value_ids = ValueIds(value_keys);
  if (copies_thread.joinable()) copies_thread.join();
  const Sources sources(documents, copy_groups, claims);
  SupportContext support(rules, claims, sources, groups, std::move(value_keys), value_ids);
  // Truth discovery needs no verdict: on its own thread while the groups are checked.
  std::thread score_thread;
  if (threads > 1) {
    score_thread = std::thread([&] { support.Score(); });
  } else {
    support.Score();
  }
  std::vector<int> group_of(claims.size(), -1);
  for (size_t g = 0; g < groups.all().size(); ++g) {
    for (size_t m : groups.all()[g].members) group_of[m] = static_cast<int>(g);
  }
  Checker checker(rules, claims, sources, value_ids, group_of);

  // The rules relating groups, first, on this thread. A bound rule no other rule
  // can meet on a pair has its verdicts deduplicated as they are found (a subject's
  // counts compared with all its other counts are millions of verdicts for a few
  // rows); the others are offered, for the best per pair.
  std::vector<Candidate> streamed_survivors;
  Checker::Scratch cross_scratch;
  for (const auto& rule : rules) {
    if (rule.kind == CheckKind::kBound) {
      const bool alone = BoundRuleStandsAlone(rules, rule);
      for (const Group& lower : groups.all()) {
        if (lower.kind != ClaimKind::kCount || *lower.metric != rule.lower_metric ||
            !rule.AppliesToSubject(*lower.subject)) {
          continue;
        }
        const std::vector<size_t>* upper = groups.Find(ClaimKind::kCount, rule.upper_metric, *lower.subject);
        if (!upper) continue;
        if (alone) {
          Checker::SurvivorSet survivors(checker, &cross_scratch, &streamed_survivors);
          checker.CheckBound(rule, lower.members, *upper, [&](Candidate&& c) { survivors.Add(std::move(c)); });
        } else {
          checker.CheckBound(rule, lower.members, *upper, [&](Candidate&& c) { checker.Offer(std::move(c)); });
        }
      }
    } else if (rule.kind == CheckKind::kSumOfParts) {
      for (const Group& total : groups.all()) {
        if (total.kind == ClaimKind::kCount && *total.metric == rule.total_metric &&
            rule.AppliesToSubject(*total.subject)) {
          checker.CheckSum(rule, *total.subject, groups);
        }
      }
    } else if (rule.kind == CheckKind::kPartWithinWhole) {
      std::set<std::string> metrics;
      for (const Group& group : groups.all()) {
        bool whole = std::find(rule.whole_subjects.begin(), rule.whole_subjects.end(), *group.subject) !=
                     rule.whole_subjects.end();
        if (group.kind == ClaimKind::kCount && whole && rule.AppliesToMetric(*group.metric)) {
          metrics.insert(*group.metric);
        }
      }
      for (const auto& metric : metrics) checker.CheckPartWithinWhole(rule, metric, groups);
    }
  }

  // Metrics and subjects by rank in string order, so the final sort compares integers.
  Ranks metric_rank, subject_rank;
  for (const Group& group : groups.all()) {
    metric_rank.Add(*group.metric);
    subject_rank.Add(*group.subject);
  }
  for (const auto& rule : rules) {
    if (!rule.lower_metric.empty()) metric_rank.Add(rule.lower_metric);
    if (!rule.total_metric.empty()) metric_rank.Add(rule.total_metric);
  }
  metric_rank.Finish();
  subject_rank.Finish();

  // Each group on one of the threads: its verdicts, its survivors, their ids and support.
  struct PerThread {
    Checker::Scratch scratch;
    std::vector<Candidate> survivors;
    std::vector<Found> found;
    std::vector<RowKey> keys;
    std::vector<std::pair<size_t, size_t>> withdrawn;  // cross-group verdicts beaten in a group
    std::optional<SupportCounter> counter;
  };
  std::vector<PerThread> per_thread(static_cast<size_t>(threads));
  for (auto& t : per_thread) t.counter.emplace(support);
  auto add_found = [&](PerThread& t, uint32_t block, uint32_t thread) {
    for (size_t p = 0; p < t.survivors.size(); ++p) {
      Found& f = t.found.emplace_back();
      f.verdict = std::move(t.survivors[p]);
      const Candidate& c = f.verdict;
      f.id = checker.IdHash(c, &t.scratch);
      f.counts = t.counter->Count(c);
      t.keys.push_back(RowKey{static_cast<int>(c.severity), metric_rank.Of(checker.MetricOf(c)),
                              subject_rank.Of(*c.subject), f.id, block, static_cast<uint32_t>(p), thread,
                              t.found.size() - 1});
    }
  };
  const auto& all = groups.all();
  ParallelFor(all.size(), threads, [&](int thread, size_t g) {
    PerThread& t = per_thread[static_cast<size_t>(thread)];
    const Group& group = all[g];
    // Each verdict as it is found: a cross-group verdict on the same pair (a bound rule
    // naming one metric twice) keeps it out unless it is better; then the survivors.
    t.survivors.clear();
    Checker::SurvivorSet survivors(checker, &t.scratch, &t.survivors);
    checker.CheckGroup(group.kind, *group.metric, *group.subject, group.members, &t.scratch,
                       [&](Candidate&& c) {
                         if (const Candidate* offered = checker.OfferedOn(c)) {
                           if (!Better(c, *offered)) return;
                           t.withdrawn.push_back(std::minmax(c.ia, c.ib));
                         }
                         survivors.Add(std::move(c));
                       });
    if (t.survivors.empty()) return;
    add_found(t, static_cast<uint32_t>(g), static_cast<uint32_t>(thread));
    t.counter->Clear();
  });
  for (const auto& t : per_thread) {
    for (const auto& pair : t.withdrawn) checker.Withdraw(pair);
  }
  {
    PerThread& t = per_thread[0];
    std::vector<Candidate> offered = checker.TakeOffered();
    offered.insert(offered.end(), std::make_move_iterator(streamed_survivors.begin()),
                   std::make_move_iterator(streamed_survivors.end()));
    std::vector<Candidate>().swap(streamed_survivors);
    t.survivors.clear();
    checker.Survivors(&offered, &t.scratch, &t.survivors);
    add_found(t, static_cast<uint32_t>(all.size()), 0);
  }

  // The rows in their final order, built where they stay.
  std::vector<RowKey> keys;
  size_t total = 0;
  for (const auto& t : per_thread) total += t.keys.size();
  keys.reserve(total);
  for (auto& t : per_thread) {
    keys.insert(keys.end(), t.keys.begin(), t.keys.end());
    std::vector<RowKey>().swap(t.keys);
  }
  std::sort(keys.begin(), keys.end(), [](const RowKey& x, const RowKey& y) {
    return std::tie(x.severity, x.metric, x.subject, x.id, x.block, x.position) <
           std::tie(y.severity, y.metric, y.subject, y.id, y.block, y.position);
  });
  if (score_thread.joinable()) score_thread.join();
  {
    std::vector<std::string> ids(keys.size());
    for (size_t r = 0; r < keys.size(); ++r) ids[r] = Hex16(keys[r].id);
    if (!sink.begin(ids)) return copy_groups;
  }
  // The rows a batch at a time, each batch built on the threads, handed over whole.
  constexpr size_t kRowsPerBlock = 256;
  const size_t per_batch = std::max<size_t>(1, options.rows_per_batch);
  std::vector<Conflict> batch;
  for (size_t from = 0, to = 0; from < keys.size(); from = to) {
    to = from + std::min(per_batch, keys.size() - from);
    batch.clear();
    batch.resize(to - from);
    ParallelFor((to - from + kRowsPerBlock - 1) / kRowsPerBlock, threads, [&](int, size_t block) {
      for (size_t r = from + block * kRowsPerBlock; r < std::min(to, from + (block + 1) * kRowsPerBlock); ++r) {
        const Found& f = per_thread[keys[r].thread].found[keys[r].index];
        Conflict& row = batch[r - from];
        checker.Materialize(f.verdict, f.id, &row);
        support.FillScores(f.verdict, &row);
        row.support_a = f.counts.support_a;
        row.support_b = f.counts.support_b;
        if (f.counts.series) row.series = *f.counts.series;
      }
    });
    if (!sink.rows(batch)) break;
  }
  return copy_groups;
}

}  // namespace claimcheck
