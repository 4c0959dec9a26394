// ParallelFor: the engine's small fork-join loop (no pool kept between calls).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace claimcheck {

// Runs body(thread, i) for i in [0, n) on `threads` threads (the caller's among them),
// handing out indices `block` at a time (1 when each index is much work, and uneven);
// 1 thread: in order, on the caller's.
template <typename Body>
void ParallelFor(size_t n, int threads, Body&& body, size_t block = 32) {
  if (threads <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) body(0, i);
    return;
  }
  const size_t kBlock = std::max<size_t>(block, 1);
  std::atomic<size_t> next{0};
  auto work = [&](int thread) {
    for (;;) {
      size_t begin = next.fetch_add(kBlock, std::memory_order_relaxed);
      if (begin >= n) return;
      size_t end = std::min(n, begin + kBlock);
      for (size_t i = begin; i < end; ++i) body(thread, i);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
}

}  // namespace claimcheck
