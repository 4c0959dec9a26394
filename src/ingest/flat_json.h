// A fast reader for the common shape of a JSON Lines feed record: one flat object
// whose values are strings, numbers, true, false or null. It decodes exactly what
// nlohmann::json would (escapes, surrogate pairs, duplicate keys: the last wins) but
// builds no DOM and copies each string once. Anything else -- nested values, a byte
// order mark, malformed JSON -- is declined, and the caller parses the line with
// nlohmann::json, which then gives its usual result or error message.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace claimcheck {

// One member of a flat object: its decoded key, and its decoded value when it is a string.
struct FlatMember {
  std::string_view key;
  enum class Kind { kString, kNull, kOther } kind = Kind::kOther;  // kOther: number, true, false
  std::string* value = nullptr;  // the decoded string when kind == kString (may be moved from)
};

// Reads `line` as one flat JSON object and calls `member` once per member, in order.
// Returns false (having possibly called `member` for a prefix) when the line is not a
// flat object this reader accepts; then nothing about the line is known, and the caller
// must read it with a full JSON parser. Returns true only when nlohmann::json::parse
// would accept the line and produce an object whose members are the ones reported.
bool ReadFlatJsonObject(std::string_view line, const std::function<void(const FlatMember&)>& member);

}  // namespace claimcheck
