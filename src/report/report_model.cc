#include "report/report_model.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "base/strings.h"

namespace claimcheck {
namespace {

std::string FormatAmount(double v, bool percent) {
  return percent ? FormatNumber(v * 100) + "%" : FormatNumber(v);
}

void SplitSentence(const Claim& c, ReportSide* side) {
  size_t at = c.quote.empty() ? std::string::npos : c.sentence.find(c.quote);
  if (at == std::string::npos) {
    side->sentence_before = c.sentence;
    return;
  }
  side->has_mark = true;
  side->sentence_before = c.sentence.substr(0, at);
  side->sentence_mark = c.quote;
  side->sentence_after = c.sentence.substr(at + c.quote.size());
}

ReportSide MakeSide(const ClaimRef& ref) {
  const Claim& c = ref.claim;
  ReportSide side;
  side.file = c.file;
  side.outlet = ref.outlet;
  side.published = ref.published;
  side.url = ref.url;
  side.url_is_link = IsWebUrl(ref.url);
  side.value = DisplayValue(c);
  side.qualifier = std::string(QualifierName(c.qualifier));
  side.unit = c.kind == ClaimKind::kDate || c.unit == "percent" ? "" : c.unit;
  side.as_of = c.as_of;
  side.attributed_to = c.attributed_to;
  side.quote = c.quote;
  SplitSentence(c, &side);
  return side;
}

ReportItem MakeItem(const Conflict& k, bool is_new) {
  ReportItem item;
  item.id = k.id;
  item.rule_id = k.rule_id;
  item.severity = k.severity;
  item.metric = k.metric;
  item.subject = k.subject;
  item.explanation = k.explanation;
  item.explanation_vi = k.explanation_vi;
  item.status = k.status;
  item.note = k.note;
  item.is_new = is_new;
  item.a = MakeSide(k.a);
  item.b = MakeSide(k.b);
  item.likely_value = k.likely_value;
  item.support_a = k.support_a;
  item.support_b = k.support_b;
  item.trust_a = k.trust_a;
  item.trust_b = k.trust_b;
  item.series = k.series;
  return item;
}

// `run` without its resolved conflicts (the model's `resolved` items show them) and
// with at most `max_ids` of each list of ids (how many more in *new_omitted,
// *resolved_omitted): a first run over an archive finds hundreds of thousands.
RunSummary RunShown(const RunSummary& run, size_t max_ids, size_t* new_omitted, size_t* resolved_omitted) {
  RunSummary out;
  out.run_label = run.run_label;
  out.documents = run.documents;
  out.documents_new = run.documents_new;
  out.documents_changed = run.documents_changed;
  out.documents_unchanged = run.documents_unchanged;
  out.documents_failed = run.documents_failed;
  out.claims = run.claims;
  auto first = [max_ids](const std::vector<std::string>& ids, size_t* omitted) {
    const size_t kept = std::min(ids.size(), max_ids);
    *omitted = ids.size() - kept;
    return std::vector<std::string>(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(kept));
  };
  out.new_conflict_ids = first(run.new_conflict_ids, new_omitted);
  out.resolved_conflict_ids = first(run.resolved_conflict_ids, resolved_omitted);
  return out;
}

bool HasRunSummary(const RunSummary& r) {
  return !r.run_label.empty() || r.documents != 0 || r.documents_new != 0 ||
         r.documents_changed != 0 || r.documents_unchanged != 0 || r.documents_failed != 0 ||
         r.claims != 0 || !r.new_conflict_ids.empty() || !r.resolved_conflict_ids.empty() ||
         !r.resolved_conflicts.empty();
}

std::vector<ReportDocument> MakeDocuments(const ReportInput& input) {
  std::vector<ReportDocument> rows;
  for (const Document& d : input.documents) {
    auto it = input.claims_per_file.find(d.file);
    rows.push_back({d.file, d.outlet, d.published, d.language, d.url, IsWebUrl(d.url),
                    it == input.claims_per_file.end() ? 0 : it->second});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ReportDocument& x, const ReportDocument& y) { return x.file < y.file; });
  return rows;
}

std::string SideToString(const ReportSide& s) {
  std::string out = s.file + ":" + s.value;
  if (s.has_mark) out += " mark=\"" + s.sentence_mark + "\"";
  return out;
}

}  // namespace

std::map<std::string, int> CountClaimsPerFile(const std::vector<Claim>& claims) {
  std::map<std::string, int> counts;
  for (const Claim& c : claims) ++counts[c.file];
  return counts;
}

bool IsWebUrl(std::string_view url) {
  auto starts_ci = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char ch = url[i];
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if (ch != prefix[i]) return false;
    }
    return true;
  };
  return starts_ci("http://") || starts_ci("https://");
}

std::string DisplayValue(const Claim& c) {
  if (c.kind == ClaimKind::kDate) return c.date;
  const bool percent = c.unit == "percent";
  const bool interval = c.qualifier == Qualifier::kRange || c.qualifier == Qualifier::kVague;
  if (interval && c.low && c.high && *c.low != *c.high) {
    return FormatAmount(*c.low, percent) + "\u2013" + FormatAmount(*c.high, percent);
  }
  return FormatAmount(c.value, percent);
}

void SortConflictsForReport(std::vector<Conflict>* conflicts) {
  std::stable_sort(conflicts->begin(), conflicts->end(), [](const Conflict& x, const Conflict& y) {
    return std::tie(x.severity, x.metric, x.subject, x.id) <
           std::tie(y.severity, y.metric, y.subject, y.id);
  });
}

ConflictSelection::ConflictSelection(size_t max_items, const std::vector<std::string>& new_ids)
    : max_items_(max_items) {
  for (const std::string& id : new_ids) new_ids_.Add(id);
  new_ids_.Seal();
}

ConflictSelection::ConflictSelection(size_t max_items, const ReportCounts& counts, std::vector<Conflict> picked)
    : max_items_(max_items), kept_(std::move(picked)), counts_(counts) {
  counts_.documents = counts_.claims = 0;
  seen_ = static_cast<size_t>(counts.conflicts) + static_cast<size_t>(counts.divergences) +
          static_cast<size_t>(counts.info);
}

bool ConflictSelection::KeyBefore(bool x_new, Severity severity, std::string_view metric, std::string_view subject,
                                  std::string_view id, bool y_new, const Conflict& y) {
  if (x_new != y_new) return x_new;
  const std::string_view y_metric = y.metric, y_subject = y.subject, y_id = y.id;
  return std::tie(severity, metric, subject, id) < std::tie(y.severity, y_metric, y_subject, y_id);
}

bool ConflictSelection::Before(const Conflict& x, const Conflict& y) const {
  return KeyBefore(IsNew(x.id), x.severity, x.metric, x.subject, x.id, IsNew(y.id), y);
}

void ConflictSelection::Count(Severity severity) {
  ++seen_;
  switch (severity) {
    case Severity::kConflict: ++counts_.conflicts; break;
    case Severity::kDivergence: ++counts_.divergences; break;
    case Severity::kInfo: ++counts_.info; break;
  }
}

void ConflictSelection::Add(const Conflict& k) {
  Count(k.severity);
  auto later = [this](const Conflict& x, const Conflict& y) { return Before(x, y); };
  if (kept_.size() < max_items_) {
    kept_.push_back(k);
    std::push_heap(kept_.begin(), kept_.end(), later);
    top_is_new_.reset();
  } else if (!kept_.empty() && Before(k, kept_.front())) {
    std::pop_heap(kept_.begin(), kept_.end(), later);
    kept_.back() = k;
    std::push_heap(kept_.begin(), kept_.end(), later);
    top_is_new_.reset();
  }
}

void ConflictSelection::AddKey(Severity severity, std::string_view metric, std::string_view subject,
                               std::string_view id, const std::function<Conflict()>& make) {
  bool keep = kept_.size() < max_items_;
  if (!keep && !kept_.empty()) {
    // Before(the conflict, the top), without building the conflict.
    const Conflict& top = kept_.front();
    if (!top_is_new_) top_is_new_ = IsNew(top.id);
    keep = KeyBefore(new_ids_.Contains(id), severity, metric, subject, id, *top_is_new_, top);
  }
  if (keep) {
    Add(make());
  } else {
    Count(severity);
  }
}

void ConflictSelection::Replace(std::vector<Conflict> full) {
  std::unordered_map<std::string, Conflict*> by_id;
  for (Conflict& k : full) by_id.emplace(k.id, &k);
  for (Conflict& kept : kept_) {
    auto it = by_id.find(kept.id);
    if (it != by_id.end() && it->second->severity == kept.severity && it->second->metric == kept.metric &&
        it->second->subject == kept.subject) {
      kept = std::move(*it->second);
    }
  }
}

std::vector<std::string> ConflictSelection::KeptIds() const {
  std::vector<std::string> ids;
  ids.reserve(kept_.size());
  for (const Conflict& k : kept_) ids.push_back(k.id);
  return ids;
}

std::vector<Conflict> ConflictSelection::TakeInReportOrder() {
  std::vector<Conflict> out = std::move(kept_);
  kept_.clear();
  SortConflictsForReport(&out);
  return out;
}

ReportModel BuildReportModel(const ReportInput& input) {
  ConflictSelection selection(input.max_items, input.run.new_conflict_ids);
  for (const Conflict& k : input.conflicts) selection.Add(k);
  return BuildReportModel(input, std::move(selection));
}

ReportModel BuildReportModel(const ReportInput& input, ConflictSelection selection) {
  ReportModel model;
  model.run = RunShown(input.run, input.max_items, &model.new_ids_omitted, &model.resolved_ids_omitted);
  model.has_run_summary = HasRunSummary(input.run);
  // Cards for at most max_items conflicts: the new ones first, then in report order.
  model.counts.conflicts = selection.counts().conflicts;
  model.counts.divergences = selection.counts().divergences;
  model.counts.info = selection.counts().info;
  const size_t seen = selection.seen();
  const std::vector<Conflict> shown = selection.TakeInReportOrder();
  model.items_omitted = seen - shown.size();
  for (const Conflict& k : shown) model.items.push_back(MakeItem(k, selection.IsNew(k.id)));
  // The resolved ones shown: at most max_items in report order, picked without
  // copying them all (a run can resolve tens of thousands).
  ConflictSelection resolved_shown(input.max_items, {});
  for (const Conflict& k : input.run.resolved_conflicts) resolved_shown.Add(k);
  const std::vector<Conflict> resolved = resolved_shown.TakeInReportOrder();
  model.resolved_omitted =
      std::max(input.run.resolved_conflicts.size(), input.run.resolved_conflicts_total) - resolved.size();
  for (const Conflict& k : resolved) model.resolved.push_back(MakeItem(k, false));
  model.documents = MakeDocuments(input);
  const size_t documents = input.documents_total >= 0 ? static_cast<size_t>(input.documents_total)
                                                      : input.documents.size();
  if (model.documents.size() > input.max_documents) model.documents.resize(input.max_documents);
  model.documents_omitted = documents - std::min(documents, model.documents.size());
  model.counts.documents = static_cast<int>(documents);
  if (input.claims_total >= 0) {
    model.counts.claims = static_cast<int>(input.claims_total);
  } else {
    for (const auto& [file, n] : input.claims_per_file) model.counts.claims += n;
  }
  return model;
}

std::string ReportModel::ToString() const {
  std::string out = "counts documents=" + std::to_string(counts.documents) +
                    " claims=" + std::to_string(counts.claims) +
                    " conflicts=" + std::to_string(counts.conflicts) +
                    " divergences=" + std::to_string(counts.divergences) +
                    " info=" + std::to_string(counts.info) + "\n";
  if (items_omitted + resolved_omitted + documents_omitted > 0) {
    out += "omitted items=" + std::to_string(items_omitted) + " resolved=" + std::to_string(resolved_omitted) +
           " documents=" + std::to_string(documents_omitted) + "\n";
  }
  if (has_run_summary) {
    out += "run \"" + run.run_label + "\" documents=" + std::to_string(run.documents) +
           " new=" + std::to_string(run.documents_new) +
           " changed=" + std::to_string(run.documents_changed) +
           " unchanged=" + std::to_string(run.documents_unchanged) +
           " failed=" + std::to_string(run.documents_failed) +
           " claims=" + std::to_string(run.claims) +
           " new_conflicts=" + Join(run.new_conflict_ids, ",") +
           (new_ids_omitted > 0 ? " (+" + std::to_string(new_ids_omitted) + ")" : std::string()) +
           " resolved=" + Join(run.resolved_conflict_ids, ",") +
           (resolved_ids_omitted > 0 ? " (+" + std::to_string(resolved_ids_omitted) + ")" : std::string()) + "\n";
  }
  for (const ReportItem& i : items) {
    out += "item " + std::string(SeverityName(i.severity)) + " " + i.metric + "/" + i.subject +
           " rule=" + i.rule_id + " id=" + i.id + (i.is_new ? " new" : "") + " " +
           SideToString(i.a) + " vs " + SideToString(i.b) + " status=" + i.status + "\n";
  }
  for (const ReportItem& i : resolved) {
    out += "resolved " + std::string(SeverityName(i.severity)) + " " + i.metric + "/" + i.subject +
           " id=" + i.id + " " + SideToString(i.a) + " vs " + SideToString(i.b) + " status=" + i.status + "\n";
  }
  for (const ReportDocument& d : documents) {
    out += "document " + d.file + " outlet=" + d.outlet + " published=" + d.published +
           " lang=" + d.language + " claims=" + std::to_string(d.claims) + "\n";
  }
  return out;
}

}  // namespace claimcheck
