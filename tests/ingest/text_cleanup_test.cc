#include "ingest/text_cleanup.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

TEST(TextCleanupTest, NormalizeLineEnds) {
  EXPECT_EQ(NormalizeLineEnds("\xEF\xBB\xBF" "a\r\nb\rc\n"), "a\nb\nc\n");
  EXPECT_EQ(NormalizeLineEnds("a\xEF\xBB\xBF"), "a\xEF\xBB\xBF");  // only a leading BOM
}

TEST(TextCleanupTest, NormalizeSpaces) {
  EXPECT_EQ(NormalizeSpaces("Theo\xC2\xA0X 10\xE2\x80\xAF" "000 a\xE2\x80\x8B" "b"),
            "Theo X 10 000 ab");
  EXPECT_EQ(NormalizeSpaces("Việt Nam"), "Việt Nam");
}

TEST(TextCleanupTest, TidyLines) {
  EXPECT_EQ(TidyLines("\n\n  lead kept  \nb\t\n\n\n\nc   \n     \n"), "  lead kept\nb\n\nc");
  EXPECT_EQ(TidyLines(" \n \n"), "");
}

TEST(TextCleanupTest, CutClutter) {
  const std::vector<std::string> markers = {"Cùng chuyên mục", "Read more", "Nổi bật trong ngày"};
  const std::pair<std::string, std::string> cases[] = {
      {"Bài.\n\nCùng chuyên mục\n\nTin khác", "Bài.\n\n"},
      {"Bài.\n   cùng chuyên mục  \nTin khác", "Bài.\n"},
      {"Story.\nREAD MORE\nOther", "Story.\n"},
      {"Bài.\nNổi bật trong ngày\nA\nCùng chuyên mục\nB", "Bài.\n"},
      // A marker inside a sentence is not clutter.
      {"Bài có cụm Cùng chuyên mục ở giữa câu.\nTiếp", "Bài có cụm Cùng chuyên mục ở giữa câu.\nTiếp"},
      {"No markers here.", "No markers here."},
  };
  for (const auto& [text, cut] : cases) EXPECT_EQ(CutClutter(text, markers), cut) << text;
  EXPECT_EQ(CutClutter("a\nRead more\nb", {}), "a\nRead more\nb");
}

TEST(TextCleanupTest, LocateOffset) {
  std::string text = "ab\ncd\n\nef";
  EXPECT_EQ(LocateOffset(text, 0).line, 1);
  EXPECT_EQ(LocateOffset(text, 4).line, 2);
  EXPECT_EQ(LocateOffset(text, 4).column, 2);
  EXPECT_EQ(LocateOffset(text, 8).line, 4);
  EXPECT_EQ(LocateOffset("a\r\nb\rc", 5).line, 3);  // CRLF and a lone CR end lines
  EXPECT_EQ(LocateOffset("a\r\nb\rc", 5).column, 1);
}

}  // namespace
}  // namespace claimcheck
