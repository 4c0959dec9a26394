// The fast paths of base/unicode.h and FindNonAscii, each checked against a slow
// reference built directly on utf8proc (the behaviour before the fast paths), on
// tricky tables and on seeded random inputs.
#include <utf8proc.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/unicode.h"

namespace claimcheck {
namespace {

// utf8proc_map over the whole text, or nullopt for invalid UTF-8.
std::optional<std::string> ReferenceMap(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::nullopt;
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

std::string ReferenceNfc(std::string_view s) {
  return ReferenceMap(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE).value_or(std::string(s));
}

// utf8proc_iterate's verdict on the sequence at s[0]: its length, or 0 when invalid.
size_t ReferenceSequenceLength(std::string_view s) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n <= 0 || cp < 0 ? 0 : static_cast<size_t>(n);
}

std::optional<size_t> ReferenceFindInvalid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = ReferenceSequenceLength(s.substr(i));
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::string Utf8(char32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

// Texts that exercise every path: NFD and NFC Vietnamese, combining marks after ASCII
// and after precomposed letters, Hangul jamo, singletons, invalid bytes, BOM, controls.
std::vector<std::string> TrickyTexts() {
  static constexpr char kControls[] = "nul\0here\0 bell\x07 del\x7F tab\t cr\r lf\n vt\v ff\f";
  return {
      "",
      "plain ASCII text, 10 người? no: 10 people.",
      "Vi\xE1\xBB\x87t Nam",                              // NFC Việt
      "Vie\xCC\xA3\xCC\x82t Nam",                         // NFD: e + dot below + circumflex
      "thie\xCC\x82\xCC\xA3t",                            // NFD, marks in the other order
      "\xCC\x81" "leading combining acute",               // a mark with nothing before it
      "\xE1\xBB\x9D\xCC\x80 o-horn-grave then grave",     // precomposed + another mark
      "A\xCC\x8A\xCC\x81 \xC3\x85\xCC\x81",               // A ring acute, Å + acute
      "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 \xEA\xB0\x80\xE1\x86\xA8",  // Hangul jamo, LV + T
      "\xE2\x80\x80\xE2\x80\x81 en/em quad (singletons)",
      "\xE2\x84\xAB angstrom sign, \xE2\x84\xA6 ohm sign",
      "\xEF\xBB\xBF" "BOM first, \xC2\xA0nbsp, \xE2\x80\x8B zwsp",
      "\xC5\xBF\xCC\x87 long s dot, \xC3\x86\xCC\x81 AE acute",
      "\xE0\xAD\x87\xE0\xAC\xBE Oriya vowel sign pair",
      "\xF0\x9F\x98\x80 emoji, \xE2\x82\xAB dong sign",
      "ab\xFF" "cd invalid",
      "ok \xC3",                                          // truncated at the end
      "a\xC0\xAF" "b overlong, a\xED\xA0\x80" "b surrogate",
      "\xF4\x90\x80\x80 above U+10FFFF, \xF0\x8F\xBF\xBF overlong 4",
      std::string(kControls, sizeof kControls - 1),  // with its NUL bytes
      "\xC4\x90\xC3\x80 N\xE1\xBA\xB4NG 12345678abcdefgh\xE1\xBB\x87",
  };
}

// Random strings over an alphabet of single characters and fragments picked to mix
// ASCII, precomposed letters, combining marks, jamo, controls and invalid bytes.
std::vector<std::string> RandomTexts(int count, bool allow_invalid) {
  std::vector<std::string> alphabet = {
      "a", "e", "o", "A", " ", "\n", "1", ".", "\xE1\xBB\x87", "\xC6\xB0", "\xC6\xA1", "\xC4\x91",
      "\xC3\xA2", "\xCC\x81", "\xCC\x80", "\xCC\xA3", "\xCC\x82", "\xCC\x83", "\xCC\x89", "\xCC\x9B",
      "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "\xEA\xB0\x80", "\xE2\x80\x80", "\xC2\xA0",
      "\xE2\x80\xAF", "\xEF\xBB\xBF", "\xF0\x9F\x98\x80", "\xE0\xAD\x87", "\xE0\xAC\xBE", "\t", "\r"};
  if (allow_invalid) {
    for (const char* bad : {"\xFF", "\xC3", "\xE1\xBB", "\x80", "\xED\xA0\x80", "\x01", "\x7F"}) {
      alphabet.push_back(bad);
    }
    alphabet.push_back(std::string(1, '\0'));
  }
  std::mt19937 rng(12345);
  std::vector<std::string> out;
  for (int k = 0; k < count; ++k) {
    std::string s;
    int length = static_cast<int>(rng() % 40);
    for (int i = 0; i < length; ++i) s += alphabet[rng() % alphabet.size()];
    out.push_back(s);
  }
  return out;
}

TEST(UnicodeFastPathTest, SequenceLengthAgreesWithUtf8proc) {
  const unsigned char tails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (int b0 = 0; b0 < 256; ++b0) {
    for (int b1 = 0; b1 < 256; ++b1) {
      for (unsigned char b2 : tails) {
        for (unsigned char b3 : tails) {
          const char bytes[4] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2),
                                 static_cast<char>(b3)};
          for (size_t avail = 1; avail <= 4; ++avail) {
            std::string_view s(bytes, avail);
            ASSERT_EQ(Utf8SequenceLength(s, 0), ReferenceSequenceLength(s))
                << b0 << " " << b1 << " " << int{b2} << " " << int{b3} << " avail " << avail;
          }
        }
      }
    }
  }
}

TEST(UnicodeFastPathTest, FindInvalidAndNeedsRepairAgreeWithSlowPaths) {
  std::vector<std::string> texts = TrickyTexts();
  for (const std::string& s : RandomTexts(3000, /*allow_invalid=*/true)) texts.push_back(s);
  for (const std::string& s : texts) {
    EXPECT_EQ(FindInvalidUtf8(s), ReferenceFindInvalid(s)) << s;
    EXPECT_EQ(NeedsUtf8Repair(s), RepairUtf8(s).text != s) << s;
    EXPECT_EQ(NeedsUtf8Repair(s), RepairUtf8(s).changed()) << s;
  }
}

TEST(UnicodeFastPathTest, NormalizeNfcAgreesWithUtf8procOnWholeText) {
  std::vector<std::string> texts;
  for (const std::string& s : TrickyTexts()) {
    if (!FindInvalidUtf8(s)) texts.push_back(s);
  }
  for (const std::string& s : RandomTexts(5000, /*allow_invalid=*/false)) texts.push_back(s);
  for (const std::string& s : texts) {
    EXPECT_EQ(NormalizeNfc(s), ReferenceNfc(s)) << s;
    std::optional<std::string> folded =
        ReferenceMap(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    EXPECT_EQ(ToLowerUtf8(s), folded.value_or(s)) << s;
  }
}

TEST(UnicodeFastPathTest, InertCodePointsStayPutAfterAnyBase) {
  // Bases a following character could compose with: ASCII and Latin letters, Greek,
  // Cyrillic, Hangul L and LV, and Indic vowels that take a second vowel sign.
  const char32_t bases[] = {'a', 'e', 'o', 'u', 'A', 'E', 'O', 'U', 'n', 's', 'z', 0xC6, 0xD8,
                            0x17F, 0x1B7, 0x1A0, 0x1AF, 0x3B1, 0x3C9, 0x438, 0x1100, 0xAC00,
                            0x0B47, 0x0BC6, 0x0D46, 0x0DD9, 0x1025, 0x0CC6, 0x0CBF, 0x0C46, 0x09C7};
  int inert = 0;
  for (char32_t cp = 0; cp < 0x3000; ++cp) {
    if (!IsNfcInert(cp)) continue;
    ++inert;
    const std::string c = Utf8(cp);
    ASSERT_EQ(ReferenceNfc(c), c) << std::hex << static_cast<uint32_t>(cp);
    for (char32_t base : bases) {
      const std::string pair = Utf8(base) + c;
      ASSERT_EQ(ReferenceNfc(pair), ReferenceNfc(Utf8(base)) + c) << std::hex << static_cast<uint32_t>(base) << " " << static_cast<uint32_t>(cp);
    }
  }
  EXPECT_GT(inert, 700);  // ASCII, Latin-1, Latin Extended, Vietnamese, punctuation
  const char32_t not_inert[] = {0x300, 0x301, 0x323, 0x1161, 0x11A8, 0x2000, 0x2001, 0x212B, 0xAC00, 0x0B3E};
  for (char32_t cp : not_inert) EXPECT_FALSE(IsNfcInert(cp)) << std::hex << static_cast<uint32_t>(cp);
  for (char32_t cp : {U'a', U'\u00E2', U'\u01B0', U'\u1EC7', U'\u0111', U'\u00A0', U'\u20AB'}) {
    EXPECT_TRUE(IsNfcInert(cp)) << std::hex << static_cast<uint32_t>(cp);
  }
}

TEST(StringsFastPathTest, FindNonAscii) {
  const struct {
    std::string s;
    size_t from, want;
  } cases[] = {
      {"", 0, 0},
      {"abc", 0, 3},
      {"abcdefghijklmnop", 0, 16},
      {"abcdefghijklmno\xC3\xA9", 0, 15},
      {"\xC3\xA9", 0, 0},
      {"\xC3\xA9", 1, 1},
      {"abcdefgh\x80", 3, 8},
      {"a\xE1\xBB\x87" "bcdefghijklmnopq\xC2\xA0", 4, 20},
  };
  for (const auto& c : cases) EXPECT_EQ(FindNonAscii(c.s, c.from), c.want) << c.s << " from " << c.from;
}

}  // namespace
}  // namespace claimcheck
