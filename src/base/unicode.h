// UTF-8 validation and normalisation (the only user of utf8proc).
// Every text enters claimcheck through NormalizeNfc, so later stages can match
// Vietnamese with precomposed characters only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimcheck {

// Length (1-4) of the valid UTF-8 sequence starting at s[pos], or 0 when the bytes there
// do not form one: a stray continuation byte, a truncated sequence, an overlong form, a
// surrogate or a code point above U+10FFFF (the rules of utf8proc_iterate).
// REQUIRES: pos < s.size().
size_t Utf8SequenceLength(std::string_view s, size_t pos);
// Appends the UTF-8 bytes of code point `cp` (REQUIRES: cp <= U+10FFFF, not a surrogate).
void AppendUtf8(char32_t cp, std::string* out);
// Byte offset of the first invalid UTF-8 sequence, or nullopt when `s` is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view s);
// True when RepairUtf8(s) would change something (invalid UTF-8 or a dropped control
// byte). One pass, 8 ASCII bytes a step: the cheap test before a repair.
bool NeedsUtf8Repair(std::string_view s);
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
// True when `cp` is a starter that NFC keeps as it is and that never composes with a
// preceding character, so a text of ASCII and inert code points is its own NFC. Holds for
// the precomposed Latin letters (Vietnamese among them), Latin-1 and general punctuation
// and currency signs; false for combining marks, Hangul, singletons such as U+2000, and
// everything not checked (all code points from U+20D0 up).
bool IsNfcInert(char32_t cp);
// Lower case (simple case folding) of valid UTF-8, keeping NFC.
std::string ToLowerUtf8(std::string_view s);
// Lower case ASCII with Vietnamese diacritics removed ("Đà Nẵng" -> "da nang").
std::string StripDiacriticsLower(std::string_view s);

}  // namespace claimcheck
