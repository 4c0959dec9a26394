// Legacy encodings claimcheck can still read: UTF-16 (LE/BE) and Windows-1258, the
// Vietnamese code page of older Windows tools (base letters plus combining tone marks
// at 0xCC, 0xEC, 0xDE, 0xD2, 0xF2). Pure byte -> UTF-8 converters and the guess that
// tells Windows-1258 text from other 8-bit encodings. Table-driven; no iconv.
#pragma once

#include <string>
#include <string_view>

namespace claimcheck {

// The Unicode code point of Windows-1258 byte `b`; 0 for the bytes the code page
// leaves undefined (0x81, 0x8A, 0x8D-0x90, 0x9A, 0x9D, 0x9E). ASCII maps to itself.
char32_t Windows1258CodePoint(unsigned char b);

// `bytes` read as Windows-1258, in UTF-8 (not yet NFC: tone marks stay combining).
// Undefined bytes become U+FFFD and are counted in *replaced (may be null).
std::string Windows1258ToUtf8(std::string_view bytes, int* replaced = nullptr);

// `bytes` (without a byte-order mark) read as UTF-16, little- or big-endian, in UTF-8.
// Unpaired surrogates and a final odd byte become U+FFFD, counted in *replaced.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian, int* replaced = nullptr);

// What an 8-bit text that is not UTF-8 most likely is.
enum class LegacyGuess {
  kWindows1258,  // every high byte is defined there and reads as Vietnamese (or as
                 // punctuation/letters that windows-1252 would read the same way)
  kTcvn3,        // mostly bytes 0xA0-0xBF: the Vietnamese letters of TCVN3 (ABC)
  kOther,        // some other 8-bit code page (bytes undefined in windows-1258, ...)
};
LegacyGuess GuessLegacyEncoding(std::string_view bytes);
// "windows-1258", "TCVN3 (ABC)", "an 8-bit code page other than windows-1258".
std::string LegacyGuessName(LegacyGuess guess);

}  // namespace claimcheck
