#include "ingest/input_decoder.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

// "encoding | text | diagnostics" in one line, for table comparisons.
std::string Summary(const DecodedInput& d) {
  std::string out = d.ok ? d.encoding + " | " + d.text : "refused";
  for (Diagnostic diag : d.diagnostics) {
    diag.file = "f";
    out += " | " + diag.ToString();
  }
  return out;
}

TEST(InputDecoderTest, Cases) {
  const std::pair<std::string, std::string> cases[] = {
      {"Ch\xC3\xA0o", "utf-8 | Chào"},
      {"\xEF\xBB\xBF" "Ch\xC3\xA0o", "utf-8 | Chào"},  // UTF-8 BOM dropped silently
      {"", "refused | f: error: empty file"},
      // A few bad bytes in UTF-8 text: repaired, with the line and column of the first.
      {"D\xC3\xB2ng m\xE1\xBB\x99t\nD\xC3\xB2ng \xFF ba\n",
       "utf-8 | Dòng một\nDòng \uFFFD ba\n | f:2:7: warning: invalid UTF-8: 1 bad byte sequence "
       "replaced with U+FFFD (first at byte offset 18)"},
      // NUL bytes inside a good article: dropped.
      {std::string("Mot hai ba\0 bon nam sau bay tam\0\nchin muoi", 42),
       "utf-8 | Mot hai ba bon nam sau bay tam\nchin muoi | f:1:11: warning: 2 NUL or control "
       "bytes dropped"},
      // UTF-16 with a byte-order mark, both ends.
      {std::string("\xFF\xFE" "A\0\xC7\x1E\r\0\n\0", 10),
       "utf-16le | A\xE1\xBB\x87\r\n | f: warning: read as UTF-16LE (byte-order mark)"},
      {std::string("\xFE\xFF\0A\0B", 6), "utf-16be | AB | f: warning: read as UTF-16BE (byte-order mark)"},
      // UTF-16LE without a BOM: every other byte is zero.
      {std::string("N\0o\0 \0B\0O\0M\0 \0h\0e\0r\0e\0", 22),
       "utf-16le | No BOM here | f: warning: read as UTF-16LE (no byte-order mark; guessed from "
       "its zero bytes)"},
      // Windows-1258 Vietnamese: converted (NFC comes later, in DocumentFromText).
      {"L\xE3\xDE l\xE0m 12 ng\xFD\xF5\xCCi ch\xEA\xECt.",
       "windows-1258 | L\xC4\x83\xCC\x83 l\xC3\xA0m 12 ng\xC6\xB0\xC6\xA1\xCC\x80i "
       "ch\xC3\xAA\xCC\x81t. | f: warning: not UTF-8: read as windows-1258 (Vietnamese legacy "
       "encoding)"},
      // TCVN3: refused, naming the suspected encoding.
      {"Tr\xAAn \xAE\xB8 l\xB5m ng\xAD\xEAi ch\xDFt",
       "refused | f: error: not UTF-8 (7 invalid bytes, 0 valid multi-byte characters); suspected "
       "encoding: TCVN3 (ABC); convert the file to UTF-8"},
      // Binary data.
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
       "refused | f: error: looks like binary data (PNG image); not read"},
      {std::string("\x01\x02\x03\x04\x05\x06text\x07\x08", 12),
       "refused | f: error: looks like binary data (66% control bytes); not read"},
  };
  for (const auto& [raw, summary] : cases) EXPECT_EQ(Summary(DecodeInput(raw)), summary) << raw;
}

TEST(InputDecoderTest, Utf8WithManyBadBytesIsStillUtf8WhenMostCharactersAreGood) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Vi\xE1\xBB\x87t Nam ";
  text += "\xFF\xFE\xFD";
  DecodedInput d = DecodeInput(text);
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.encoding, "utf-8");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_NE(d.diagnostics[0].message.find("invalid UTF-8"), std::string::npos);
}

TEST(InputDecoderTest, BinaryReason) {
  EXPECT_EQ(BinaryReason("plain text\n"), "");
  EXPECT_EQ(BinaryReason(std::string("text with one \0 NUL byte in a longer line of words", 49)), "");
  EXPECT_EQ(BinaryReason("%PDF-1.7"), "PDF document");
  EXPECT_EQ(BinaryReason(std::string("SQLite format 3\0", 16)), "SQLite database");
}

}  // namespace
}  // namespace claimcheck
