// claimcheck rules lint: validates the rule files.
#include <iostream>

#include "cli/command_util.h"
#include "cli/commands.h"

namespace claimcheck {

int RulesCommand(const Config& c) {
  if (c.args.size() != 1 || c.args[0] != "lint") {
    std::cerr << "claimcheck rules: the only subcommand is lint\n";
    return kExitUsage;
  }
  Result<Knowledge> knowledge = LoadRules(c);
  if (!knowledge.ok()) return Fail(knowledge.status());
  if (!c.quiet) {
    const Lexicon& lex = knowledge->extractor->lexicon().lexicon;
    std::cout << c.rules_dir << ": ok (" << lex.metrics.size() << " metric entries, " << lex.events.size()
              << " events, " << lex.subjects.size() << " subjects, " << knowledge->checks.size() << " check rules)\n";
  }
  return kExitOk;
}

}  // namespace claimcheck
