#include "base/unicode.h"

#include <gtest/gtest.h>

namespace claimcheck {

TEST(UnicodeTest, NfdBecomesNfc) {
  const std::string nfd = "thie\xCC\xA3\xCC\x82t";  // e + dot below + circumflex
  const std::string nfc = "thi\xE1\xBB\x87t";        // ệ precomposed
  EXPECT_EQ(NormalizeNfc(nfd), nfc);
}

TEST(UnicodeTest, FindsInvalidUtf8) {
  EXPECT_FALSE(FindInvalidUtf8("Triều Tiên").has_value());
  EXPECT_EQ(FindInvalidUtf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(FindInvalidUtf8("ok \xC3"), 3u);  // truncated sequence
}

TEST(UnicodeTest, StripsDiacritics) {
  EXPECT_EQ(StripDiacriticsLower("Đà Nẵng"), "da nang");
  EXPECT_EQ(StripDiacriticsLower("Quảng Ninh"), "quang ninh");
  EXPECT_EQ(ToLowerUtf8("Triều Tiên"), "triều tiên");
}

}  // namespace claimcheck
