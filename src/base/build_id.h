// The identity of the running program's build, for caches whose contents depend
// on the code that made them (the check's key: src/engine/check_key.h).
#pragma once

#include <string>

namespace claimcheck {

// The running executable's GNU build id (the linker's hash of its contents) as
// hex digits, e.g. "f09d9a61...". When the executable carries none: its size and
// modification time ("exe:<bytes>:<ns>"), which also change with every build.
// Empty only when neither can be read. Computed once per process.
const std::string& BuildId();

}  // namespace claimcheck
