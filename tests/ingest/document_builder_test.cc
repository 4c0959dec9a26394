#include "ingest/document_builder.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

IngestOptions TestOptions() {
  IngestOptions options;
  options.clutter_markers = {"Cùng chuyên mục", "Read more"};
  options.source_prefixes = {"Nguồn:", "Theo", "Source:"};
  return options;
}

Document Meta(std::string path) {
  Document meta;
  meta.file = path;
  meta.path = path;
  return meta;
}

// "file outlet=... published=... lang=... title=... | text" for compact expectations.
std::string Describe(const Document& d) {
  return d.file + " outlet=" + d.outlet + " published=" + d.published + " lang=" + d.language +
         " title=" + d.title + " | " + d.text;
}

TEST(DocumentBuilderTest, DetectsMetadataAndCleansText) {
  struct Case {
    std::string raw;
    std::string expected;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBFTin ngắn hôm nay\r\n\r\nThứ 7, 10/01/2026 11:08\r\nNội dung bài viết ở đây.\r\n"
       "Minh (Theo Military Watch)\r\nCùng chuyên mục\r\nTin rác",
       "a.txt outlet=Military Watch published=2026-01-10 lang=vi title=Tin ngắn hôm nay | "
       "Tin ngắn hôm nay\n\nThứ 7, 10/01/2026 11:08\nNội dung bài viết ở đây.\n"
       "Minh (Theo Military Watch)"},
      {" date 2025-10-24 Nhà lãnh đạo nói hợp tác sẽ tiếp tục phát triển mạnh.",
       "a.txt outlet= published=2025-10-24 lang=vi title= | "
       "Nhà lãnh đạo nói hợp tác sẽ tiếp tục phát triển mạnh."},
      {"Troops moved east, officials said on 24/10.\nRead more\nOther",
       "a.txt outlet= published= lang=en title= | Troops moved east, officials said on 24/10."},
  };
  for (const Case& c : cases) {
    Diagnostic error;
    std::optional<Document> doc = DocumentFromText(c.raw, Meta("a.txt"), TestOptions(), &error);
    ASSERT_TRUE(doc.has_value()) << error.ToString();
    EXPECT_EQ(Describe(*doc), c.expected);
  }
}

TEST(DocumentBuilderTest, GivenMetadataWins) {
  Document meta = Meta("b.txt");
  meta.outlet = "vnexpress.net";
  meta.published = "2024-10-23";
  meta.language = "en";
  meta.title = "Given";
  Diagnostic error;
  std::optional<Document> doc = DocumentFromText(
      " date 2025-01-01 Bài viết.\nNguồn: Khác", meta, TestOptions(), &error);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(Describe(*doc),
            "b.txt outlet=vnexpress.net published=2024-10-23 lang=en title=Given | "
            "Bài viết.\nNguồn: Khác");
}

TEST(DocumentBuilderTest, NormalizesToNfc) {
  // "Việt" with decomposed marks: e + U+0323 (dot below) + U+0302 (circumflex).
  std::string nfd = "Vie\xCC\xA3\xCC\x82t Nam";
  Diagnostic error;
  std::optional<Document> doc = DocumentFromText(nfd, Meta("n.txt"), TestOptions(), &error);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->text, "Vi\xE1\xBB\x87t Nam");  // U+1EC7
}

TEST(DocumentBuilderTest, ReportsInvalidUtf8WithLine) {
  Diagnostic error;
  std::optional<Document> doc =
      DocumentFromText("line one\nline two\nbad \xC3\x28 here\n", Meta("dir/bad.txt"),
                       TestOptions(), &error);
  EXPECT_FALSE(doc.has_value());
  EXPECT_EQ(error.ToString(), "dir/bad.txt:3:5: error: invalid UTF-8 (byte offset 22)");
}

TEST(DocumentBuilderTest, ReportsEmptyText) {
  Diagnostic error;
  EXPECT_FALSE(DocumentFromText(" \r\n\n", Meta("e.txt"), TestOptions(), &error).has_value());
  EXPECT_EQ(error.file, "e.txt");
  EXPECT_NE(error.message.find("empty"), std::string::npos);
  EXPECT_FALSE(DocumentFromText("Cùng chuyên mục\nTin rác", Meta("e.txt"), TestOptions(), &error)
                   .has_value());
}

TEST(DocumentBuilderTest, HashCoversTextAndMetadata) {
  Diagnostic error;
  Document a = *DocumentFromText("Same text.", Meta("a.txt"), TestOptions(), &error);
  Document b = *DocumentFromText("Same text.\r\n", Meta("b.txt"), TestOptions(), &error);
  EXPECT_EQ(a.content_hash.size(), 16u);
  EXPECT_EQ(a.content_hash, b.content_hash);  // file name and line ends are not content
  Document meta = Meta("a.txt");
  meta.outlet = "x";
  Document c = *DocumentFromText("Same text.", meta, TestOptions(), &error);
  EXPECT_NE(a.content_hash, c.content_hash);
  Document d = *DocumentFromText("Other text.", Meta("a.txt"), TestOptions(), &error);
  EXPECT_NE(a.content_hash, d.content_hash);
}

}  // namespace
}  // namespace claimcheck
