// Full-text indexes filled in bulk (migration 0007, Store::IndexForSearch): new
// rows are found after indexing, edits before or after indexing leave the index
// exactly in step with the tables (FTS5's own integrity check against the
// content tables), large batches go in slices, and a database indexed by the
// old triggers keeps its index when upgraded.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/migration.h"
#include "store/migrator.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

using PutOutcome = Store::PutOutcome;

int64_t Count(const std::string& db_path, const std::string& sql, const std::string& match) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, sql);
  st.bind(1, match);
  return st.executeStep() ? st.getColumn(0).getInt64() : -1;
}

int64_t DocumentsMatching(const std::string& db_path, const std::string& query) {
  return Count(db_path, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", query);
}

int64_t ClaimsMatching(const std::string& db_path, const std::string& query) {
  return Count(db_path, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?", query);
}

// FTS5's integrity check with rank = 1 also compares the index with the
// content table: it fails on a missing, extra or stale entry.
void ExpectIndexesInStep(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  EXPECT_NO_THROW(db.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_NO_THROW(db.exec("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)"));
}

std::string Marks(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db,
                       "SELECT documents_upto, claims_upto, (SELECT max(id) FROM documents), "
                       "(SELECT max(id) FROM claims) FROM search_index_state");
  if (!st.executeStep()) return "no row";
  return st.getColumn(0).getString() + "/" + st.getColumn(2).getString() + " " +
         st.getColumn(1).getString() + "/" + st.getColumn(3).getString();
}

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = OpenOrDie(tmp_.path()); }

  PutOutcome Put(const std::string& file, const std::string& text, const std::string& quote) {
    Document doc = MakeDocument(file, text);
    std::vector<Claim> claims = {MakeClaim(600, quote)};
    Result<PutOutcome> outcome = store_->PutDocument(0, doc, claims);
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return outcome.ok() ? *outcome : PutOutcome::kUnchanged;
  }

  void Index() {
    Status s = store_->IndexForSearch();
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  TempDbPath tmp_;
  std::unique_ptr<Store> store_;
};

TEST_F(SearchIndexTest, NewRowsAreFoundOnceIndexed) {
  ASSERT_EQ(Put("a.txt", "Khoảng 600 binh sĩ thiệt mạng.", "600 binh sĩ thiệt mạng"), PutOutcome::kNew);
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thiet mang"), 0);
  EXPECT_EQ(ClaimsMatching(tmp_.path(), "thiet mang"), 0);
  Index();
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thiet mang"), 1);
  EXPECT_EQ(ClaimsMatching(tmp_.path(), "thiet mang"), 1);
  EXPECT_EQ(Marks(tmp_.path()), "1/1 1/1");
  Index();  // nothing new: indexing again adds nothing
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thiet mang"), 1);
  ExpectIndexesInStep(tmp_.path());
}

TEST_F(SearchIndexTest, EditAfterIndexingReplacesTheEntries) {
  Put("a.txt", "Khoảng 600 binh sĩ thiệt mạng.", "600 binh sĩ thiệt mạng");
  Index();
  ASSERT_EQ(Put("a.txt", "Khoảng 2.000 binh sĩ bị thương.", "2.000 binh sĩ bị thương"), PutOutcome::kChanged);
  // The old entries leave the index at once; the new text waits for indexing.
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thiet"), 0);
  EXPECT_EQ(ClaimsMatching(tmp_.path(), "thiet"), 0);
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thuong"), 1);  // the title/text update trigger re-indexes the row
  Index();
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thuong"), 1);
  EXPECT_EQ(ClaimsMatching(tmp_.path(), "thuong"), 1);
  ExpectIndexesInStep(tmp_.path());
}

TEST_F(SearchIndexTest, EditBeforeIndexingIndexesOnlyTheLatestText) {
  // A run stopped before indexing, then a later run edits the document.
  Put("a.txt", "Khoảng 600 binh sĩ thiệt mạng.", "600 binh sĩ thiệt mạng");
  Put("a.txt", "Khoảng 2.000 binh sĩ bị thương.", "2.000 binh sĩ bị thương");
  Index();
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thiet"), 0);
  EXPECT_EQ(ClaimsMatching(tmp_.path(), "thiet"), 0);
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "thuong"), 1);
  EXPECT_EQ(ClaimsMatching(tmp_.path(), "thuong"), 1);
  ExpectIndexesInStep(tmp_.path());
}

TEST_F(SearchIndexTest, LargeBatchesGoInSlices) {
  // More documents and claims than one slice of each holds (small slices here).
  std::vector<std::pair<Document, std::vector<Claim>>> batch;
  for (int i = 0; i < 2500; ++i) {
    std::string n = std::to_string(i);
    std::vector<Claim> claims;
    for (int k = 0; k < 9; ++k) claims.push_back(MakeClaim(k, "con số " + n + " thứ " + std::to_string(k)));
    batch.emplace_back(MakeDocument("d" + n + ".txt", "Bài số " + n + " về lũ lụt."), std::move(claims));
  }
  Result<std::vector<PutOutcome>> outcomes = store_->PutDocuments(0, batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
  Store::SearchSlices slices;
  slices.documents = 1000;
  slices.claims = 7000;
  ASSERT_TRUE(store_->IndexForSearch(slices).ok());
  EXPECT_EQ(DocumentsMatching(tmp_.path(), "lu lut"), 2500);
  EXPECT_EQ(ClaimsMatching(tmp_.path(), "con so"), 22500);
  EXPECT_EQ(Marks(tmp_.path()), "2500/2500 22500/22500");
  ExpectIndexesInStep(tmp_.path());
}

TEST(SearchIndexUpgradeTest, RowsIndexedByTheOldTriggersStayIndexedOnce) {
  TempDbPath tmp;
  {
    // A database at schema 6, whose triggers indexed each row as it was written.
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<Migration> up_to_6(EmbeddedMigrations().begin(), EmbeddedMigrations().begin() + 6);
    ASSERT_TRUE(Migrate(db, up_to_6).ok());
    db.exec("INSERT INTO documents(file, title, text, content_hash) VALUES ('old.txt', 'Lũ', 'Nước lũ dâng cao', 'h1')");
    db.exec("INSERT INTO claims(document_id, file, kind, metric, subject, value, qualifier, quote, sentence, "
            "span_begin, span_end, confidence) VALUES (1, 'old.txt', 'count', 'killed', 'x', 3, 'exact', "
            "'3 người chết', 'Lũ làm 3 người chết.', 0, 5, 0.9)");
  }

  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  EXPECT_EQ(Marks(tmp.path()), "1/1 1/1");
  EXPECT_EQ(DocumentsMatching(tmp.path(), "nuoc lu"), 1);
  EXPECT_EQ(ClaimsMatching(tmp.path(), "nguoi chet"), 1);
  ASSERT_TRUE(store->IndexForSearch().ok());
  EXPECT_EQ(DocumentsMatching(tmp.path(), "nuoc lu"), 1);
  ExpectIndexesInStep(tmp.path());
}

// Migrations 0009 and 0010: FTS5's 'automerge' (kept in each index's _config
// table; unset means the default of 4) went to 16 and back to 4. A database
// indexed at schema 8 keeps its entries and takes new rows as before.
std::string Automerge(const std::string& db_path, const std::string& index) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT v FROM " + index + "_config WHERE k = 'automerge'");
  return st.executeStep() ? st.getColumn(0).getString() : "unset";
}

// A database at schema `version` with one document and claim, indexed as
// Store::IndexForSearch does.
void IndexedDatabaseAt(const std::string& path, size_t version) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  std::vector<Migration> up_to(EmbeddedMigrations().begin(), EmbeddedMigrations().begin() + version);
  ASSERT_TRUE(Migrate(db, up_to).ok());
  db.exec("INSERT INTO documents(file, title, text, content_hash) VALUES ('old.txt', 'Lũ', 'Nước lũ dâng cao', 'h1')");
  db.exec("INSERT INTO claims(document_id, file, kind, metric, subject, value, qualifier, quote, sentence, "
          "span_begin, span_end, confidence) VALUES (1, 'old.txt', 'count', 'killed', 'x', 3, 'exact', "
          "'3 người chết', 'Lũ làm 3 người chết.', 0, 5, 0.9)");
  db.exec("INSERT INTO documents_fts(rowid, title, text) SELECT id, title, text FROM documents");
  db.exec("INSERT INTO claims_fts(rowid, quote, sentence) SELECT id, quote, sentence FROM claims");
  db.exec("UPDATE search_index_state SET documents_upto = 1, claims_upto = 1");
}

void ExpectUpgradedIndexesWork(const std::string& path) {
  std::unique_ptr<Store> store = OpenOrDie(path);
  EXPECT_EQ(Automerge(path, "documents_fts"), "4");
  EXPECT_EQ(Automerge(path, "claims_fts"), "4");
  EXPECT_EQ(DocumentsMatching(path, "nuoc lu"), 1);
  EXPECT_EQ(ClaimsMatching(path, "nguoi chet"), 1);
  Document doc = MakeDocument("new.txt", "Nước lũ rút dần.");
  std::vector<Claim> claims = {MakeClaim(4, "4 người chết")};
  ASSERT_TRUE(store->PutDocument(0, doc, claims).ok());
  ASSERT_TRUE(store->IndexForSearch().ok());
  EXPECT_EQ(DocumentsMatching(path, "nuoc lu"), 2);
  EXPECT_EQ(ClaimsMatching(path, "nguoi chet"), 2);
  EXPECT_EQ(Marks(path), "2/2 2/2");
  ExpectIndexesInStep(path);
}

TEST(SearchIndexUpgradeTest, FromSchema8IndexesMergeFourAtATime) {
  TempDbPath tmp;
  IndexedDatabaseAt(tmp.path(), 8);
  EXPECT_EQ(Automerge(tmp.path(), "documents_fts"), "unset");
  ExpectUpgradedIndexesWork(tmp.path());
}

TEST(SearchIndexUpgradeTest, FromSchema9IndexesMergeFourAtATimeAgain) {
  TempDbPath tmp;
  IndexedDatabaseAt(tmp.path(), 9);
  EXPECT_EQ(Automerge(tmp.path(), "documents_fts"), "16");
  EXPECT_EQ(Automerge(tmp.path(), "claims_fts"), "16");
  ExpectUpgradedIndexesWork(tmp.path());
}

}  // namespace
}  // namespace claimcheck
