// ParallelFor: the engine's small fork-join loop (no pool kept between calls).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace claimcheck {

// Runs body(thread, i) for i in [0, n) on `threads` threads (the caller's among them),
// handing out indices in small blocks; 1 thread: in order, on the caller's.
template <typename Body>
void ParallelFor(size_t n, int threads, Body&& body) {
  if (threads <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) body(0, i);
    return;
  }
  constexpr size_t kBlock = 32;
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
