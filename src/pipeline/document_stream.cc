#include "pipeline/document_stream.h"

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>

namespace claimcheck {
namespace {

// The shared state of one stream. Slots are numbered in production order;
// slot i lives in ring[i % window] from production until consumption, so the
// reorder buffer needs no allocation and never grows past `window`.
class Stream {
 public:
  explicit Stream(size_t window) : ring_(window), ready_(window, false) {}

  // Reader: waits for room, stores the document, returns its sequence number
  // (or false when the consumer has stopped).
  bool Push(ExtractedDocument item, bool needs_extraction) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return stopped_ || produced_ - consumed_ < ring_.size(); });
    if (stopped_) return false;
    size_t seq = produced_++;
    ring_[seq % ring_.size()] = std::move(item);
    if (needs_extraction) {
      work_.push_back(seq);
      has_work_.notify_one();
    } else {
      ready_[seq % ring_.size()] = true;
      if (seq == consumed_) has_result_.notify_one();
    }
    return true;
  }

  void FinishProducing() {
    std::lock_guard lock(mu_);
    producing_ = false;
    has_work_.notify_all();
    has_result_.notify_all();
  }

  // Worker: the next slot to extract, or false when there will be no more.
  bool TakeWork(size_t* seq, ExtractedDocument** item) {
    std::unique_lock lock(mu_);
    has_work_.wait(lock, [&] { return stopped_ || !work_.empty() || !producing_; });
    if (stopped_ || work_.empty()) return false;
    *seq = work_.front();
    work_.pop_front();
    *item = &ring_[*seq % ring_.size()];  // only this worker touches it until MarkReady
    return true;
  }

  void MarkReady(size_t seq) {
    std::lock_guard lock(mu_);
    ready_[seq % ring_.size()] = true;
    if (seq == consumed_) has_result_.notify_one();
  }

  // Consumer: the next document in order, or false at the end of the stream.
  bool Next(ExtractedDocument* out) {
    std::unique_lock lock(mu_);
    has_result_.wait(lock, [&] { return ready_[consumed_ % ring_.size()] || (!producing_ && consumed_ == produced_); });
    if (!ready_[consumed_ % ring_.size()]) return false;
    size_t slot = consumed_ % ring_.size();
    *out = std::move(ring_[slot]);
    ring_[slot] = ExtractedDocument();
    ready_[slot] = false;
    ++consumed_;
    room_.notify_one();
    return true;
  }

  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    room_.notify_all();
    has_work_.notify_all();
    has_result_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable room_, has_work_, has_result_;
  std::vector<ExtractedDocument> ring_;
  std::vector<bool> ready_;
  std::deque<size_t> work_;
  size_t produced_ = 0, consumed_ = 0;
  bool producing_ = true;
  bool stopped_ = false;
};

}  // namespace

int ExtractionThreads() {
  if (const char* env = std::getenv("CLAIMCHECK_THREADS"); env && *env) {
    int n = std::atoi(env);
    if (n > 0) return n;
  }
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

void StreamDocuments(const DocumentProducer& produce, const Extractor& extractor,
                     const StreamOptions& options, const std::function<bool(const Document&)>& skip,
                     const std::function<bool(ExtractedDocument&)>& consume) {
  const int threads = options.threads > 0 ? options.threads : ExtractionThreads();
  Stream stream(options.window > 0 ? options.window : 1);

  std::thread reader([&] {
    produce([&](Document doc) {
      ExtractedDocument item;
      item.skipped = skip && skip(doc);
      item.doc = std::move(doc);
      bool extract = !item.skipped;
      return stream.Push(std::move(item), extract);
    });
    stream.FinishProducing();
  });
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      size_t seq;
      ExtractedDocument* item;
      while (stream.TakeWork(&seq, &item)) {
        item->claims = extractor.Extract(item->doc);
        stream.MarkReady(seq);
      }
    });
  }
  ExtractedDocument item;
  while (stream.Next(&item)) {
    if (!consume(item)) {
      stream.Stop();
      break;
    }
  }
  reader.join();
  for (std::thread& w : workers) w.join();
}

}  // namespace claimcheck
