#include "engine/engine.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "base/strings.h"
#include "engine/claim_interval.h"
#include "engine/copy_detector.h"
#include "engine/date_point.h"
#include "engine/explanation.h"

namespace claimcheck {
namespace {

// What the engine knows about the documents: lookup, identity and copy groups.
class Sources {
 public:
  Sources(const std::vector<Document>& documents, const std::vector<std::vector<std::string>>& groups) {
    for (const auto& d : documents) {
      if (d.id != 0) by_id_[d.id] = &d;
      by_file_.emplace(d.file, &d);
    }
    for (size_t g = 0; g < groups.size(); ++g) {
      for (const auto& f : groups[g]) group_of_file_[f] = g;
      group_first_.push_back(groups[g].front());
    }
  }

  const Document* DocumentOf(const Claim& c) const {
    if (c.document_id != 0) {
      auto it = by_id_.find(c.document_id);
      if (it != by_id_.end()) return it->second;
    }
    auto it = by_file_.find(c.file);
    return it == by_file_.end() ? nullptr : it->second;
  }

  std::string FileOf(const Claim& c) const {
    const Document* d = DocumentOf(c);
    return d ? d->file : c.file;
  }

  // True when the two claims come from one document or from copies of each other.
  bool SameSource(const Claim& x, const Claim& y) const {
    if (x.document_id != 0 && x.document_id == y.document_id) return true;
    std::string fx = FileOf(x), fy = FileOf(y);
    if (fx == fy) return true;
    auto gx = group_of_file_.find(fx), gy = group_of_file_.find(fy);
    return gx != group_of_file_.end() && gy != group_of_file_.end() && gx->second == gy->second;
  }

  ClaimRef Ref(const Claim& c) const {
    ClaimRef r;
    r.claim = c;
    if (const Document* d = DocumentOf(c)) {
      if (r.claim.file.empty()) r.claim.file = d->file;
      r.outlet = d->outlet;
      r.published = d->published;
      r.url = d->url;
    }
    return r;
  }

  // The file standing for the claim's source: the first file of its copy group, or its own.
  std::string CanonicalFile(const Claim& c) const {
    std::string f = FileOf(c);
    auto g = group_of_file_.find(f);
    return g == group_of_file_.end() ? f : group_first_[g->second];
  }

  // When the claim's figure held: its as_of, else its document's publication date.
  std::optional<DatePoint> TimeOf(const Claim& c) const {
    if (!c.as_of.empty()) return ParseDatePoint(c.as_of);
    const Document* d = DocumentOf(c);
    if (d && !d->published.empty()) return ParseDatePoint(d->published);
    return std::nullopt;
  }

 private:
  std::map<int64_t, const Document*> by_id_;
  std::multimap<std::string, const Document*> by_file_;
  std::map<std::string, size_t> group_of_file_;
  std::vector<std::string> group_first_;  // per copy group, its first file
};

std::string Value(const Claim& c) {
  if (c.kind == ClaimKind::kDate) return c.date;
  auto bound = [](const std::optional<double>& v) { return v ? FormatNumber(*v) : "*"; };
  return FormatNumber(c.value) + std::string(QualifierName(c.qualifier)) + bound(c.low) + bound(c.high);
}

std::string Evidence(const Claim& c) {
  return c.file + "\x1e" + c.quote + "\x1e" +
         (c.kind == ClaimKind::kDate ? c.date : FormatNumber(c.value));
}

bool ClaimBefore(const Claim& x, const Claim& y) {
  return std::tie(x.file, x.span_begin, x.quote, x.value, x.date) <
         std::tie(y.file, y.span_begin, y.quote, y.value, y.date);
}

// A verdict for one pair, with what decides between verdicts of several rules.
struct Candidate {
  Conflict conflict;
  bool timeline = false;  // from cumulative_decrease: knows which report came later
  int specificity = 0;
};

bool Better(const Candidate& x, const Candidate& y) {
  if (x.timeline != y.timeline) return x.timeline;
  if (x.conflict.severity != y.conflict.severity) return x.conflict.severity < y.conflict.severity;
  if (x.specificity != y.specificity) return x.specificity > y.specificity;
  return x.conflict.rule_id < y.conflict.rule_id;
}

Severity Softer(Severity rule_severity, Severity s) { return std::max(rule_severity, s); }

class Checker {
 public:
  Checker(const std::vector<CheckRule>& rules, const std::vector<Claim>& claims, const Sources& sources)
      : rules_(rules), claims_(claims), sources_(sources) {}

  void CheckGroup(ClaimKind kind, const std::string& metric, const std::string& subject,
                  const std::vector<size_t>& members) {
    std::vector<CheckKind> kinds = kind == ClaimKind::kDate
                                       ? std::vector<CheckKind>{CheckKind::kDateAgreement}
                                       : std::vector<CheckKind>{CheckKind::kCountAgreement,
                                                                CheckKind::kCumulativeDecrease};
    std::vector<const CheckRule*> rules;
    for (CheckKind k : kinds) {
      auto selected = MostSpecific(k, metric, subject);
      rules.insert(rules.end(), selected.begin(), selected.end());
    }
    if (rules.empty()) return;
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) {
        const Claim& x = claims_[members[i]];
        const Claim& y = claims_[members[j]];
        if (sources_.SameSource(x, y)) continue;
        for (const CheckRule* rule : rules) {
          if (!Confident(*rule, x, y)) continue;
          std::optional<Candidate> c;
          switch (rule->kind) {
            case CheckKind::kCountAgreement: c = CountAgreement(*rule, x, y); break;
            case CheckKind::kCumulativeDecrease: c = Cumulative(*rule, x, y); break;
            case CheckKind::kDateAgreement: c = DateAgreement(*rule, x, y); break;
            default: break;
          }
          if (c) Offer(members[i], members[j], std::move(*c));
        }
      }
    }
  }

  void CheckBound(const CheckRule& rule, const std::vector<size_t>& lower,
                  const std::vector<size_t>& upper) {
    for (size_t li : lower) {
      for (size_t ui : upper) {
        const Claim& lo = claims_[li];
        const Claim& up = claims_[ui];
        if (sources_.SameSource(lo, up) || !Confident(rule, lo, up) || !SameUnit(lo, up)) continue;
        auto tl = sources_.TimeOf(lo), tu = sources_.TimeOf(up);
        if (tl && tu && CompareAtCoarserGranularity(*tu, *tl) < 0) continue;  // older upper count
        if (WidenedInterval(lo, rule).low <= WidenedInterval(up, rule).high) continue;
        ClaimRef rl = sources_.Ref(lo), ru = sources_.Ref(up);
        Explanation e = ExplainBound(rule.id, rl, ru);
        Offer(li, ui, Make(rule, rule.severity, lo.subject, lo, up, e, 1));
      }
    }
  }

  // The rows, one per source pair and pair of stated values: the same figure said twice
  // in one article, or by two copies of it, is reported once (the row whose files sort first).
  std::vector<Conflict> Take() {
    std::map<std::string, Conflict> unique;
    for (auto& [pair, c] : best_) {
      const Conflict& k = c.conflict;
      std::string sa = sources_.CanonicalFile(k.a.claim) + "\x1e" + Value(k.a.claim);
      std::string sb = sources_.CanonicalFile(k.b.claim) + "\x1e" + Value(k.b.claim);
      if (sb < sa) std::swap(sa, sb);
      std::string key = k.rule_id + "\x1f" + k.metric + "\x1f" + k.subject + "\x1f" + sa + "\x1f" + sb;
      auto it = unique.find(key);
      if (it == unique.end() || std::tie(k.a.claim.file, k.b.claim.file, k.id) <
                                    std::tie(it->second.a.claim.file, it->second.b.claim.file, it->second.id)) {
        unique[key] = std::move(c.conflict);
      }
    }
    std::vector<Conflict> out;
    for (auto& [key, k] : unique) out.push_back(std::move(k));
    return out;
  }

 private:
  std::vector<const CheckRule*> MostSpecific(CheckKind kind, const std::string& metric,
                                             const std::string& subject) const {
    std::vector<const CheckRule*> out;
    int best = -1;
    for (const auto& r : rules_) {
      if (r.kind != kind || !r.AppliesToMetric(metric) || !r.AppliesToSubject(subject)) continue;
      if (r.Specificity() > best) out.clear(), best = r.Specificity();
      if (r.Specificity() == best) out.push_back(&r);
    }
    return out;
  }

  static bool Confident(const CheckRule& r, const Claim& x, const Claim& y) {
    return x.confidence >= r.min_confidence && y.confidence >= r.min_confidence;
  }

  static bool SameUnit(const Claim& x, const Claim& y) {
    return x.unit.empty() || y.unit.empty() || x.unit == y.unit;
  }

  // Builds the row with a = the claim whose file sorts first and a stable id.
  Candidate Make(const CheckRule& rule, Severity severity, const std::string& subject,
                 const Claim& x, const Claim& y, const Explanation& e, int specificity) const {
    Candidate c;
    c.specificity = specificity;
    c.timeline = rule.kind == CheckKind::kCumulativeDecrease;
    Conflict& k = c.conflict;
    k.rule_id = rule.id;
    k.severity = severity;
    k.metric = rule.kind == CheckKind::kBound ? rule.lower_metric : x.metric;
    k.subject = subject;
    bool swap = ClaimBefore(sources_.Ref(y).claim, sources_.Ref(x).claim);
    k.a = sources_.Ref(swap ? y : x);
    k.b = sources_.Ref(swap ? x : y);
    k.explanation = e.en;
    k.explanation_vi = e.vi;
    std::string ea = Evidence(k.a.claim), eb = Evidence(k.b.claim);
    if (eb < ea) std::swap(ea, eb);
    k.id = Hex64(Fnv1a64(rule.id + "\x1f" + k.metric + "\x1f" + k.subject + "\x1f" + ea + "\x1f" + eb));
    return c;
  }

  // The explanation names claim a first, so it is built after ordering.
  std::optional<Candidate> CountAgreement(const CheckRule& rule, const Claim& x, const Claim& y) const {
    if (!SameUnit(x, y)) return std::nullopt;
    Interval wx = WidenedInterval(x, rule), wy = WidenedInterval(y, rule);
    Severity s;
    if (!Overlaps(wx, wy)) {
      s = rule.severity;
    } else if (StatedValuesDiffer(x, y)) {
      s = Softer(rule.severity, Severity::kDivergence);
    } else {
      return std::nullopt;
    }
    Candidate c = Make(rule, s, x.subject, x, y, {}, rule.Specificity());
    bool swapped = ClaimBefore(sources_.Ref(y).claim, sources_.Ref(x).claim);  // as in Make()
    Explanation e = ExplainCountAgreement(rule.id, s, c.conflict.a, c.conflict.b, swapped ? wy : wx,
                                          swapped ? wx : wy);
    c.conflict.explanation = e.en;
    c.conflict.explanation_vi = e.vi;
    return c;
  }

  std::optional<Candidate> Cumulative(const CheckRule& rule, const Claim& x, const Claim& y) const {
    if (!SameUnit(x, y)) return std::nullopt;
    auto tx = sources_.TimeOf(x), ty = sources_.TimeOf(y);
    if (!tx || !ty) return std::nullopt;
    int order = CompareAtCoarserGranularity(*tx, *ty);
    if (order == 0) return std::nullopt;
    const Claim& earlier = order < 0 ? x : y;
    const Claim& later = order < 0 ? y : x;
    Interval we = WidenedInterval(earlier, rule), wl = WidenedInterval(later, rule);
    bool decrease = wl.high < we.low;
    bool rise = !decrease && later.value > earlier.value && StatedValuesDiffer(x, y);
    if (!decrease && !rise) return std::nullopt;  // no opinion: count_agreement decides
    Severity s = decrease ? rule.severity : Severity::kInfo;
    Explanation e = ExplainCumulative(rule.id, sources_.Ref(earlier), sources_.Ref(later), decrease);
    return Make(rule, s, x.subject, x, y, e, rule.Specificity());
  }

  std::optional<Candidate> DateAgreement(const CheckRule& rule, const Claim& x, const Claim& y) const {
    auto dx = ParseDatePoint(x.date), dy = ParseDatePoint(y.date);
    if (!dx || !dy || CompareAtCoarserGranularity(*dx, *dy) == 0) return std::nullopt;
    DateGranularity g = CoarserGranularity(*dx, *dy);
    Candidate c = Make(rule, rule.severity, x.subject, x, y, {}, rule.Specificity());
    Explanation e = ExplainDateAgreement(rule.id, c.conflict.a, c.conflict.b, DateGranularityName(g),
                                         DateGranularityNameVi(g));
    c.conflict.explanation = e.en;
    c.conflict.explanation_vi = e.vi;
    return c;
  }

  void Offer(size_t i, size_t j, Candidate c) {
    auto key = std::minmax(i, j);
    auto it = best_.find(key);
    if (it == best_.end()) {
      best_.emplace(key, std::move(c));
    } else if (Better(c, it->second)) {
      it->second = std::move(c);
    }
  }

  const std::vector<CheckRule>& rules_;
  const std::vector<Claim>& claims_;
  const Sources& sources_;
  std::map<std::pair<size_t, size_t>, Candidate> best_;
};

CopyOptions CopyOptionsFrom(const std::vector<CheckRule>& rules) {
  CopyOptions options;
  for (const auto& r : rules) {
    if (r.kind != CheckKind::kCopies) continue;
    options.min_similarity = r.min_similarity;
    options.shingle_words = r.shingle_words;
  }
  return options;
}

}  // namespace

CheckResult CheckClaims(const std::vector<CheckRule>& rules, const std::vector<Document>& documents,
                        const std::vector<Claim>& claims) {
  CheckResult result;
  result.copy_groups = FindCopyGroups(documents, CopyOptionsFrom(rules));
  Sources sources(documents, result.copy_groups);
  Checker checker(rules, claims, sources);

  // Group by (kind, metric, subject); claims without a metric or subject compare with nothing.
  std::map<std::tuple<ClaimKind, std::string, std::string>, std::vector<size_t>> groups;
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.metric.empty() || c.subject.empty()) continue;
    groups[{c.kind, c.metric, c.subject}].push_back(i);
  }
  for (const auto& [key, members] : groups) {
    checker.CheckGroup(std::get<0>(key), std::get<1>(key), std::get<2>(key), members);
  }
  for (const auto& rule : rules) {
    if (rule.kind != CheckKind::kBound) continue;
    for (const auto& [key, lower] : groups) {
      const auto& [kind, metric, subject] = key;
      if (kind != ClaimKind::kCount || metric != rule.lower_metric || !rule.AppliesToSubject(subject)) {
        continue;
      }
      auto upper = groups.find({ClaimKind::kCount, rule.upper_metric, subject});
      if (upper != groups.end()) checker.CheckBound(rule, lower, upper->second);
    }
  }

  result.conflicts = checker.Take();
  std::sort(result.conflicts.begin(), result.conflicts.end(), [](const Conflict& x, const Conflict& y) {
    return std::tie(x.severity, x.metric, x.subject, x.id) < std::tie(y.severity, y.metric, y.subject, y.id);
  });
  return result;
}

}  // namespace claimcheck
