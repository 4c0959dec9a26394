// StreamDocuments: documents come out in input order with the same claims a
// serial Extract gives, whatever the thread count and window; skipped documents
// pass through unextracted; a consumer can stop the stream early.
#include "pipeline/document_stream.h"

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "shipped_rules.h"

namespace claimcheck {
namespace {

const Knowledge& Rules() { return ShippedRules(); }

std::vector<Document> Corpus(int n) {
  std::vector<Document> docs;
  for (int i = 0; i < n; ++i) {
    Document d;
    d.file = "doc" + std::to_string(i);
    d.language = i % 2 ? "vi" : "en";
    d.published = "2024-06-0" + std::to_string(1 + i % 9);
    d.text = i % 2 ? "Theo NIS, khoảng " + std::to_string(100 + i) + " binh sĩ Triều Tiên đã thiệt mạng tại Kursk."
                   : "About " + std::to_string(200 + i) + " North Korean soldiers have been killed near Kursk.";
    if (i % 3 == 0) d.text += " Nothing else happened.";
    d.content_hash = std::to_string(i);
    docs.push_back(d);
  }
  return docs;
}

std::string Dump(const Document& d, const std::vector<Claim>& claims) {
  std::string out = d.file + ":";
  for (const Claim& c : claims) out += " " + c.ToString();
  return out;
}

TEST(DocumentStreamTest, OrderAndClaimsMatchSerialExtraction) {
  const std::vector<Document> docs = Corpus(60);
  std::vector<std::string> serial;
  for (const Document& d : docs) serial.push_back(Dump(d, Rules().extractor->Extract(d)));
  ASSERT_NE(serial[1].find("killed"), std::string::npos) << serial[1];

  for (int threads : {1, 2, 4}) {
    for (size_t window : {1u, 3u, 256u}) {
      std::vector<std::string> streamed;
      StreamOptions options;
      options.threads = threads;
      options.window = window;
      StreamDocuments(
          [&](const std::function<bool(Document)>& emit) {
            for (const Document& d : docs) emit(d);
          },
          *Rules().extractor, options, nullptr, [&](ExtractedDocument& item) {
            EXPECT_FALSE(item.skipped);
            streamed.push_back(Dump(item.doc, item.claims));
            return true;
          });
      EXPECT_EQ(streamed, serial) << "threads=" << threads << " window=" << window;
    }
  }
}

TEST(DocumentStreamTest, SkippedDocumentsPassThroughInOrder) {
  const std::vector<Document> docs = Corpus(20);
  std::vector<std::string> seen;
  StreamOptions options;
  options.threads = 2;
  options.window = 4;
  StreamDocuments(
      [&](const std::function<bool(Document)>& emit) {
        for (const Document& d : docs) emit(d);
      },
      *Rules().extractor, options, [](const Document& d) { return d.file.back() == '5'; },
      [&](ExtractedDocument& item) {
        seen.push_back(item.doc.file + (item.skipped ? " skipped" : "") +
                       (item.claims.empty() ? "" : " claims"));
        return true;
      });
  ASSERT_EQ(seen.size(), 20u);
  EXPECT_EQ(seen[5], "doc5 skipped");
  EXPECT_EQ(seen[15], "doc15 skipped");
  EXPECT_EQ(seen[6], "doc6 claims");
}

TEST(DocumentStreamTest, ConsumerStopsEarly) {
  const std::vector<Document> docs = Corpus(200);
  int consumed = 0;
  int produced = 0;
  StreamOptions options;
  options.threads = 2;
  options.window = 8;
  StreamDocuments(
      [&](const std::function<bool(Document)>& emit) {
        for (const Document& d : docs) {
          ++produced;
          if (!emit(d)) return;
        }
      },
      *Rules().extractor, options, nullptr, [&](ExtractedDocument&) { return ++consumed < 5; });
  EXPECT_EQ(consumed, 5);
  EXPECT_LT(produced, 200);  // the reader stopped instead of reading everything
}

}  // namespace
}  // namespace claimcheck
