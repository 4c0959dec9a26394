// The claim-stream line format: every field survives a round trip, bad lines
// are rejected with a reason.
#include "pipeline/claim_stream.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

Document SampleDocument() {
  Document d;
  d.file = "https://example.org/a/1";
  d.path = "stdin:3";
  d.url = "https://example.org/a/1";
  d.outlet = "báo mẫu";
  d.language = "vi";
  d.published = "2024-06-19";
  d.title = "Tin \"mẫu\"";
  d.text = "Khoảng 1.500 binh sĩ đã được điều tới.\nDòng hai.";
  d.content_hash = "0123456789abcdef";
  return d;
}

TEST(ClaimStreamTest, RoundTripKeepsEveryField) {
  Claim a;
  a.kind = ClaimKind::kCount;
  a.metric = "troops_deployed";
  a.subject = "north_korea";
  a.value = 1500;
  a.qualifier = Qualifier::kApprox;
  a.low = 1350.5;
  a.high = std::nullopt;
  a.unit = "people";
  a.as_of = "2024-06";
  a.as_of_inferred = true;
  a.attributed_to = "NIS";
  a.quote = "Khoảng 1.500 binh sĩ";
  a.sentence = "Khoảng 1.500 binh sĩ đã được điều tới.";
  a.span_begin = 0;
  a.span_end = 26;
  a.confidence = 0.1 + 0.2;  // not exactly representable: must round-trip bit for bit
  a.pattern_id = "count/troops";
  Claim b;
  b.kind = ClaimKind::kDate;
  b.metric = "treaty_signed";
  b.subject = "russia_north_korea";
  b.qualifier = Qualifier::kExact;
  b.date = "2024-06-19";
  b.span_begin = 30;
  b.span_end = 40;

  std::string line = ClaimStreamLine(SampleDocument(), {a, b});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  std::string error;
  std::optional<ClaimStreamRecord> r = ParseClaimStreamLine(line, &error);
  ASSERT_TRUE(r.has_value()) << error;
  Document expected_doc = SampleDocument();
  EXPECT_EQ(r->doc.ToString(), expected_doc.ToString());
  EXPECT_EQ(r->doc.text, expected_doc.text);
  EXPECT_EQ(r->doc.path, expected_doc.path);
  EXPECT_EQ(r->doc.title, expected_doc.title);
  ASSERT_EQ(r->claims.size(), 2u);
  a.file = b.file = expected_doc.file;
  EXPECT_EQ(r->claims[0].ToString(), a.ToString());
  EXPECT_EQ(r->claims[1].ToString(), b.ToString());
  EXPECT_EQ(r->claims[0].confidence, a.confidence);
  EXPECT_EQ(r->claims[0].low, a.low);
  EXPECT_EQ(r->claims[0].high, std::nullopt);
  EXPECT_TRUE(r->claims[0].as_of_inferred);
  EXPECT_EQ(r->claims[0].sentence, a.sentence);
  EXPECT_EQ(r->claims[0].file, expected_doc.file);
}

TEST(ClaimStreamTest, RejectsBadLines) {
  struct Case {
    const char* line;
    const char* error_part;
  };
  const Case cases[] = {
      {"{not json", "not valid JSON"},
      {"[1, 2]", "not a JSON object"},
      {R"({"content_hash": "x"})", "required"},
      {R"({"file": "a", "content_hash": "x", "claims": 3})", "not an array"},
      {R"({"file": "a", "content_hash": "x", "claims": [{"kind": "size", "qualifier": "exact"}]})", "unknown kind"},
      {R"({"file": "a", "content_hash": "x", "claims": [{"kind": "count", "qualifier": "exact", "value": "ten"}]})",
       "wrong type"},
  };
  for (const Case& c : cases) {
    std::string error;
    EXPECT_FALSE(ParseClaimStreamLine(c.line, &error).has_value()) << c.line;
    EXPECT_NE(error.find(c.error_part), std::string::npos) << c.line << " -> " << error;
  }
}

TEST(ClaimStreamTest, DocumentWithoutClaims) {
  std::string error;
  std::optional<ClaimStreamRecord> r =
      ParseClaimStreamLine(ClaimStreamLine(SampleDocument(), {}), &error);
  ASSERT_TRUE(r.has_value()) << error;
  EXPECT_TRUE(r->claims.empty());
}

}  // namespace
}  // namespace claimcheck
