// extract --jsonl: the extract stage as a stateless stream filter (documents as
// JSON Lines on stdin, one claim-stream line per document on stdout), for the
// map step of a distributed job. Diagnostics go to stderr.
#include <iostream>

#include "cli/command_util.h"
#include "cli/commands.h"
#include "pipeline/stream_filter.h"

namespace claimcheck {

int ExtractCommand(const Config& c) {
  if (!c.jsonl || !c.args.empty()) {
    std::cerr << "claimcheck extract: use `claimcheck extract --jsonl < documents.jsonl > claims.jsonl`\n";
    return kExitUsage;
  }
  Result<Knowledge> knowledge = LoadRules(c);
  if (!knowledge.ok()) return Fail(knowledge.status());
  std::ios::sync_with_stdio(false);
  DiagnosticSink sink;
  FilterStats stats = ExtractFilter(std::cin, std::cout, "stdin", *knowledge, &sink);
  PrintDiagnostics(sink);
  if (!std::cout) return Fail(Status::IoError("cannot write to standard output"));
  if (!c.quiet) {
    std::cerr << "extract: " << stats.documents << " document(s), " << stats.claims << " claim(s)";
    if (stats.failed > 0) std::cerr << ", " << stats.failed << " line(s) failed";
    std::cerr << "\n";
  }
  return stats.failed > 0 ? kExitInputsFailed : kExitOk;
}

}  // namespace claimcheck
