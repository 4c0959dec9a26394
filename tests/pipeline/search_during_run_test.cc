// The full-text indexes during a run (IngestAndExtract): filled in slices while
// the documents come in, not only after the last one, and at the end of the run
// holding every stored row exactly once. SQLiteCpp is linked directly to read
// the indexes.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pipeline/pipeline.h"
#include "shipped_rules.h"
#include "store/store.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

// More documents than one slice of the run's indexing (2,048) holds.
constexpr int kDocuments = 2600;

void WriteFeed(const fs::path& path) {
  std::ofstream out(path);
  for (int i = 0; i < kDocuments; ++i) {
    out << "{\"url\": \"https://example.test/flood/" << i
        << "\", \"outlet\": \"example.test\", \"published\": \"2025-03-01\", \"language\": \"vi\", "
           "\"title\": \"Bản tin số "
        << i << "\", \"text\": \"Theo chính quyền tỉnh, khoảng " << (100 + i)
        << " người đã thiệt mạng do lũ lụt tại Quảng Ngãi. Đây là bản tin số " << i << ".\"}\n";
  }
}

int64_t Query(const std::string& db_path, const std::string& sql) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY, /*busy_timeout_ms=*/5000);
  SQLite::Statement st(db, sql);
  return st.executeStep() ? st.getColumn(0).getInt64() : -1;
}

class SearchDuringRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("claimcheck-search-run-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    WriteFeed(dir_ / "feed.jsonl");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(SearchDuringRunTest, IndexedInSlicesWhileTheRunGoesOn) {
  const std::string db_path = (dir_ / "run.db").string();
  auto opened = Store::Open(db_path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  DiagnosticSink sink;
  int seen = 0;
  int64_t indexed_midway = -1;
  auto stats = IngestAndExtract({(dir_ / "feed.jsonl").string()}, ShippedRules(), 0, opened->get(), &sink,
                                [&](const Document&) {
                                  // Past the first slice, before the last document.
                                  if (++seen == 2400) {
                                    indexed_midway = Query(db_path, "SELECT documents_upto FROM search_index_state");
                                  }
                                });
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->documents_new, kDocuments);
  EXPECT_EQ(indexed_midway, 2048);
  opened->reset();

  EXPECT_EQ(Query(db_path, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'thiet mang'"), kDocuments);
  EXPECT_EQ(Query(db_path, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'title: \"ban tin so 2599\"'"), 1);
  const int64_t claims = Query(db_path, "SELECT count(*) FROM claims");
  EXPECT_GE(claims, kDocuments);
  EXPECT_EQ(Query(db_path, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'nguoi'"),
            Query(db_path, "SELECT count(*) FROM claims WHERE quote LIKE '%người%' OR sentence LIKE '%người%'"));
  // FTS5's integrity check with rank = 1 compares each index with its content
  // table: it fails on a missing, extra (indexed twice) or stale entry.
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE, /*busy_timeout_ms=*/5000);
  EXPECT_NO_THROW(db.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_NO_THROW(db.exec("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_EQ(Query(db_path, "SELECT documents_upto = (SELECT max(id) FROM documents) AND "
                           "claims_upto = (SELECT max(id) FROM claims) FROM search_index_state"),
            1);
}

}  // namespace
}  // namespace claimcheck
