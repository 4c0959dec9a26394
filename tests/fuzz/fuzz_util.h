// Helpers shared by the libFuzzer targets in tests/fuzz: where the shipped rules
// are, and turning fuzz bytes into the valid NFC text the extract stage expects
// (ingest guarantees it: every Document's text is valid UTF-8 in NFC).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "base/unicode.h"

namespace claimcheck::fuzz {

// The rules directory: $CLAIMCHECK_RULES_DIR, else the repository's rules/ (the
// compile definition CLAIMCHECK_SOURCE_DIR, as in the unit tests).
inline std::string RulesDir() {
  if (const char* env = std::getenv("CLAIMCHECK_RULES_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return std::string(CLAIMCHECK_SOURCE_DIR) + "/rules";
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The NFC form of the bytes when they are valid UTF-8, else nullopt.
inline std::optional<std::string> ValidNfc(std::string_view bytes) {
  if (FindInvalidUtf8(bytes)) return std::nullopt;
  return NormalizeNfc(bytes);
}

// Aborts (a crash libFuzzer reports) when `condition` is false.
inline void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace claimcheck::fuzz
