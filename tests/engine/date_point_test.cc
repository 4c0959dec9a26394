#include "engine/date_point.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

TEST(DatePointTest, ParsesTheFourFormats) {
  EXPECT_EQ(ParseDatePoint("2024")->granularity, DateGranularity::kYear);
  EXPECT_EQ(ParseDatePoint("2024-Q3")->quarter, 3);
  EXPECT_EQ(ParseDatePoint("2024-06")->quarter, 2);
  EXPECT_EQ(ParseDatePoint("2024-06-19")->day, 19);
  for (const char* bad : {"", "24", "2024-13", "2024-Q5", "2024-06-32", "2024/06", "2024-6", "June"}) {
    EXPECT_FALSE(ParseDatePoint(bad).has_value()) << bad;
  }
}

TEST(DatePointTest, ComparesAtTheCoarserGranularity) {
  struct Case {
    const char* a;
    const char* b;
    int expected;
  } cases[] = {
      {"2024-06", "2024-06-19", 0},   {"2024", "2024-06", 0},         {"2024-Q2", "2024-05-01", 0},
      {"2024-10", "2024-06", 1},      {"2024-11-11", "2024-11-12", -1}, {"2024-Q3", "2024-06", 1},
      {"2023", "2024-01-01", -1},     {"2024-06-19", "2024-06-19", 0}, {"2025-12-18", "2025-09", 1},
  };
  for (const auto& c : cases) {
    auto a = ParseDatePoint(c.a), b = ParseDatePoint(c.b);
    ASSERT_TRUE(a && b) << c.a << " " << c.b;
    EXPECT_EQ(CompareAtCoarserGranularity(*a, *b), c.expected) << c.a << " vs " << c.b;
    EXPECT_EQ(CompareAtCoarserGranularity(*b, *a), -c.expected) << c.b << " vs " << c.a;
  }
}

}  // namespace
}  // namespace claimcheck
