// The command table: each claimcheck command is a row {name, usage, help, function}
// (like ninja's tools). main() looks the command up and calls it; the function
// returns the process exit status (see ExitStatus).
#pragma once

#include <string>
#include <vector>

#include "cli/config.h"

namespace claimcheck {

// Exit statuses, documented in README.md and in `claimcheck --help`.
enum ExitStatus : int {
  kExitOk = 0,             // success; no new conflicts
  kExitError = 1,          // the run could not complete (bad rules, database error, ...)
  kExitUsage = 2,          // bad command line
  kExitNewConflicts = 3,   // success, and new conflicts were found
  kExitInputsFailed = 4,   // some inputs could not be read; the others were processed
};

struct Command {
  const char* name;
  const char* usage;
  const char* help;
  int (*run)(const Config&);
};

const std::vector<Command>& Commands();

// The command functions (one file each, or one per group).
int RunCommand(const Config& c);
int IngestCommand(const Config& c);
int CheckCommand(const Config& c);
int ReportCommand(const Config& c);
int ExportCommand(const Config& c);
int ReviewCommand(const Config& c);
int RulesCommand(const Config& c);
int HistoryCommand(const Config& c);
int ServeCommand(const Config& c);
int ExtractCommand(const Config& c);
int IngestClaimsCommand(const Config& c);
// The text of `claimcheck --help`.
std::string GeneralHelp();

}  // namespace claimcheck
