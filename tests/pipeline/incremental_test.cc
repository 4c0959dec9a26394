// Incremental runs: an input whose raw bytes are stored unchanged is skipped before
// it is parsed (IngestOptions::skip_unchanged), counted as unchanged, and the stored
// claims stay exactly as an uninterrupted first run left them; a changed line is
// read again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "shipped_rules.h"
#include "store/store.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

const Knowledge& Rules() { return ShippedRules(); }

std::string Line(int i, int killed) {
  return "{\"url\": \"https://example.test/a/" + std::to_string(i) +
         "\", \"outlet\": \"example.test\", \"published\": \"2025-03-0" + std::to_string(1 + i) +
         "\", \"language\": \"en\", \"text\": \"Officials said about " + std::to_string(killed) +
         " people were killed in Quang Ngai when the storm hit the coast.\"}\n";
}

void WriteFeed(const fs::path& path, const std::vector<int>& killed) {
  std::ofstream out(path);
  for (size_t i = 0; i < killed.size(); ++i) out << Line(static_cast<int>(i), killed[i]);
}

std::string Claims(Store* store) {
  auto claims = store->LoadClaims();
  EXPECT_TRUE(claims.ok());
  std::string out;
  for (const Claim& c : *claims) out += c.ToString() + "\n";
  return out;
}

class IncrementalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("claimcheck-incremental-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(IncrementalTest, UnchangedLinesAreSkippedBeforeParsing) {
  const fs::path feed = dir_ / "feed.jsonl";
  WriteFeed(feed, {120, 80, 45});
  DiagnosticSink sink;
  std::vector<std::string> hashes;
  IngestInputs({feed.string()}, Rules().ingest, &sink, [&](Document d) { hashes.push_back(d.raw_hash); });
  ASSERT_EQ(hashes.size(), 3u);
  EXPECT_EQ(hashes[0].size(), 16u);
  EXPECT_NE(hashes[0], hashes[1]);
  // Skipping the first two: only the third is parsed and emitted; the callback saw all three.
  IngestOptions options = Rules().ingest;
  std::vector<std::string> asked;
  options.skip_unchanged = [&](const std::string& h) {
    asked.push_back(h);
    return h != hashes[2];
  };
  std::vector<std::string> emitted;
  IngestInputs({feed.string()}, options, &sink, [&](Document d) { emitted.push_back(d.raw_hash); });
  EXPECT_EQ(asked, hashes);
  EXPECT_EQ(emitted, std::vector<std::string>{hashes[2]});
  EXPECT_EQ(sink.error_count(), 0);
}

TEST_F(IncrementalTest, RerunSkipsUnchangedAndRereadsChanged) {
  const fs::path feed = dir_ / "feed.jsonl";
  WriteFeed(feed, {120, 80, 45});
  auto opened = Store::Open((dir_ / "db.sqlite").string());
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Store* store = opened.value().get();
  DiagnosticSink sink;
  auto first = IngestAndExtract({feed.string()}, Rules(), 0, store, &sink);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->documents_new, 3);
  const std::string stored = Claims(store);
  EXPECT_NE(stored.find("120"), std::string::npos) << stored;

  auto second = IngestAndExtract({feed.string()}, Rules(), 0, store, &sink);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->documents_unchanged, 3);
  EXPECT_EQ(second->documents_new + second->documents_changed, 0);
  EXPECT_EQ(Claims(store), stored);

  WriteFeed(feed, {120, 95, 45});  // one figure corrected
  auto third = IngestAndExtract({feed.string()}, Rules(), 0, store, &sink);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->documents_changed, 1);
  EXPECT_EQ(third->documents_unchanged, 2);
  const std::string after = Claims(store);
  EXPECT_NE(after.find("95"), std::string::npos) << after;
  EXPECT_EQ(sink.error_count(), 0);
}

}  // namespace
}  // namespace claimcheck
