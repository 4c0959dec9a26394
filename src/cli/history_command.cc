// claimcheck history: past runs.
#include <iostream>

#include "cli/command_util.h"
#include "cli/commands.h"

namespace claimcheck {

int HistoryCommand(const Config& c) {
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Result<std::vector<Store::RunRecord>> runs = (*store)->LoadRuns();
  if (!runs.ok()) return Fail(runs.status());
  std::cout << "run\tstarted\tdocs new/changed/unchanged/failed\tclaims\tconflicts new/open/resolved\texit\tinputs\n";
  for (const Store::RunRecord& r : *runs) {
    std::cout << r.id << "\t" << r.started_at << "\t" << r.docs_new << "/" << r.docs_changed << "/"
              << r.docs_unchanged << "/" << r.docs_failed << "\t" << r.claims_total << "\t" << r.conflicts_new
              << "/" << r.conflicts_open << "/" << r.conflicts_resolved << "\t" << r.exit_status << "\t"
              << r.inputs << "\n";
  }
  return kExitOk;
}

}  // namespace claimcheck
