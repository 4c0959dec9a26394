#include "ingest/text_cleanup.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/strings.h"

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

// The byte-at-a-time versions the fast ones replaced: the reference for every input.
std::string ReferenceSpaces(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view rest = text.substr(i);
    if (StartsWith(rest, "\xC2\xA0")) {
      out += ' ';
      i += 1;
    } else if (StartsWith(rest, "\xE2\x80\x87") || StartsWith(rest, "\xE2\x80\x89") ||
               StartsWith(rest, "\xE2\x80\xAF")) {
      out += ' ';
      i += 2;
    } else if (StartsWith(rest, "\xE2\x80\x8B") || StartsWith(rest, "\xEF\xBB\xBF")) {
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string ReferenceTidy(std::string_view text) {
  std::string out;
  bool blank_pending = false;
  for (const std::string& raw : Split(text, '\n')) {
    std::string_view line = raw;
    size_t end = line.find_last_not_of(" \t\f\v");
    line = end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
    if (line.empty()) {
      blank_pending = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    out += line;
  }
  return out;
}

std::string ReferenceLineEnds(std::string_view text) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Seeded random texts over spaces, line ends, fixed-width and zero-width spaces, a BOM
// and Vietnamese letters (and their lead bytes alone, as near misses).
std::vector<std::string> CleanupTexts() {
  const std::vector<std::string> alphabet = {
      "a", "B", " ", "\t", "\f", "\v", "\n", "\r", "\r\n", "\xC2\xA0", "\xE2\x80\x87", "\xE2\x80\x89",
      "\xE2\x80\xAF", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xE2\x80\x9C", "\xC2\xAB", "\xE1\xBB\x87",
      "\xC6\xB0", "12345678", "abcdefghij"};
  std::vector<std::string> out = {"", "\xEF\xBB\xBF", "\n\n", "a\xEF\xBB\xBF" "b"};
  std::mt19937 rng(7);
  for (int k = 0; k < 3000; ++k) {
    std::string s;
    int length = static_cast<int>(rng() % 30);
    for (int i = 0; i < length; ++i) s += alphabet[rng() % alphabet.size()];
    out.push_back(s);
  }
  return out;
}

TEST(TextCleanupTest, FastStepsAgreeWithByteAtATimeVersions) {
  for (const std::string& s : CleanupTexts()) {
    EXPECT_EQ(NormalizeSpaces(s), ReferenceSpaces(s)) << s;
    EXPECT_EQ(TidyLines(s), ReferenceTidy(s)) << s;
    EXPECT_EQ(NormalizeLineEnds(s), ReferenceLineEnds(s)) << s;
  }
}

}  // namespace
}  // namespace claimcheck
