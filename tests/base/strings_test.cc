#include "base/strings.h"

#include <gtest/gtest.h>

namespace claimcheck {

TEST(StringsTest, FormatNumberDropsTrailingZeros) {
  struct Case { double in; const char* out; };
  for (const Case& c : {Case{600, "600"}, Case{0.5, "0.5"}, Case{1.5e6, "1500000"},
                        Case{4e13, "40000000000000"}, Case{-3, "-3"}}) {
    EXPECT_EQ(FormatNumber(c.in), c.out) << c.in;
  }
}

TEST(StringsTest, TrimSplitJoin) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim(" \t"), "");
  EXPECT_EQ(Join(Split("a,,b", ','), "|"), "a||b");
  EXPECT_EQ(ReplaceAll("10.000.000", ".", ""), "10000000");
}

TEST(StringsTest, HashIsStableAndHex) {
  EXPECT_EQ(Hex64(Fnv1a64("")), "cbf29ce484222325");
  EXPECT_NE(Fnv1a64("a"), Fnv1a64("b"));
  EXPECT_EQ(Hex64(255), "00000000000000ff");
}

TEST(StringsTest, ParseHex64ReadsWhatHex64Wrote) {
  for (uint64_t v : {uint64_t{0}, uint64_t{255}, Fnv1a64(""), Fnv1a64("a"), ~uint64_t{0}}) {
    EXPECT_EQ(ParseHex64(Hex64(v)), v) << Hex64(v);
  }
  EXPECT_EQ(ParseHex64("CBF29CE484222325"), Fnv1a64(""));
  const char* bad[] = {"", "ff", "00000000000000ff0", "0000000000000g00", " 00000000000000f", "-000000000000001"};
  for (const char* s : bad) EXPECT_EQ(ParseHex64(s), std::nullopt) << s;
}

}  // namespace claimcheck
