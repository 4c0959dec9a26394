// claimcheck export claims|conflicts: CSV (RFC 4180), JSON or JSON Lines.
#include <iostream>

#include "cli/command_util.h"
#include "cli/commands.h"
#include "report/csv.h"
#include "report/json.h"
#include "report/report_model.h"

namespace claimcheck {

int ExportCommand(const Config& c) {
  if (c.args.size() != 1 || (c.args[0] != "claims" && c.args[0] != "conflicts")) {
    std::cerr << "claimcheck export: say what to export: claims or conflicts\n";
    return kExitUsage;
  }
  if (c.format != "csv" && c.format != "json" && c.format != "jsonl") {
    std::cerr << "claimcheck export: --format must be csv, json or jsonl\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  std::string text;
  if (c.args[0] == "claims") {
    Result<std::vector<Claim>> claims = (*store)->LoadClaims();
    if (!claims.ok()) return Fail(claims.status());
    text = c.format == "csv" ? ClaimsToCsv(*claims, c.excel)
           : c.format == "json" ? ClaimsToJson(*claims) : ClaimsToJsonLines(*claims);
  } else {
    Result<std::vector<Conflict>> conflicts = (*store)->LoadConflicts(/*active_only=*/true);
    if (!conflicts.ok()) return Fail(conflicts.status());
    SortConflictsForReport(&conflicts.value());
    text = c.format == "csv" ? ConflictsToCsv(*conflicts, c.excel)
           : c.format == "json" ? ConflictsToJson(*conflicts) : ConflictsToJsonLines(*conflicts);
  }
  Status written = WriteOutput(c, text);
  return written.ok() ? kExitOk : Fail(written);
}

}  // namespace claimcheck
