// Helpers shared by the command implementations: diagnostics printing, store
// opening, output files and the dated report folder.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "base/status.h"
#include "cli/config.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace claimcheck {

// Prints each diagnostic on stderr, one per line (with the offending line and caret).
void PrintDiagnostics(const DiagnosticSink& sink);
// Prints "claimcheck: <status>" on stderr and returns kExitError.
int Fail(const Status& status);
// Opens (creating and migrating) the database named by --db.
Result<std::unique_ptr<Store>> OpenStore(const Config& c);
// The same, holding the database's run lock for the Store's lifetime (run,
// ingest, ingest-claims, check): a second one on the same --db fails with
// "database ... is in use by another claimcheck run (pid N)".
Result<std::unique_ptr<Store>> OpenStoreForRun(const Config& c);
// --out, else reports/YYYY-MM-DD (from the run's clock) in the database's folder.
std::string OutputDir(const Config& c);
// Points reports/latest at the newest dated folder (only for the default layout).
void UpdateLatestLink(const Config& c, const std::string& out_dir);
// Writes `text` to -o FILE, or to stdout when none (or "-").
Status WriteOutput(const Config& c, const std::string& text);
// Loads the rules named by --rules, printing every diagnostic.
Result<Knowledge> LoadRules(const Config& c);

}  // namespace claimcheck
