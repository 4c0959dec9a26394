// What keeps a database safe: a file that is not SQLite or was written by a
// newer claimcheck is refused and left byte for byte unchanged, one run per
// database (the run lock), and every document's claim_count matches the
// claims stored with it (incomplete_documents is empty), including after the
// migration that added the column.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "store/migration.h"
#include "store/migrator.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

int Count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

TEST(StoreSafetyTest, TextFileIsRefusedAndLeftUnchanged) {
  TempDbPath tmp;
  const std::string text = "file,metric\nnot,a database\n";
  WriteBytes(tmp.path(), text);
  for (Store::Access access : {Store::Access::kShared, Store::Access::kExclusive}) {
    Result<std::unique_ptr<Store>> store = Store::Open(tmp.path(), access);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kDatabase);
    EXPECT_NE(store.status().message().find("database " + tmp.path() + ": not a SQLite database"),
              std::string::npos)
        << store.status().message();
    EXPECT_NE(store.status().message().find("not changed"), std::string::npos);
    EXPECT_EQ(ReadBytes(tmp.path()), text);
  }
}

TEST(StoreSafetyTest, NewerSchemaIsRefusedAndLeftUnchanged) {
  TempDbPath tmp;
  ASSERT_NE(OpenOrDie(tmp.path()), nullptr);
  {
    // A rollback-journal file: switching it to WAL would rewrite its header.
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA user_version = 42");
  }
  const std::string before = ReadBytes(tmp.path());
  Result<std::unique_ptr<Store>> store = Store::Open(tmp.path(), Store::Access::kExclusive);
  ASSERT_FALSE(store.ok());
  const int known = static_cast<int>(EmbeddedMigrations().size());
  EXPECT_NE(store.status().message().find("schema version 42 is newer than this claimcheck supports (" +
                                          std::to_string(known) + ")"),
            std::string::npos)
      << store.status().message();
  EXPECT_EQ(ReadBytes(tmp.path()), before);
}

TEST(StoreSafetyTest, OneRunPerDatabase) {
  TempDbPath tmp;
  Result<std::unique_ptr<Store>> first = Store::Open(tmp.path(), Store::Access::kExclusive);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  Result<std::unique_ptr<Store>> second = Store::Open(tmp.path(), Store::Access::kExclusive);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kDatabase);
  EXPECT_NE(second.status().message().find("database " + tmp.path() + " is in use by another claimcheck run (pid " +
                                           std::to_string(getpid()) + ")"),
            std::string::npos)
      << second.status().message();
  // Readers and reviewers do not take the lock.
  Result<std::unique_ptr<Store>> reader = Store::Open(tmp.path());
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  first->reset();
  Result<std::unique_ptr<Store>> third = Store::Open(tmp.path(), Store::Access::kExclusive);
  EXPECT_TRUE(third.ok()) << third.status().ToString();
}

TEST(StoreSafetyTest, ClaimCountIsStoredWithTheClaims) {
  TempDbPath tmp;
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  Document doc = MakeDocument("a.txt", "one");
  std::vector<Claim> claims = {MakeClaim(10, "10 người"), MakeClaim(20, "20 người", 20),
                               MakeClaim(30, "30 người", 40)};
  ASSERT_TRUE(store->PutDocument(0, doc, claims).ok());
  Document edited = MakeDocument("a.txt", "two");
  std::vector<Claim> fewer = {MakeClaim(11, "11 người")};
  ASSERT_TRUE(store->PutDocument(0, edited, fewer).ok());
  store.reset();
  SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(Count(db, "SELECT claim_count FROM documents WHERE file = 'a.txt'"), 1);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM incomplete_documents"), 0);
  db.exec("DELETE FROM claims");  // what a half-stored document would look like
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM incomplete_documents"), 1);
}

TEST(StoreSafetyTest, ClaimCountMigrationFillsExistingDocuments) {
  TempDbPath tmp;
  std::vector<Migration> before_0005(EmbeddedMigrations().begin(), EmbeddedMigrations().begin() + 4);
  {
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_TRUE(Migrate(db, before_0005).ok());
    db.exec("INSERT INTO documents(id, file, content_hash) VALUES (1, 'a.txt', 'h1'), (2, 'b.txt', 'h2')");
    db.exec("INSERT INTO claims(document_id, file, kind, metric, subject, value, qualifier, quote, "
            "span_begin, span_end, confidence) VALUES "
            "(1, 'a.txt', 'count', 'killed', 'x', 1, 'exact', 'q', 0, 1, 1), "
            "(1, 'a.txt', 'count', 'killed', 'x', 2, 'exact', 'q', 0, 1, 1)");
  }
  ASSERT_NE(OpenOrDie(tmp.path()), nullptr);
  SQLite::Database db(tmp.path(), SQLite::OPEN_READONLY);
  EXPECT_EQ(Count(db, "SELECT claim_count FROM documents WHERE id = 1"), 2);
  EXPECT_EQ(Count(db, "SELECT claim_count FROM documents WHERE id = 2"), 0);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM incomplete_documents"), 0);
}

// The review page writes while a run may be inside a transaction: the write
// waits for it (busy timeout) instead of failing with "database is locked".
TEST(StoreSafetyTest, AWriteWaitsForAnotherWritersTransaction) {
  TempDbPath tmp;
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  Document a = MakeDocument("a.txt", "A"), b = MakeDocument("b.txt", "B");
  std::vector<Claim> a_claims = {MakeClaim(600, "600 người")}, b_claims = {MakeClaim(900, "900 người")};
  ASSERT_TRUE(store->PutDocument(0, a, a_claims).ok());
  ASSERT_TRUE(store->PutDocument(0, b, b_claims).ok());
  ASSERT_TRUE(store->SaveConflicts(0, {MakeConflict("c1c1c1c1c1c1c1c1", a_claims[0], b_claims[0])}).ok());
  ASSERT_TRUE(store->LoadConflicts(true).ok());  // this connection has read before the other writes

  SQLite::Database run(tmp.path(), SQLite::OPEN_READWRITE);
  run.exec("BEGIN IMMEDIATE");
  run.exec("INSERT INTO runs(started_at) VALUES ('2025-01-01T00:00:00Z')");
  std::thread commit_later([&run] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    run.exec("COMMIT");
  });
  Status review = store->AddReview("c1c1c1", "dismissed", "same figure", "lan", "2025-01-01T00:00:01Z");
  commit_later.join();
  EXPECT_TRUE(review.ok()) << review.ToString();
  Document c = MakeDocument("c.txt", "C");
  std::vector<Claim> none;
  EXPECT_TRUE(store->PutDocument(0, c, none).ok());
}

}  // namespace
}  // namespace claimcheck
