// StreamDocuments: the parallel middle of the pipeline. One reader thread turns
// inputs into Documents, a small pool of threads runs the (pure, thread-safe)
// Extractor over them, and the calling thread receives each document with its
// claims in input order, so it alone may touch the Store. At most `window`
// documents are in flight at any time: memory stays flat however large the
// corpus, and a slow consumer slows the reader down instead of piling up.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "extract/extractor.h"
#include "model/claim.h"
#include "model/document.h"

namespace claimcheck {

struct ExtractedDocument {
  Document doc;
  std::vector<Claim> claims;  // empty when `skipped`
  bool skipped = false;       // the skip predicate said so: not extracted
};

struct StreamOptions {
  int threads = 0;        // extraction threads; 0 = ExtractionThreads()
  size_t window = 256;    // documents in flight between the reader and the consumer
};

// Extraction threads to use by default: $CLAIMCHECK_THREADS when it is a
// positive number, else std::thread::hardware_concurrency() (at least 1).
int ExtractionThreads();

// Feeds Documents to the stream: called once, on the reader thread, with an
// `emit` to call per document in order. emit returns false once the consumer
// has stopped; the producer should then return early (it may keep calling).
using DocumentProducer = std::function<void(const std::function<bool(Document)>& emit)>;

// Runs `produce` on a reader thread. For each document, `skip` (may be empty;
// called on the reader thread, so it must only read shared state) decides
// whether to extract it; the others go through `extractor` on the worker
// threads. `consume` runs on the calling thread once per document, in the
// order produced, with skipped documents included (skipped = true); returning
// false stops the stream (the remaining documents are dropped). Returns when
// every thread has finished.
void StreamDocuments(const DocumentProducer& produce, const Extractor& extractor,
                     const StreamOptions& options, const std::function<bool(const Document&)>& skip,
                     const std::function<bool(ExtractedDocument&)>& consume);

}  // namespace claimcheck
