// The pipeline as a stateless stream filter, for running the extract stage as the
// map step of a distributed job (Spark RDD.pipe, Hadoop Streaming, Beam), and the
// loader that brings its output back into a store. Format: claim_stream.h.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace claimcheck {

struct FilterStats {
  int documents = 0;
  int failed = 0;  // lines reported as errors (bad JSON, empty text); bad bytes are repaired (warnings)
  int claims = 0;
};

// Reads documents as JSON Lines (the ingest feed format, feed_line.h) from `in`
// and writes one claim-stream line per good document to `out`, in input order.
// Document.file is the url, or "<name>:<line>" without one; Document.path is
// "<name>:<line>". Extraction runs on ExtractionThreads() threads. Bad lines
// become diagnostics (file `name`, their line number); the rest go on. No
// database, no state: the output depends only on the input and the rules.
FilterStats ExtractFilter(std::istream& in, std::ostream& out, const std::string& name,
                          const Knowledge& knowledge, DiagnosticSink* sink);

// Loads claim-stream files (as written by ExtractFilter; "-" = standard input)
// into `store`, like IngestAndExtract but without extracting: each record's
// document and claims are stored as they are (new, changed or unchanged by
// file and content hash), in batches per transaction. Bad lines become
// diagnostics; an unreadable file is one too.
Result<IngestStats> IngestClaimStream(const std::vector<std::string>& files, int64_t run_id, Store* store,
                                      DiagnosticSink* sink);

}  // namespace claimcheck
