// Tests of the two JSON readers: manifest.json and feed lines.
#include <gtest/gtest.h>

#include "ingest/feed_line.h"
#include "ingest/manifest.h"

namespace claimcheck {
namespace {

std::string Messages(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.items()) out += d.ToString() + "\n";
  return out;
}

TEST(ManifestTest, ParsesEntries) {
  DiagnosticSink sink;
  std::vector<ManifestEntry> entries = ParseManifest(
      "[\n {\"file\": \"a.txt\", \"url\": \"u\", \"outlet\": \"o\", \"language\": \"vi\",\n"
      "  \"published\": null},\n {\"file\": \"b.txt\", \"published\": \"2024-11\"}\n]",
      "d/manifest.json", &sink);
  EXPECT_TRUE(sink.empty()) << Messages(sink);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].file, "a.txt");
  EXPECT_EQ(entries[0].url, "u");
  EXPECT_EQ(entries[0].outlet, "o");
  EXPECT_EQ(entries[0].language, "vi");
  EXPECT_EQ(entries[0].published, "");
  EXPECT_EQ(entries[0].line, 2);
  EXPECT_EQ(entries[1].published, "2024-11");
  EXPECT_EQ(entries[1].line, 4);
}

TEST(ManifestTest, ReportsErrors) {
  const std::pair<std::string, std::string> cases[] = {
      {"[\n{\"file\": \"a.txt\",,}\n]", "m.json:2:18: error: not valid JSON, so no entry of it is used"},
      {"not json at all", "m.json:1:2: error: not valid JSON"},
      {"{\"file\": \"a.txt\"}", "m.json:1: error: manifest must be a JSON array of entries"},
      {"[1]", "m.json: error: manifest entry 1: not an object"},
      {"[{\"url\": \"x\"}]", "m.json: error: manifest entry 1: \"file\" must be a non-empty string"},
      {"[{\"file\": \"a\", \"outlet\": 3}]",
       "m.json:1: error: manifest entry 1 (\"a\"): url, outlet, language and published must be"},
  };
  for (const auto& [json, message] : cases) {
    DiagnosticSink sink;
    ParseManifest(json, "m.json", &sink);
    EXPECT_EQ(Messages(sink).substr(0, message.size()), message) << json;
  }
}

TEST(FeedLineTest, ParsesRecord) {
  std::string error;
  std::optional<FeedRecord> record = ParseFeedLine(
      R"({"url": "https://e.org/1", "outlet": "e.org", "published": "2024-10-23T01:00:00Z",)"
      R"( "title": "T", "text": "Body", "language": "en", "extra": 5})",
      &error);
  ASSERT_TRUE(record.has_value()) << error;
  EXPECT_EQ(record->meta.url, "https://e.org/1");
  EXPECT_EQ(record->meta.outlet, "e.org");
  EXPECT_EQ(record->meta.published, "2024-10-23");
  EXPECT_EQ(record->meta.title, "T");
  EXPECT_EQ(record->meta.language, "en");
  EXPECT_EQ(record->text, "Body");
}

TEST(FeedLineTest, RejectsBadLines) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"text": "cut off)", "malformed JSON at byte 18 of the line"},
      {R"(["text"])", "a feed line must be a JSON object"},
      {R"({"url": "u"})", "missing or empty \"text\""},
      {R"({"text": "  "})", "missing or empty \"text\""},
      {R"({"text": "x", "title": 7})", "field \"title\" must be a string"},
      {R"({"text": "x", "published": "last week"})", "unreadable \"published\" date \"last week\""},
  };
  for (const auto& [line, message] : cases) {
    std::string error;
    EXPECT_FALSE(ParseFeedLine(line, &error).has_value()) << line;
    EXPECT_EQ(error, message) << line;
  }
}

}  // namespace
}  // namespace claimcheck
