// The copy memory (copy_memory, copy_pairs, db/migrations/0015): none stored
// loads as empty options, a save round-trips and replaces the earlier memory
// whole, an empty-options save clears it, and a save that fails halfway leaves
// the earlier memory as it was.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "model/copy_memory.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

// "<ToString()>: a|b a|c ..." (the pairs in the order loaded).
std::string MemoryString(const CopyMemory& memory) {
  std::string out = memory.ToString() + ":";
  for (const auto& [a, b] : memory.pairs) out += " " + a + "|" + b;
  return out;
}

CopyMemory MakeMemory(const std::string& options, int64_t upto, const std::string& digest,
                      std::vector<std::pair<std::string, std::string>> pairs) {
  CopyMemory memory;
  memory.options = options;
  memory.upto = upto;
  memory.digest = digest;
  memory.pairs = std::move(pairs);
  return memory;
}

std::string Loaded(Store& store) {
  Result<CopyMemory> memory = store.LoadCopyMemory();
  if (!memory.ok()) return "error: " + memory.status().message();
  return MemoryString(*memory);
}

TEST(CopyMemoryStoreTest, ToStringSaysWhatItCovers) {
  EXPECT_EQ(MakeMemory("k=5 t=0.8", 42, "d1", {{"a.txt", "b.txt"}}).ToString(),
            "copies options=k=5 t=0.8 upto=42 digest=d1 pairs=1");
  EXPECT_EQ(CopyMemory().ToString(), "copies options= upto=0 digest= pairs=0");
}

TEST(CopyMemoryStoreTest, EmptyDatabaseLoadsNoMemory) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Loaded(*store), "copies options= upto=0 digest= pairs=0:");
}

TEST(CopyMemoryStoreTest, SaveThenLoadRoundTripsInPairOrder) {
  TempDbPath tmp;
  {
    std::unique_ptr<Store> store = OpenOrDie(tmp.path());
    ASSERT_NE(store, nullptr);
    // Given out of order: loaded in (file_a, file_b) order.
    ASSERT_TRUE(store
                    ->SaveCopyMemory(MakeMemory("copies v1 k=5", 1234567890123, "12 0123456789abcdef",
                                                {{"c.txt", "d.txt"},
                                                 {"a.txt", "tin tức.txt"},
                                                 {"a.txt", "b.txt"},
                                                 {"https://x.example/1", "https://x.example/2"}}))
                    .ok());
    EXPECT_EQ(Loaded(*store),
              "copies options=copies v1 k=5 upto=1234567890123 digest=12 0123456789abcdef pairs=4: "
              "a.txt|b.txt a.txt|tin tức.txt c.txt|d.txt https://x.example/1|https://x.example/2");
  }
  std::unique_ptr<Store> reopened = OpenOrDie(tmp.path());  // kept in the file
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(Loaded(*reopened),
            "copies options=copies v1 k=5 upto=1234567890123 digest=12 0123456789abcdef pairs=4: "
            "a.txt|b.txt a.txt|tin tức.txt c.txt|d.txt https://x.example/1|https://x.example/2");
}

TEST(CopyMemoryStoreTest, MemoryWithoutPairsRoundTrips) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o", 0, "", {})).ok());
  EXPECT_EQ(Loaded(*store), "copies options=o upto=0 digest= pairs=0:");
}

TEST(CopyMemoryStoreTest, SecondSaveReplacesTheFirst) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o1", 10, "d1", {{"a", "b"}, {"a", "c"}, {"d", "e"}})).ok());
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o2", 20, "d2", {{"b", "f"}})).ok());
  EXPECT_EQ(Loaded(*store), "copies options=o2 upto=20 digest=d2 pairs=1: b|f");  // no leftovers
}

TEST(CopyMemoryStoreTest, EmptyOptionsClear) {
  TempDbPath tmp;
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o1", 10, "d1", {{"a", "b"}, {"a", "c"}})).ok());
  // Pairs given with empty options are not stored either: nothing is left.
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("", 30, "d3", {{"x", "y"}})).ok());
  EXPECT_EQ(Loaded(*store), "copies options= upto=0 digest= pairs=0:");
  SQLite::Database db(tmp.path(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT (SELECT count(*) FROM copy_memory) || '/' || "
                          "(SELECT count(*) FROM copy_pairs)")
                .getString(),
            "0/0");
}

// A save that fails halfway (the same pair twice breaks copy_pairs' primary key
// after the row and the first pair are written) writes nothing.
TEST(CopyMemoryStoreTest, FailedSaveLeavesTheEarlierMemory) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o1", 10, "d1", {{"a", "b"}, {"c", "d"}})).ok());
  Status failed = store->SaveCopyMemory(MakeMemory("o2", 20, "d2", {{"e", "f"}, {"g", "h"}, {"e", "f"}}));
  EXPECT_EQ(failed.code(), Status::Code::kDatabase);
  EXPECT_NE(failed.message().find("SaveCopyMemory"), std::string::npos) << failed.message();
  EXPECT_EQ(Loaded(*store), "copies options=o1 upto=10 digest=d1 pairs=2: a|b c|d");
  // The store is usable after the failure.
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o3", 30, "d3", {{"e", "f"}})).ok());
  EXPECT_EQ(Loaded(*store), "copies options=o3 upto=30 digest=d3 pairs=1: e|f");
}

// db/README.md: deleting the row by hand leaves no memory (the next check joins
// every document); pairs left without it are not loaded, and the next save replaces them.
TEST(CopyMemoryStoreTest, DeletingTheRowByHandForgets) {
  TempDbPath tmp;
  {
    std::unique_ptr<Store> store = OpenOrDie(tmp.path());
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o1", 10, "d1", {{"a", "b"}})).ok());
  }
  {
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM copy_memory");
  }
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Loaded(*store), "copies options= upto=0 digest= pairs=0:");
  ASSERT_TRUE(store->SaveCopyMemory(MakeMemory("o2", 20, "d2", {{"c", "d"}})).ok());
  EXPECT_EQ(Loaded(*store), "copies options=o2 upto=20 digest=d2 pairs=1: c|d");
}

}  // namespace
}  // namespace claimcheck
