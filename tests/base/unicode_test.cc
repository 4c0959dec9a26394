#include "base/unicode.h"

#include <gtest/gtest.h>

namespace claimcheck {

TEST(UnicodeTest, NfdBecomesNfc) {
  const std::string nfd = "thie\xCC\xA3\xCC\x82t";  // e + dot below + circumflex
  const std::string nfc = "thi\xE1\xBB\x87t";        // ệ precomposed
  EXPECT_EQ(NormalizeNfc(nfd), nfc);
}

// One to four bytes, each a valid sequence of its own length.
TEST(UnicodeTest, AppendsUtf8) {
  const std::pair<char32_t, std::string> cases[] = {
      {U'a', "a"}, {0x00E0, "\xC3\xA0"}, {0x1EC7, "\xE1\xBB\x87"} /* ệ */, {0xFFFD, "\xEF\xBF\xBD"},
      {0x1F600, "\xF0\x9F\x98\x80"}, {0x10FFFF, "\xF4\x8F\xBF\xBF"}};
  for (const auto& [cp, bytes] : cases) {
    std::string out = "x";
    AppendUtf8(cp, &out);
    EXPECT_EQ(out, "x" + bytes) << static_cast<uint32_t>(cp);
    EXPECT_EQ(Utf8SequenceLength(out, 1), bytes.size()) << static_cast<uint32_t>(cp);
  }
}

TEST(UnicodeTest, FindsInvalidUtf8) {
  EXPECT_FALSE(FindInvalidUtf8("Triều Tiên").has_value());
  EXPECT_EQ(FindInvalidUtf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(FindInvalidUtf8("ok \xC3"), 3u);  // truncated sequence
}

TEST(UnicodeTest, RepairsUtf8) {
  struct Case {
    std::string in, out;
    int replaced, dropped;
    size_t first;
  };
  const Case cases[] = {
      {"Triều Tiên", "Triều Tiên", 0, 0, 0},
      {"tab\tcr\r\nff\f", "tab\tcr\r\nff\f", 0, 0, 0},
      {"ab\xFF" "cd", "ab\uFFFD" "cd", 1, 0, 2},
      {"ab\xFF\xFE\xC3" "cd", "ab\uFFFD" "cd", 1, 0, 2},            // one run, one U+FFFD
      {"D\xC3\xB2ng \xE1\xBB ba", "D\xC3\xB2ng \uFFFD ba", 1, 0, 6},  // truncated sequence
      {"a\xC0\xAF" "b", "a\uFFFD" "b", 1, 0, 1},                       // overlong '/'
      {"a\xED\xA0\x80" "b", "a\uFFFD" "b", 1, 0, 1},                  // surrogate
      {"x\xFFy\xFFz", "x\uFFFDy\uFFFDz", 2, 0, 1},
      {std::string("nul\0here\0", 9), "nulhere", 0, 2, 3},
      {"bell\x07 esc\x1B del\x7F.", "bell esc del.", 0, 3, 4},
      {"ok \xC3", "ok \uFFFD", 1, 0, 3},
  };
  for (const Case& c : cases) {
    Utf8Repair r = RepairUtf8(c.in);
    EXPECT_EQ(r.text, c.out) << c.in;
    EXPECT_EQ(r.replaced, c.replaced) << c.in;
    EXPECT_EQ(r.dropped, c.dropped) << c.in;
    if (r.changed()) {
      EXPECT_EQ(r.first_offset, c.first) << c.in;
    }
    EXPECT_FALSE(FindInvalidUtf8(r.text).has_value()) << c.in;
  }
}

TEST(UnicodeTest, StripsDiacritics) {
  EXPECT_EQ(StripDiacriticsLower("Đà Nẵng"), "da nang");
  EXPECT_EQ(StripDiacriticsLower("Quảng Ninh"), "quang ninh");
  EXPECT_EQ(ToLowerUtf8("Triều Tiên"), "triều tiên");
}

}  // namespace claimcheck
