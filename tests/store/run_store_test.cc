// Runs: BeginRun/FinishRun/LoadRuns round trip.
#include <gtest/gtest.h>

#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

std::string RunString(const Store::RunRecord& r) {
  return std::to_string(r.id) + " " + r.started_at + ".." + r.finished_at + " in=" + r.inputs +
         " docs=" + std::to_string(r.docs_new) + "/" + std::to_string(r.docs_changed) + "/" +
         std::to_string(r.docs_unchanged) + "/" + std::to_string(r.docs_failed) +
         " claims=" + std::to_string(r.claims_total) + " conflicts=" +
         std::to_string(r.conflicts_total) + "/" + std::to_string(r.conflicts_new) + "/" +
         std::to_string(r.conflicts_open) + "/" + std::to_string(r.conflicts_resolved) +
         " exit=" + std::to_string(r.exit_status);
}

TEST(RunStoreTest, RoundTrip) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Result<int64_t> first = store->BeginRun("2024-07-01T08:00:00Z", "seeds/ dev/");
  Result<int64_t> second = store->BeginRun("2024-07-02T08:00:00Z", "tin tức/");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, 1);
  EXPECT_EQ(*second, 2);

  Store::RunRecord done;
  done.id = *first;
  done.finished_at = "2024-07-01T08:00:03Z";
  done.docs_new = 5;
  done.docs_changed = 1;
  done.docs_unchanged = 2;
  done.docs_failed = 1;
  done.claims_total = 40;
  done.conflicts_total = 7;
  done.conflicts_new = 3;
  done.conflicts_open = 4;
  done.conflicts_resolved = 2;
  done.exit_status = 3;
  ASSERT_TRUE(store->FinishRun(done).ok());

  Result<std::vector<Store::RunRecord>> runs = store->LoadRuns();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ(RunString((*runs)[0]),
            "1 2024-07-01T08:00:00Z..2024-07-01T08:00:03Z in=seeds/ dev/ docs=5/1/2/1 "
            "claims=40 conflicts=7/3/4/2 exit=3");
  EXPECT_EQ(RunString((*runs)[1]),
            "2 2024-07-02T08:00:00Z.. in=tin tức/ docs=0/0/0/0 claims=0 conflicts=0/0/0/0 exit=-1");
}

TEST(RunStoreTest, FinishUnknownRunIsNotFound) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Store::RunRecord r;
  r.id = 12;
  EXPECT_EQ(store->FinishRun(r).code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace claimcheck
