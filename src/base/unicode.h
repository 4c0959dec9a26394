// UTF-8 validation and normalisation (the only user of utf8proc).
// Every text enters claimcheck through NormalizeNfc, so later stages can match
// Vietnamese with precomposed characters only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimcheck {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when `s` is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view s);
// NFC form of valid UTF-8 `s`. REQUIRES: !FindInvalidUtf8(s).
std::string NormalizeNfc(std::string_view s);
// Lower case (simple case folding) of valid UTF-8, keeping NFC.
std::string ToLowerUtf8(std::string_view s);
// Lower case ASCII with Vietnamese diacritics removed ("Đà Nẵng" -> "da nang").
std::string StripDiacriticsLower(std::string_view s);

}  // namespace claimcheck
