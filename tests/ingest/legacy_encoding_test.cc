#include "ingest/legacy_encoding.h"

#include <gtest/gtest.h>

#include "base/unicode.h"

namespace claimcheck {
namespace {

TEST(LegacyEncodingTest, Windows1258Table) {
  const std::pair<unsigned char, char32_t> cases[] = {
      {'A', U'A'},   {0x80, 0x20AC}, {0x81, 0},      {0x8A, 0},      {0x93, 0x201C},
      {0xA0, 0xA0},  {0xC3, 0x0102}, {0xCC, 0x0300}, {0xD0, 0x0110}, {0xD2, 0x0309},
      {0xD5, 0x01A0}, {0xDD, 0x01AF}, {0xDE, 0x0303}, {0xE3, 0x0103}, {0xEC, 0x0301},
      {0xF0, 0x0111}, {0xF2, 0x0323}, {0xF5, 0x01A1}, {0xFD, 0x01B0}, {0xFE, 0x20AB},
      {0xFF, 0x00FF},
  };
  for (const auto& [byte, cp] : cases) EXPECT_EQ(Windows1258CodePoint(byte), cp) << int(byte);
}

TEST(LegacyEncodingTest, Windows1258ToUtf8) {
  struct Case {
    std::string bytes, nfc;
    int replaced;
  };
  const Case cases[] = {
      // "Việt Nam": e + dot below (0xF2) + circumflex is ê (0xEA) + dot below.
      {"Vi\xEA\xF2t Nam", "Việt Nam", 0},
      // "Đà Nẵng": Đ (0xD0), à (0xE0), ă (0xE3) + tilde (0xDE).
      {"\xD0\xE0 N\xE3\xDEng", "Đà Nẵng", 0},
      // "người chết": ư (0xFD) ơ (0xF5) + grave (0xCC); ê (0xEA) + acute (0xEC).
      {"ng\xFD\xF5\xCCi ch\xEA\xECt", "người chết", 0},
      {"\x93quoted\x94 \x96 5\x80", "\u201Cquoted\u201D \u2013 5\u20AC", 0},
      {"bad \x81 byte", "bad \uFFFD byte", 1},
  };
  for (const Case& c : cases) {
    int replaced = -1;
    std::string utf8 = Windows1258ToUtf8(c.bytes, &replaced);
    EXPECT_FALSE(FindInvalidUtf8(utf8).has_value()) << c.nfc;
    EXPECT_EQ(NormalizeNfc(utf8), c.nfc);
    EXPECT_EQ(replaced, c.replaced) << c.nfc;
  }
}

TEST(LegacyEncodingTest, Utf16ToUtf8) {
  struct Case {
    std::string bytes;
    bool big_endian;
    std::string utf8;
    int replaced;
  };
  const Case cases[] = {
      {std::string("a\0b\0", 4), false, "ab", 0},
      {std::string("\0a\0b", 4), true, "ab", 0},
      {std::string("\xC7\x1E", 2), false, "\xE1\xBB\x87", 0},             // U+1EC7 ệ
      {std::string("\x3D\xD8\x00\xDE", 4), false, "\xF0\x9F\x98\x80", 0},  // surrogate pair
      {std::string("\x3D\xD8" "a\0", 4), false, "\uFFFD" "a", 1},          // unpaired high
      {std::string("\x00\xDC", 2), false, "\uFFFD", 1},                    // lone low
      {std::string("a\0b", 3), false, "a\uFFFD", 1},                        // odd final byte
  };
  for (const Case& c : cases) {
    int replaced = -1;
    EXPECT_EQ(Utf16ToUtf8(c.bytes, c.big_endian, &replaced), c.utf8) << c.utf8;
    EXPECT_EQ(replaced, c.replaced) << c.utf8;
  }
}

TEST(LegacyEncodingTest, GuessLegacyEncoding) {
  const std::pair<std::string, LegacyGuess> cases[] = {
      // Vietnamese in windows-1258: combining tones after letters, ă ơ ư đ.
      {"Tr\xEA\xF2n l\xE3\xDE \xF5\xCC t\xECnh l\xE0m 12 ng\xFD\xF5\xCCi ch\xEA\xECt.",
       LegacyGuess::kWindows1258},
      // English with windows-1252 punctuation: the same bytes in windows-1258.
      {"He said \x93no\x94 \x96 twice.", LegacyGuess::kWindows1258},
      {"caf\xE9 cr\xE8me", LegacyGuess::kWindows1258},
      // TCVN3 (ABC): Vietnamese letters in 0xA0-0xBF ("Vi\xd6t" style bytes).
      {"Tr\xAAn \xAE\xB8 l\xB5m ng\xAD\xEAi", LegacyGuess::kTcvn3},
      // Bytes windows-1258 leaves undefined.
      {"text \x8A\x9E\x8D here", LegacyGuess::kOther},
  };
  for (const auto& [bytes, guess] : cases) {
    EXPECT_EQ(LegacyGuessName(GuessLegacyEncoding(bytes)), LegacyGuessName(guess)) << bytes;
  }
}

}  // namespace
}  // namespace claimcheck
