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
// The result of RepairUtf8: valid UTF-8 without stray control bytes, and what was done.
struct Utf8Repair {
  std::string text;
  int replaced = 0;           // invalid sequences, each replaced by one U+FFFD
  int dropped = 0;            // NUL and other C0 control bytes (not \t \n \v \f \r) and DEL dropped
  size_t first_offset = 0;    // byte offset in the input of the first repair (when any)
  bool changed() const { return replaced + dropped > 0; }
};
// Makes `s` valid UTF-8 text: each maximal run of bytes that do not form a valid UTF-8
// sequence (stray continuation bytes, truncated sequences, overlongs, surrogates) becomes
// one U+FFFD, and NUL, the other C0 control bytes except tab, LF, VT, FF and CR, and DEL
// are dropped. Valid input without such bytes comes back unchanged. Linear time.
Utf8Repair RepairUtf8(std::string_view s);
// NFC form of valid UTF-8 `s`. REQUIRES: !FindInvalidUtf8(s).
std::string NormalizeNfc(std::string_view s);
// Lower case (simple case folding) of valid UTF-8, keeping NFC.
std::string ToLowerUtf8(std::string_view s);
// Lower case ASCII with Vietnamese diacritics removed ("Đà Nẵng" -> "da nang").
std::string StripDiacriticsLower(std::string_view s);

}  // namespace claimcheck
