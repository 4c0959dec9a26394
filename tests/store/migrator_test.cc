// Migrate() with hand-made migration lists: a failing migration is rolled
// back on its own, and a badly numbered list is a programmer error.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "store/migrator.h"

namespace claimcheck {
namespace {

int UserVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

TEST(MigratorTest, FailingMigrationRollsBackAlone) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  std::vector<Migration> migrations = {
      {1, "0001_a.sql", "CREATE TABLE a(x INTEGER);"},
      {2, "0002_b.sql", "CREATE TABLE b(x INTEGER); CREATE TABLE broken(;"},
  };
  Status s = Migrate(db, migrations);
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("0002_b.sql"), std::string::npos) << s.message();
  EXPECT_EQ(UserVersion(db), 1);
  EXPECT_TRUE(db.tableExists("a"));
  EXPECT_FALSE(db.tableExists("b"));
  EXPECT_EQ(db.execAndGet("SELECT MAX(version) FROM schema_version").getInt(), 1);

  migrations[1].sql = "CREATE TABLE b(x INTEGER);";  // fixed: resumes at 2
  EXPECT_TRUE(Migrate(db, migrations).ok());
  EXPECT_EQ(UserVersion(db), 2);
  EXPECT_TRUE(db.tableExists("b"));
  EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt(), kApplicationId);
}

TEST(MigratorTest, GapInNumberingIsInternalError) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  std::vector<Migration> migrations = {{1, "0001_a.sql", "SELECT 1;"},
                                       {3, "0003_c.sql", "SELECT 1;"}};
  Status s = Migrate(db, migrations);
  EXPECT_EQ(s.code(), Status::Code::kInternal);
  EXPECT_EQ(UserVersion(db), 0);
}

}  // namespace
}  // namespace claimcheck
