// Command-line parsing: argv -> Config, or a usage error naming the bad flag.
#pragma once

#include "base/status.h"
#include "cli/config.h"

namespace claimcheck {

// Parses `claimcheck COMMAND [ARGS...] [--flag VALUE]...`. Flags may come before
// or after positional arguments; `--flag=value` works too. Unknown flags and
// missing values are InvalidInput errors.
Result<Config> ParseFlags(int argc, const char* const* argv);

// The default rules directory: $CLAIMCHECK_RULES, else the rules/ folder of the
// source tree this binary was built from, else "rules".
std::string DefaultRulesDir();

}  // namespace claimcheck
