// Fuzzes the JSON Lines feed reader on arbitrary bytes: each line goes through
// ParseFeedLine (ingest/feed_line.h) and, when it parses, DocumentFromText with
// the record's metadata, as ingest.cc does for a .jsonl file.
#include "fuzz_util.h"
#include "ingest/document_builder.h"
#include "ingest/feed_line.h"
#include "ingest/ingest_options.h"

using namespace claimcheck;

namespace {
IngestOptions g_options;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  Result<IngestOptions> options = LoadIngestOptions(fuzz::RulesDir());
  if (options.ok()) g_options = std::move(options.value());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view feed = fuzz::AsText(data, size);
  int line_no = 0;
  while (!feed.empty()) {
    const size_t nl = feed.find('\n');
    std::string_view line = feed.substr(0, nl);
    feed = nl == std::string_view::npos ? std::string_view() : feed.substr(nl + 1);
    ++line_no;
    std::string error;
    std::optional<FeedRecord> record = ParseFeedLine(line, &error);
    if (!record) {
      fuzz::Check(!error.empty());
      continue;
    }
    Document meta = record->meta;
    meta.path = "fuzz.jsonl:" + std::to_string(line_no);
    Diagnostic diag;
    if (std::optional<Document> doc = DocumentFromText(record->text, meta, g_options, &diag)) {
      fuzz::Check(!FindInvalidUtf8(doc->text));
    }
  }
  return 0;
}
