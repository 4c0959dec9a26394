// ParallelFor: every index once, on the threads asked for, whatever the block size.
#include "engine/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace claimcheck {
namespace {

TEST(ParallelForTest, EveryIndexOnceOnTheThreadsAskedFor) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{5}, size_t{33}, size_t{1000}}) {
    for (int threads : {1, 2, 3}) {
      for (size_t block : {size_t{0}, size_t{1}, size_t{32}}) {
        std::vector<std::atomic<int>> visits(n);
        std::atomic<int> bad_thread{0};
        ParallelFor(n, threads, [&](int thread, size_t i) {
          if (thread < 0 || thread >= threads) ++bad_thread;
          ++visits[i];
        }, block);
        for (size_t i = 0; i < n; ++i) {
          EXPECT_EQ(visits[i].load(), 1) << "n=" << n << " threads=" << threads << " block=" << block << " i=" << i;
        }
        EXPECT_EQ(bad_thread.load(), 0);
      }
    }
  }
}

TEST(ParallelForTest, OneThreadRunsInOrderOnTheCaller) {
  std::vector<size_t> order;
  ParallelFor(6, 1, [&](int thread, size_t i) {
    EXPECT_EQ(thread, 0);
    order.push_back(i);
  }, 1);
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4, 5}));
}

}  // namespace
}  // namespace claimcheck
