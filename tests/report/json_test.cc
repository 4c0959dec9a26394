#include "report/json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report_fixture.h"

namespace claimcheck {
namespace {

TEST(JsonTest, ClaimsArrayParsesBackWithTypedFields) {
  const std::vector<Claim> claims = MakeFixtureClaims();
  const auto j = nlohmann::json::parse(ClaimsToJson(claims));
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), claims.size());
  EXPECT_EQ(j[0]["value"], 95);
  EXPECT_TRUE(j[0]["value"].is_number_integer());
  EXPECT_EQ(j[0]["quote"], "95 người chết");
  EXPECT_TRUE(j[1]["high"].is_null());        // more_than: unbounded above
  EXPECT_EQ(j[1]["attributed_to"], "Ban chỉ huy \"PCTT\" tỉnh");
  EXPECT_EQ(j[4]["value"], 1500000000000);     // 1.5e12 stays exact
  EXPECT_TRUE(j[5]["value"].is_null());        // dates carry no value
  EXPECT_EQ(j[5]["date"], "2024-06-19");
  EXPECT_EQ(j[0]["confidence"], 0.9);
}

TEST(JsonTest, JsonLinesOneObjectPerLine) {
  const ReportInput in = MakeFixtureInput();
  const std::string lines = ConflictsToJsonLines(in.conflicts);
  size_t count = 0, start = 0;
  for (size_t nl; (nl = lines.find('\n', start)) != std::string::npos; start = nl + 1, ++count) {
    const auto j = nlohmann::json::parse(lines.substr(start, nl - start));
    EXPECT_EQ(j["conflict_id"], in.conflicts[count].id);
  }
  EXPECT_EQ(count, in.conflicts.size());
  EXPECT_EQ(start, lines.size());  // ends with a newline, nothing after
  EXPECT_EQ(ConflictsToJsonLines({}), "");
  EXPECT_EQ(ClaimsToJson({}), "[]\n");
}

TEST(JsonTest, ConflictSidesNestClaims) {
  const ReportInput in = MakeFixtureInput();
  const auto j = nlohmann::json::parse(ConflictsToJson(in.conflicts));
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[1]["severity"], "conflict");
  EXPECT_EQ(j[1]["a"]["outlet"], "Báo Sông Hồng");
  EXPECT_EQ(j[1]["b"]["claim"]["value"], 120);
  EXPECT_EQ(j[2]["note"], "Đã hỏi phóng viên, chờ số liệu chính thức.");
}

TEST(JsonTest, InvalidUtf8IsReplacedNotThrown) {
  Claim c;
  c.quote = std::string("bad \xC3 byte");
  const auto j = nlohmann::json::parse(ClaimsToJsonLines({c}));
  EXPECT_EQ(j["quote"], "bad \xEF\xBF\xBD byte");
}

TEST(JsonTest, MatchesGolden) {
  const ReportInput in = MakeFixtureInput();
  EXPECT_EQ(CompareWithGolden("claims.json", ClaimsToJson(MakeFixtureClaims())), "");
  EXPECT_EQ(CompareWithGolden("conflicts.jsonl", ConflictsToJsonLines(in.conflicts)), "");
}

}  // namespace
}  // namespace claimcheck
