// DecodeInput: the first step of reading a file, from the bytes on disk to valid UTF-8
// text (issue 8, "calm on broken input"). It refuses what is not text at all (an empty
// file, binary data, an 8-bit code page it cannot read) and repairs what is text with a
// few bad bytes, saying what it did. Pure: bytes in, text and diagnostics out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace claimcheck {

struct DecodedInput {
  bool ok = false;
  std::string text;      // when ok: valid UTF-8, without a BOM, NUL or other control bytes
  std::string encoding;  // "utf-8", "utf-16le", "utf-16be", "windows-1258"; "" when refused
  // Warnings (ok) or the one error (refused). `file` is left empty for the caller to
  // fill; line and column point into the raw bytes when known.
  std::vector<Diagnostic> diagnostics;
};

// Why `sample` (the first bytes of a file) is not text: "PNG image", "ZIP archive",
// "38% control bytes", ...; "" when it may be text. UTF-16 must be detected first.
std::string BinaryReason(std::string_view sample);

// "utf-16le" / "utf-16be" when `sample` has a UTF-16 byte-order mark or, without one,
// the zero bytes of mostly-ASCII UTF-16 on every other position; "" otherwise.
std::string DetectUtf16(std::string_view sample, bool* has_bom);

// Decodes a whole file:
// - empty (0 bytes) -> error "empty file";
// - UTF-16 LE/BE (BOM, or detected as above) -> converted; a warning when there was no BOM
//   or some units were unpaired surrogates;
// - binary (BinaryReason) -> error "looks like binary data (<reason>)";
// - a UTF-8 BOM -> dropped;
// - valid UTF-8 -> as is;
// - not UTF-8, with more bad bytes than good multi-byte sequences -> GuessLegacyEncoding:
//   windows-1258 -> converted with a warning naming "windows-1258"; anything else with at
//   least 4 bad bytes -> error naming the suspected encoding;
// - else (UTF-8 with a few bad bytes) -> each bad run replaced by U+FFFD, with a warning
//   at the first one's line and column.
// In every case NUL and other control bytes are then dropped, with a warning.
DecodedInput DecodeInput(std::string_view raw);

}  // namespace claimcheck
