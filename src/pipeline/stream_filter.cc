#include "pipeline/stream_filter.h"

#include <fstream>
#include <iostream>

#include "base/strings.h"
#include "ingest/document_builder.h"
#include "ingest/feed_line.h"
#include "pipeline/claim_stream.h"
#include "pipeline/document_stream.h"

namespace claimcheck {
namespace {

constexpr size_t kRecordsPerTransaction = 256;

// Strips a first-line BOM and a trailing CR from a claim-stream line; false for
// a blank line.
bool PrepareClaimLine(std::string* line, int number) {
  if (number == 1 && StartsWith(*line, "\xEF\xBB\xBF")) line->erase(0, 3);
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return !Trim(*line).empty();
}

}  // namespace

FilterStats ExtractFilter(std::istream& in, std::ostream& out, const std::string& name,
                          const Knowledge& knowledge, DiagnosticSink* sink) {
  FilterStats stats;
  const int errors_before = sink->error_count();
  // Documents are read on another thread than the one writing `out`: a stream
  // tied to `out` (std::cin is tied to std::cout) would flush `out` from the
  // reading thread before each read, racing the writer (lines lost or split).
  std::ostream* const tied = in.tie(nullptr);
  DocumentProducer produce = [&](const std::function<bool(Document)>& emit) {
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!PrepareFeedLine(name, number, &line, sink)) continue;  // as `run` reads it
      std::string error;
      std::optional<FeedRecord> record = ParseFeedLine(line, &error);
      if (!record) {
        sink->Error(name, number, error);
        continue;
      }
      std::string where = name + ":" + std::to_string(number);
      record->meta.file = record->meta.url.empty() ? where : record->meta.url;
      record->meta.path = where;
      Diagnostic diagnostic;
      std::optional<Document> doc =
          DocumentFromText(record->text, std::move(record->meta), knowledge.ingest, &diagnostic);
      if (!doc) {
        sink->Error(name, number, diagnostic.message);
        continue;
      }
      if (!emit(std::move(*doc))) return;
    }
  };
  StreamDocuments(produce, *knowledge.extractor, StreamOptions{}, nullptr, [&](ExtractedDocument& item) {
    ++stats.documents;
    stats.claims += static_cast<int>(item.claims.size());
    out << ClaimStreamLine(item.doc, item.claims) << '\n';
    return static_cast<bool>(out);
  });
  out.flush();
  in.tie(tied);
  stats.failed = sink->error_count() - errors_before;
  return stats;
}

Result<IngestStats> IngestClaimStream(const std::vector<std::string>& files, int64_t run_id, Store* store,
                                      DiagnosticSink* sink) {
  IngestStats stats;
  std::vector<std::pair<Document, std::vector<Claim>>> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    Result<std::vector<Store::PutOutcome>> outcomes = store->PutDocuments(run_id, batch);
    if (!outcomes.ok()) return outcomes.status();
    for (size_t i = 0; i < outcomes->size(); ++i) {
      switch ((*outcomes)[i]) {
        case Store::PutOutcome::kNew: ++stats.documents_new; stats.claims += batch[i].second.size(); break;
        case Store::PutOutcome::kChanged: ++stats.documents_changed; stats.claims += batch[i].second.size(); break;
        case Store::PutOutcome::kUnchanged: ++stats.documents_unchanged; break;
      }
    }
    batch.clear();
    return Status::Ok();
  };
  const int errors_before = sink->error_count();
  for (const std::string& file : files) {
    std::ifstream opened;
    std::istream* in = &std::cin;
    if (file != "-") {
      opened.open(file, std::ios::binary);
      if (!opened) {
        sink->Error(file, 0, "cannot read file");
        continue;
      }
      in = &opened;
    }
    std::string line;
    int number = 0;
    while (std::getline(*in, line)) {
      ++number;
      if (!PrepareClaimLine(&line, number)) continue;
      std::string error;
      std::optional<ClaimStreamRecord> record = ParseClaimStreamLine(line, &error);
      if (!record) {
        sink->Error(file, number, error);
        continue;
      }
      batch.emplace_back(std::move(record->doc), std::move(record->claims));
      if (batch.size() >= kRecordsPerTransaction) {
        if (Status s = flush(); !s.ok()) return s;
      }
    }
  }
  if (Status s = flush(); !s.ok()) return s;
  if (Status s = store->IndexForSearch(); !s.ok()) return s;
  stats.documents_failed = sink->error_count() - errors_before;
  return stats;
}

}  // namespace claimcheck
