// claimcheck review: the editors' desk on the command line.
//   review --list [filters]        the active conflicts that pass the filters
//   review ID                      one conflict (active or resolved) and its review log
//   review ID --status S [--note]  record a decision (logged with who, when, from what)
#include <algorithm>
#include <iostream>
#include <set>

#include "cli/command_util.h"
#include "cli/commands.h"
#include "report/report_model.h"
#include "server/conflict_filter.h"

namespace claimcheck {
namespace {

std::string Pad(const std::string& s, size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string ValueText(const Claim& c) {
  std::string out = DisplayValue(c);
  if (c.kind == ClaimKind::kCount && !c.unit.empty() && c.unit != "percent") out += " " + c.unit;
  if (c.qualifier != Qualifier::kExact) out += " (" + std::string(QualifierName(c.qualifier)) + ")";
  return out;
}

// The sentence with the quote in [[ ]] (the terminal's highlight).
std::string Marked(const Claim& c) {
  const std::string& s = c.sentence.empty() ? c.quote : c.sentence;
  size_t at = c.quote.empty() ? std::string::npos : s.find(c.quote);
  if (at == std::string::npos) return s;
  return s.substr(0, at) + "[[" + c.quote + "]]" + s.substr(at + c.quote.size());
}

Result<std::set<std::string>> LatestNewIds(Store& store) {
  Result<std::vector<std::pair<std::string, std::string>>> changes = store.LoadRunChanges(0);
  if (!changes.ok()) return changes.status();
  std::set<std::string> ids;
  for (const auto& [id, change] : *changes) {
    if (change == "new") ids.insert(id);
  }
  return ids;
}

int ListConflicts(const Config& c, Store& store) {
  ConflictFilter filter{c.status, c.severity, c.metric, c.subject, c.outlet, c.only_new};
  if (!filter.status.empty() && filter.status != "open" && filter.status != "confirmed" &&
      filter.status != "dismissed" && filter.status != "needs_info") {
    std::cerr << "claimcheck review: --status must be open, confirmed, dismissed or needs_info\n";
    return kExitUsage;
  }
  if (!filter.severity.empty() && !ParseSeverity(filter.severity)) {
    std::cerr << "claimcheck review: --severity must be conflict, divergence or info\n";
    return kExitUsage;
  }
  Result<std::vector<Conflict>> all = store.LoadConflicts(/*active_only=*/true);
  if (!all.ok()) return Fail(all.status());
  Result<std::set<std::string>> new_ids = LatestNewIds(store);
  if (!new_ids.ok()) return Fail(new_ids.status());
  SortConflictsForReport(&all.value());
  std::vector<Conflict> rows = FilterConflicts(*all, filter, *new_ids);
  for (const Conflict& k : rows) {
    std::cout << k.id << "  " << Pad(k.status, 10) << " " << Pad(std::string(SeverityName(k.severity)), 10) << " "
              << (new_ids->count(k.id) ? "new " : "    ") << k.metric << "/" << k.subject << ": "
              << ValueText(k.a.claim) << " (" << (k.a.outlet.empty() ? k.a.claim.file : k.a.outlet) << ") vs "
              << ValueText(k.b.claim) << " (" << (k.b.outlet.empty() ? k.b.claim.file : k.b.outlet) << ")\n";
  }
  if (!c.quiet) {
    std::cerr << rows.size() << " of " << all->size() << " active conflicts"
              << (filter.empty() ? "" : " (" + filter.ToString() + ")") << "\n";
  }
  return kExitOk;
}

void PrintSide(const char* label, const ClaimRef& r) {
  std::cout << label << ": " << (r.outlet.empty() ? "(no outlet)" : r.outlet) << ", "
            << (r.published.empty() ? "(no date)" : r.published) << ", " << r.claim.file;
  if (!r.url.empty()) std::cout << ", " << r.url;
  std::cout << "\n   value: " << ValueText(r.claim);
  if (!r.claim.as_of.empty()) std::cout << ", as of " << r.claim.as_of;
  if (!r.claim.attributed_to.empty()) std::cout << ", according to " << r.claim.attributed_to;
  std::cout << "\n   \"" << Marked(r.claim) << "\"\n";
}

int ShowConflict(const Config& c, Store& store) {
  Result<std::vector<Store::ReviewRecord>> reviews = store.LoadReviews(c.args[0]);
  if (!reviews.ok()) {
    std::cerr << "claimcheck review: " << reviews.status().message() << "\n";
    return reviews.status().code() == Status::Code::kDatabase ? kExitError : kExitUsage;
  }
  Result<std::vector<Conflict>> all = store.LoadConflicts(/*active_only=*/false);
  if (!all.ok()) return Fail(all.status());
  Result<std::vector<Conflict>> active = store.LoadConflicts(/*active_only=*/true);
  if (!active.ok()) return Fail(active.status());
  Result<std::set<std::string>> new_ids = LatestNewIds(store);
  if (!new_ids.ok()) return Fail(new_ids.status());
  const std::string& wanted = c.args[0];
  auto it = std::find_if(all->begin(), all->end(), [&](const Conflict& k) { return k.id.rfind(wanted, 0) == 0; });
  if (it == all->end()) return Fail(Status::NotFound("no conflict with id '" + wanted + "'"));
  const Conflict& k = *it;
  const bool is_active =
      std::any_of(active->begin(), active->end(), [&](const Conflict& x) { return x.id == k.id; });
  std::cout << "conflict " << k.id << " (" << SeverityName(k.severity) << ", rule " << k.rule_id << ")"
            << (new_ids->count(k.id) ? " new in the latest run" : "")
            << (is_active ? "" : " resolved: no longer found") << "\n"
            << k.metric << " / " << k.subject << "\n"
            << "status: " << k.status << (k.note.empty() ? "" : " — " + k.note) << "\n";
  if (!k.likely_value.empty()) {
    std::cout << "likely value: " << k.likely_value << " (independent sources backing A: " << k.support_a
              << ", B: " << k.support_b << ")\n";
  }
  PrintSide("A", k.a);
  PrintSide("B", k.b);
  if (!k.explanation.empty()) std::cout << "why: " << k.explanation << "\n";
  if (!k.explanation_vi.empty()) std::cout << "vì sao: " << k.explanation_vi << "\n";
  std::cout << "review log:" << (reviews->empty() ? " no decision yet" : "") << "\n";
  for (const Store::ReviewRecord& r : *reviews) {
    std::cout << "  " << r.created_at << "  " << r.reviewer << "  " << r.previous_status << " -> " << r.status
              << (r.note.empty() ? "" : "  \"" + r.note + "\"") << "\n";
  }
  return kExitOk;
}

}  // namespace

int ReviewCommand(const Config& c) {
  const bool record = !c.list && !c.status.empty();
  if ((c.list && !c.args.empty()) || (!c.list && c.args.size() != 1)) {
    std::cerr << "claimcheck review: usage:\n"
                 "  claimcheck review --list [--status S] [--severity S] [--metric M] [--subject S] [--outlet O] [--new]\n"
                 "  claimcheck review CONFLICT_ID\n"
                 "  claimcheck review CONFLICT_ID --status open|confirmed|dismissed|needs_info [--note TEXT] [--by NAME]\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  if (c.list) return ListConflicts(c, **store);
  if (!record) return ShowConflict(c, **store);
  Status st = (*store)->AddReview(c.args[0], c.status, c.note, c.reviewer, c.now);
  if (!st.ok()) {
    std::cerr << "claimcheck review: " << st.message() << "\n";
    return st.code() == Status::Code::kDatabase ? kExitError : kExitUsage;
  }
  if (!c.quiet) {
    Result<std::vector<Store::ReviewRecord>> reviews = (*store)->LoadReviews(c.args[0]);
    if (reviews.ok() && !reviews->empty()) {
      const Store::ReviewRecord& r = reviews->back();
      std::cout << "conflict " << r.conflict_id << ": " << r.previous_status << " -> " << r.status << " (by "
                << r.reviewer << ", " << r.created_at << ")\n";
    }
  }
  return kExitOk;
}

}  // namespace claimcheck
