// claimcheck's entry point: argv -> Config -> command table -> exit status.
// No logic of its own.
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/flags.h"

int main(int argc, char** argv) {
  using namespace claimcheck;
  try {
    Result<Config> config = ParseFlags(argc, argv);
    if (!config.ok()) {
      std::cerr << "claimcheck: " << config.status().message() << "\n" << GeneralHelp();
      return kExitUsage;
    }
    if (config->command.empty() || config->command == "help") {
      std::cout << GeneralHelp();
      return config->help || config->command == "help" ? kExitOk : kExitUsage;
    }
    for (const Command& cmd : Commands()) {
      if (config->command != cmd.name) continue;
      if (config->help) {
        std::cout << "usage: " << cmd.usage << "\n" << cmd.help << "\n";
        return kExitOk;
      }
      return cmd.run(*config);
    }
    std::cerr << "claimcheck: unknown command '" << config->command << "'\n" << GeneralHelp();
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "claimcheck: internal error: " << e.what() << "\n";
    return kExitError;
  }
}
