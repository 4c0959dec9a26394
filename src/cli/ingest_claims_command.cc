// ingest-claims: loads `extract --jsonl` output (claim-stream files, "-" for
// stdin) into the database, so that check and report run as usual.
#include <iostream>

#include "cli/command_util.h"
#include "cli/commands.h"
#include "pipeline/stream_filter.h"

namespace claimcheck {

int IngestClaimsCommand(const Config& c) {
  if (c.args.empty()) {
    std::cerr << "claimcheck ingest-claims: give at least one file written by `claimcheck extract --jsonl`\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStoreForRun(c);
  if (!store.ok()) return Fail(store.status());
  DiagnosticSink sink;
  Result<IngestStats> stats = IngestClaimStream(c.args, /*run_id=*/0, store->get(), &sink);
  PrintDiagnostics(sink);
  if (!stats.ok()) return Fail(stats.status());
  if (!c.quiet) {
    std::cout << "documents: " << stats->documents_new << " new, " << stats->documents_changed << " changed, "
              << stats->documents_unchanged << " unchanged; claims loaded: " << stats->claims << "\n";
  }
  return stats->documents_failed > 0 ? kExitInputsFailed : kExitOk;
}

}  // namespace claimcheck
