// claimcheck history: past runs, oldest first, one aligned row each with the
// run's inputs on the line below.
#include <cstdio>
#include <ctime>
#include <iostream>

#include "cli/command_util.h"
#include "cli/commands.h"

namespace claimcheck {
namespace {

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SSZ", or -1.
long long ParseUtc(const std::string& s) {
  std::tm tm{};
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec) != 6) {
    return -1;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<long long>(timegm(&tm));
}

std::string Took(const Store::RunRecord& r) {
  if (r.finished_at.empty()) return "-";
  long long a = ParseUtc(r.started_at), b = ParseUtc(r.finished_at);
  if (a < 0 || b < a) return "?";
  long long s = b - a;
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, (s / 60) % 60);
  } else if (s >= 60) {
    std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%llds", s);
  }
  return buf;
}

std::string Outcome(const Store::RunRecord& r) {
  switch (r.exit_status) {
    case -1: return r.finished_at.empty() ? "running or interrupted" : "?";
    case kExitOk: return "ok, nothing new";
    case kExitError: return "error";
    case kExitNewConflicts: return "new conflicts";
    case kExitInputsFailed: return "some inputs failed";
    default: return "exit " + std::to_string(r.exit_status);
  }
}

}  // namespace

int HistoryCommand(const Config& c) {
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Result<std::vector<Store::RunRecord>> runs = (*store)->LoadRuns();
  if (!runs.ok()) return Fail(runs.status());
  if (runs->empty()) {
    if (!c.quiet) std::cerr << "no runs recorded in " << c.db_path << "\n";
    return kExitOk;
  }
  char line[256];
  std::snprintf(line, sizeof line, "%4s  %-20s  %7s  %-24s  %6s  %-20s  %s\n", "run", "started (UTC)", "took",
                "documents new/chg/same/x", "claims", "conflicts new/open/res", "outcome");
  std::cout << line;
  for (const Store::RunRecord& r : *runs) {
    const std::string docs = std::to_string(r.docs_new) + "/" + std::to_string(r.docs_changed) + "/" +
                             std::to_string(r.docs_unchanged) + "/" + std::to_string(r.docs_failed);
    const std::string conflicts = std::to_string(r.conflicts_new) + "/" + std::to_string(r.conflicts_open) + "/" +
                                  std::to_string(r.conflicts_resolved);
    std::snprintf(line, sizeof line, "%4lld  %-20s  %7s  %-24s  %6d  %-20s  %s\n", static_cast<long long>(r.id),
                  r.started_at.c_str(), Took(r).c_str(), docs.c_str(), r.claims_total, conflicts.c_str(),
                  Outcome(r).c_str());
    std::cout << line << "      inputs: " << r.inputs << "\n";
  }
  return kExitOk;
}

}  // namespace claimcheck
