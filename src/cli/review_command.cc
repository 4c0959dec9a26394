// claimcheck review: an editor's decision on a conflict.
#include <iostream>

#include "cli/command_util.h"
#include "cli/commands.h"

namespace claimcheck {

int ReviewCommand(const Config& c) {
  if (c.args.size() != 1 || c.status.empty()) {
    std::cerr << "claimcheck review: usage: claimcheck review CONFLICT_ID --status open|confirmed|dismissed|needs_info"
                 " [--note TEXT] [--by NAME] --db DB\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Status st = (*store)->AddReview(c.args[0], c.status, c.note, c.reviewer, c.now);
  if (!st.ok()) {
    std::cerr << "claimcheck review: " << st.message() << "\n";
    return st.code() == Status::Code::kDatabase ? kExitError : kExitUsage;
  }
  if (!c.quiet) std::cout << "conflict " << c.args[0] << ": " << c.status << " (by " << c.reviewer << ")\n";
  return kExitOk;
}

}  // namespace claimcheck
