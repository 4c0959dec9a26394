// A full check remembers the text copies it found (copy_memory, copy_pairs), and the
// next one over the same documents and more joins only the new ones with the others
// (CheckConflicts -> FindCopyGroups with the stored memory). The rows are those of a
// check without the memory; a pair planted in the memory shows that it is read.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "feed_store_fixture.h"
#include "pipeline/pipeline.h"
#include "shipped_rules.h"
#include "store/store.h"

namespace claimcheck {
namespace {

// One flood report per entry: (url, outlet, the toll, which wording). Two entries with
// one wording are copies of each other (the second outlet republished the first).
struct Report {
  std::string url, outlet;
  int killed;
  int wording;
};

void WriteReports(const std::filesystem::path& path, const std::vector<Report>& reports) {
  static const char* kWordings[] = {
      "Officials in Quang Ngai said on Monday that %d people were killed when the storm reached the coast "
      "and tore roofs from houses in four districts, while rescue boats searched the flooded rice fields.",
      "The provincial committee reported that the floods left %d people dead across Quang Ngai, after two "
      "nights of rain pushed the rivers over their banks and cut the coastal road in several places.",
      "Rescue teams working through the weekend counted %d deaths in Quang Ngai, most of them in villages "
      "along the river, and warned that landslides still blocked the mountain passes to the west.",
      "At least %d people died in Quang Ngai as the water rose overnight, the police said, adding that "
      "thousands of families had moved to schools and pagodas on higher ground before dawn.",
  };
  std::ofstream out(path);
  for (const Report& r : reports) {
    char text[512];
    std::snprintf(text, sizeof text, kWordings[r.wording], r.killed);
    out << "{\"url\": \"" << r.url << "\", \"outlet\": \"" << r.outlet
        << "\", \"published\": \"2025-03-04\", \"language\": \"en\", \"text\": \"" << text << "\"}\n";
  }
}

class CopyMemoryTest : public FeedStoreTest {
 protected:
  CopyMemoryTest() : FeedStoreTest("claimcheck-copy-memory") {}

  // One nightly run of `feed` into `store`: ingest, check.
  static void Run(const std::filesystem::path& feed, Store* store) {
    Result<int64_t> run = store->BeginRun("2025-03-10T00:00:00Z", "feed");
    ASSERT_TRUE(run.ok());
    DiagnosticSink sink;
    auto stats = IngestAndExtract({feed.string()}, ShippedRules(), *run, store, &sink);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    Result<Store::ConflictDelta> delta = CheckConflicts(ShippedRules(), *run, store);
    ASSERT_TRUE(delta.ok()) << delta.status().ToString();
  }

  // The active conflicts as rows (no claim ids: two databases number claims apart).
  static std::string Rows(const std::string& db_path) {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY, /*busy_timeout_ms=*/5000);
    SQLite::Statement st(db,
                         "SELECT c.id, rule_id, severity, a_quote, b_quote, s.support_a, s.support_b, s.content_hash "
                         "FROM conflicts c JOIN conflict_state s ON s.conflict_id = c.id WHERE c.active = 1 "
                         "ORDER BY c.id");
    std::string out;
    while (st.executeStep()) {
      for (int i = 0; i < st.getColumnCount(); ++i) out += st.getColumn(i).getString() + "|";
      out += "\n";
    }
    return out;
  }

  // The rows a first check over `reports` finds in a database of its own.
  std::string FreshRows(const std::vector<Report>& reports) {
    const std::filesystem::path feed = dir_ / "fresh.jsonl";
    const std::string db = (dir_ / "fresh.sqlite").string();
    std::filesystem::remove(db);
    WriteReports(feed, reports);
    {
      auto fresh = Store::Open(db);
      EXPECT_TRUE(fresh.ok());
      Run(feed, fresh->get());
    }
    return Rows(db);
  }
};

TEST_F(CopyMemoryTest, TheNextCheckJoinsOnlyNewDocumentsAndFindsTheSameRows) {
  std::vector<Report> reports = {
      {"https://a.test/1", "a.test", 120, 0},
      {"https://b.test/1", "b.test", 80, 1},
      {"https://c.test/1", "c.test", 120, 0},  // a copy of a.test's
      {"https://d.test/1", "d.test", 45, 2},
  };
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  // The memory: every document, and a.test's copy.
  EXPECT_EQ(Query("SELECT upto FROM copy_memory"), "4\n");
  EXPECT_EQ(Query("SELECT file_a, file_b FROM copy_pairs"), "https://a.test/1|https://c.test/1\n");
  ASSERT_EQ(Rows(db_), FreshRows(reports));

  // The next night: a copy of b.test's report (smaller texts and larger ones are
  // both joined from the new side), and a new figure.
  reports.push_back({"https://e.test/1", "e.test", 80, 1});
  reports.push_back({"https://f.test/1", "f.test", 300, 3});
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  EXPECT_EQ(Query("SELECT upto FROM copy_memory"), "6\n");
  EXPECT_EQ(Query("SELECT file_a, file_b FROM copy_pairs"),
            "https://a.test/1|https://c.test/1\nhttps://b.test/1|https://e.test/1\n");
  EXPECT_EQ(Rows(db_), FreshRows(reports));
}

TEST_F(CopyMemoryTest, APlantedPairIsReadAndAChangedDocumentDropsTheMemory) {
  std::vector<Report> reports = {
      {"https://a.test/1", "a.test", 120, 0},
      {"https://b.test/1", "b.test", 80, 1},
      {"https://d.test/1", "d.test", 45, 2},
  };
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  const std::string between_a_and_b =
      "SELECT count(*) FROM conflicts WHERE active = 1 AND a_file = 'https://a.test/1' AND b_file = "
      "'https://b.test/1'";
  ASSERT_EQ(Query(between_a_and_b), "1\n");
  // a.test and b.test planted as copies: the next check (a new document) reads the
  // memory and takes them for one source, so their conflict is resolved.
  Exec("INSERT INTO copy_pairs VALUES ('https://a.test/1', 'https://b.test/1')");
  reports.push_back({"https://f.test/1", "f.test", 300, 3});
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  EXPECT_EQ(Query(between_a_and_b), "0\n");
  // A corrected figure in a document the memory covers: not used, the pair is judged
  // from the texts again, and the conflict is back.
  reports[2].killed = 46;
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  EXPECT_EQ(Query(between_a_and_b), "1\n");
  EXPECT_EQ(Query("SELECT count(*) FROM copy_pairs"), "0\n");
  // Deleting the memory by hand: the next check joins every document, the same rows.
  Exec("INSERT INTO copy_pairs VALUES ('https://a.test/1', 'https://b.test/1')");
  Exec("DELETE FROM copy_memory");
  reports.push_back({"https://g.test/1", "g.test", 310, 3});
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  EXPECT_EQ(Query(between_a_and_b), "1\n");
  EXPECT_EQ(Rows(db_), FreshRows(reports));
}

// Each document's copy features are cached (copy_features): a check reads a text
// only when its features under these options and for its present content are not.
TEST_F(CopyMemoryTest, CopyFeaturesAreTakenFromTheCacheNotFromTheTexts) {
  std::vector<Report> reports = {
      {"https://a.test/1", "a.test", 120, 0},
      {"https://b.test/1", "b.test", 80, 1},
      {"https://c.test/1", "c.test", 120, 0},  // a copy of a.test's
  };
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  EXPECT_EQ(Query("SELECT count(*) FROM copy_features"), "3\n");
  // The stored texts blanked (their hashes kept) and the memory dropped: the next
  // check joins every document again, from the cached features, and still finds
  // a.test's copy.
  Exec("UPDATE documents SET text = ''");
  Exec("DELETE FROM copy_memory");
  reports.push_back({"https://d.test/1", "d.test", 45, 2});
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  EXPECT_EQ(Query("SELECT count(*) FROM copy_features"), "4\n");
  EXPECT_EQ(Query("SELECT file_a, file_b FROM copy_pairs"), "https://a.test/1|https://c.test/1\n");
  // Without the cache the blank texts are read: no copies.
  Exec("DELETE FROM copy_features");
  Exec("DELETE FROM copy_memory");
  reports.push_back({"https://e.test/1", "e.test", 46, 3});
  WriteReports(feed_, reports);
  Run(feed_, store_.get());
  EXPECT_EQ(Query("SELECT count(*) FROM copy_pairs"), "0\n");
}

}  // namespace
}  // namespace claimcheck
