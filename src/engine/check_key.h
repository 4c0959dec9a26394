// What a check's result depends on besides the documents and claims it reads:
// the check rules and the engine's code. Runs store it with their conflicts and
// skip a check whose inputs are all unchanged (Store::KeepConflicts).
#pragma once

#include <string>
#include <vector>

#include "rulebook/check_rules.h"

namespace claimcheck {

// A digest of every field of every rule of `rules` (in order; where a rule was
// defined is left out) and of this build of claimcheck (BuildId()). Equal keys
// and equal stored documents and claims (Store::CheckInputsDigest) mean
// CheckClaims finds the same conflicts. Empty when the build cannot be
// identified: then nothing may be reused.
std::string CheckKey(const std::vector<CheckRule>& rules);

}  // namespace claimcheck
