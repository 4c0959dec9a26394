#include "ingest/ingest_options.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

TEST(IngestOptionsTest, ParsesListSkippingCommentsAndBlanks) {
  Result<std::vector<std::string>> list =
      ParseIngestList("# comment\n\n  Tin liên quan  \r\nRead more\n", "x.txt");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(*list, (std::vector<std::string>{"Tin liên quan", "Read more"}));
}

TEST(IngestOptionsTest, ReportsBadLinesWithFileAndLine) {
  Result<std::vector<std::string>> too_long =
      ParseIngestList("ok\n# c\n" + std::string(81, 'x') + "\n", "rules/ingest/m.txt");
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.status().ToString(),
            "invalid input: rules/ingest/m.txt:3: entry longer than 80 bytes");
  Result<std::vector<std::string>> bad_utf8 = ParseIngestList("ok\nbad \xFF\n", "m.txt");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_EQ(bad_utf8.status().ToString(), "invalid input: m.txt:2: invalid UTF-8");
}

TEST(IngestOptionsTest, LoadsShippedRules) {
  for (std::string dir : {CLAIMCHECK_SOURCE_DIR "/rules", CLAIMCHECK_SOURCE_DIR "/rules/ingest"}) {
    Result<IngestOptions> options = LoadIngestOptions(dir);
    ASSERT_TRUE(options.ok()) << options.status().ToString();
    const std::vector<std::string>& m = options->clutter_markers;
    EXPECT_NE(std::find(m.begin(), m.end(), "Cùng chuyên mục"), m.end());
    EXPECT_NE(std::find(m.begin(), m.end(), "Most Read News"), m.end());
    const std::vector<std::string>& p = options->source_prefixes;
    EXPECT_NE(std::find(p.begin(), p.end(), "Nguồn:"), p.end());
  }
}

TEST(IngestOptionsTest, MissingDirectoryIsNotFound) {
  Result<IngestOptions> options = LoadIngestOptions("/nonexistent/rules");
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace claimcheck
