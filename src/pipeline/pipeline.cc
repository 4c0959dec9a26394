#include "pipeline/pipeline.h"

#include <algorithm>
#include <unordered_map>

#include "base/strings.h"
#include "engine/check_key.h"
#include "engine/engine.h"
#include "engine/parallel_for.h"
#include "ingest/ingest.h"
#include "pipeline/document_stream.h"
#include "report/report.h"

namespace claimcheck {
namespace {

// Documents written per transaction: large enough that commits are rare,
// small enough that a batch of full texts stays a few MB.
constexpr size_t kDocumentsPerTransaction = 256;

// New or changed documents stored between two calls of Store::IndexForSearch
// during a run: the full-text indexes are filled while the extraction threads
// work, instead of on one core after the last document. FTS5 merges its
// segments at each commit, so much smaller slices cost more CPU in all.
constexpr int kDocumentsPerSearchSlice = 2048;

}  // namespace

Result<Knowledge> LoadKnowledge(const std::string& rules_dir, DiagnosticSink* sink) {
  Knowledge k;
  Result<IngestOptions> ingest = LoadIngestOptions(rules_dir);
  if (!ingest.ok()) {
    sink->Error(rules_dir, 0, ingest.status().message());
  } else {
    k.ingest = std::move(ingest.value());
  }
  Lexicon lexicon;
  Status lex = LoadLexicon(rules_dir, &lexicon, sink);
  if (lex.code() == Status::Code::kNotFound) sink->Error(rules_dir, 0, lex.message());
  if (lex.ok()) {
    Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(std::move(lexicon), sink);
    if (extractor.ok()) k.extractor = std::move(extractor.value());
  }
  Status checks = LoadCheckRules(rules_dir, &k.checks, sink);
  if (!checks.ok() && sink->error_count() == 0) sink->Error(rules_dir, 0, checks.message());
  if (sink->error_count() > 0 || !k.extractor) {
    return Status::InvalidInput("the rules in " + rules_dir + " have errors; nothing was run");
  }
  return k;
}

Result<IngestStats> IngestAndExtract(const std::vector<std::string>& inputs, const Knowledge& knowledge,
                                     int64_t run_id, Store* store, DiagnosticSink* sink,
                                     const std::function<void(const Document&)>& on_document) {
  IngestStats stats;
  // One query for every stored hash: unchanged inputs are skipped by the reader
  // thread without touching the store (which only this thread uses). Hashes are
  // kept as integers (16 hex digits each): no allocation per entry. A hash that
  // does not parse is left out: that document is extracted again, and the store
  // still finds it unchanged by comparing the text of its hash.
  Result<std::vector<std::pair<std::string, std::string>>> stored = store->LoadDocumentHashes();
  if (!stored.ok()) return stored.status();
  std::unordered_map<std::string, uint64_t> known(stored->size());  // file -> content hash
  for (auto& [file, hash] : *stored) {
    if (std::optional<uint64_t> h = ParseHex64(hash)) known.emplace(std::move(file), *h);
  }
  stored->clear();
  stored->shrink_to_fit();
  // Inputs whose raw bytes are stored unchanged are skipped before parsing (on the
  // reading thread, which alone touches these until the stream ends).
  Result<std::vector<std::pair<std::string, std::string>>> raw = store->LoadRawHashes();
  if (!raw.ok()) return raw.status();
  std::unordered_map<uint64_t, std::string> published_of_raw(raw->size());  // raw hash -> published
  for (auto& [hash, published] : *raw) {
    if (std::optional<uint64_t> h = ParseHex64(hash)) published_of_raw.emplace(*h, std::move(published));
  }
  raw->clear();
  raw->shrink_to_fit();
  int raw_skipped = 0;
  std::string raw_newest;
  IngestOptions ingest_options = knowledge.ingest;
  ingest_options.skip_unchanged = [&](const std::string& raw_hash) {
    std::optional<uint64_t> h = ParseHex64(raw_hash);
    if (!h) return false;
    auto it = published_of_raw.find(*h);
    if (it == published_of_raw.end()) return false;
    ++raw_skipped;
    raw_newest = std::max(raw_newest, it->second);
    return true;
  };

  std::vector<std::pair<Document, std::vector<Claim>>> batch;
  Status failure = Status::Ok();
  int stored_since_indexing = 0;
  auto flush = [&]() {
    if (batch.empty() || !failure.ok()) return;
    Result<std::vector<Store::PutOutcome>> outcomes = store->PutDocuments(run_id, batch);
    if (!outcomes.ok()) {
      failure = outcomes.status();
      return;
    }
    for (size_t i = 0; i < outcomes->size(); ++i) {
      switch ((*outcomes)[i]) {
        case Store::PutOutcome::kNew: ++stats.documents_new; ++stored_since_indexing; stats.claims += batch[i].second.size(); break;
        case Store::PutOutcome::kChanged: ++stats.documents_changed; ++stored_since_indexing; stats.claims += batch[i].second.size(); break;
        case Store::PutOutcome::kUnchanged: ++stats.documents_unchanged; break;
      }
    }
    batch.clear();
    if (stored_since_indexing >= kDocumentsPerSearchSlice) {
      stored_since_indexing = 0;
      if (Status indexed = store->IndexForSearch(); !indexed.ok()) failure = indexed;
    }
  };
  const int errors_before = sink->error_count();
  DocumentProducer produce = [&](const std::function<bool(Document)>& emit) {
    bool go_on = true;
    IngestInputs(inputs, ingest_options, sink, [&](Document doc) {
      if (go_on) go_on = emit(std::move(doc));
    });
  };
  auto unchanged = [&](const Document& doc) {
    auto it = known.find(doc.file);
    return it != known.end() && ParseHex64(doc.content_hash) == it->second;
  };
  // Documents that state no date at all wait for the end of the stream, when the
  // newest publication date of the batch can stand in as their reference.
  std::vector<Document> undated;
  std::string newest_published;
  StreamDocuments(produce, *knowledge.extractor, StreamOptions{}, unchanged, [&](ExtractedDocument& item) {
    // Unchanged documents count too: a run resumed after a crash (whose first
    // documents are already stored) gives undated ones the same reference as
    // an uninterrupted run.
    newest_published = std::max(newest_published, item.doc.published);
    if (item.skipped) {
      ++stats.documents_unchanged;
      if (on_document) on_document(item.doc);
      return true;
    }
    if (knowledge.extractor->NeedsReference(item.doc)) {
      if (on_document) on_document(item.doc);
      undated.push_back(std::move(item.doc));
      return true;
    }
    batch.emplace_back(std::move(item.doc), std::move(item.claims));
    if (on_document) on_document(batch.back().first);
    if (batch.size() >= kDocumentsPerTransaction) flush();
    return failure.ok();
  });
  stats.documents_unchanged += raw_skipped;
  newest_published = std::max(newest_published, raw_newest);
  for (Document& doc : undated) {
    std::vector<Claim> claims = knowledge.extractor->Extract(doc, newest_published);
    batch.emplace_back(std::move(doc), std::move(claims));
    if (batch.size() >= kDocumentsPerTransaction) flush();
  }
  flush();
  stats.documents_failed = sink->error_count() - errors_before;
  if (!failure.ok()) return failure;
  // The rest of the full-text indexing, in bulk (row by row, on the writer
  // thread, it cost more than everything else the writer does).
  if (Status indexed = store->IndexForSearch(); !indexed.ok()) return indexed;
  return stats;
}

namespace {

// The stored documents into *documents without their texts, and their copy groups:
// each document's copy features come from the cache (copy_features) when it holds
// them for its present content, else are taken from its text as the documents are
// read, a batch at a time on the threads, the text let go (never all held) and the
// features cached; then joined with what the last check found (the stored copy
// memory: only new documents are joined with the others; a cache, the groups are
// the same without it). *now: this join's memory.
Result<std::vector<std::vector<std::string>>> FindStoredCopies(const Knowledge& knowledge, Store* store,
                                                               std::vector<Document>* documents, CopyMemory* now) {
  Result<CopyMemory> earlier = store->LoadCopyMemory();
  if (!earlier.ok()) return earlier.status();
  CopyOptions options = CopyOptionsFromRules(knowledge.checks);
  options.threads = ExtractionThreads();
  const std::string options_key = CopyOptionsKey(options);
  std::vector<CopyFeatures> features;
  // The documents read from text (their places in `features`), to cache; the last
  // texts.size() of them are the batch whose features are not taken yet.
  std::vector<size_t> taken;
  std::vector<std::string> texts;
  auto take_features = [&] {
    const size_t first = taken.size() - texts.size();
    ParallelFor(texts.size(), options.threads, [&](int, size_t i) {
      features[taken[first + i]] = CopyFeaturesOf(texts[i], options);
      std::string().swap(texts[i]);
    });
    texts.clear();
  };
  Result<std::vector<Document>> loaded =
      store->LoadDocumentsForCopies(options_key, [&](Document& d, Store::CopyFeatureRow* cached) {
        if (cached) {
          features.push_back(CopyFeatures{std::move(cached->shingles), std::move(cached->credit)});
          return;
        }
        features.emplace_back();
        taken.push_back(features.size() - 1);
        texts.push_back(std::move(d.text));
        d.text = std::string();
        if (texts.size() == 512) take_features();
      });
  if (!loaded.ok()) return loaded.status();
  take_features();
  // Cached a slice at a time (a copy of every new text's features at once was 110 MB
  // at 100k articles). A cache: a failure to write it changes nothing the check finds.
  constexpr size_t kCachedPerWrite = 4096;
  std::vector<Store::CopyFeatureRow> rows;
  for (size_t from = 0; from < taken.size(); from += kCachedPerWrite) {
    rows.clear();
    for (size_t k = from; k < std::min(taken.size(), from + kCachedPerWrite); ++k) {
      const Document& d = (*loaded)[taken[k]];
      rows.push_back({d.id, d.content_hash, features[taken[k]].shingles, features[taken[k]].credit});
    }
    if (!store->SaveCopyFeatures(options_key, rows).ok()) break;
  }
  *documents = std::move(*loaded);
  return FindCopyGroups(*documents, std::move(features), options, &*earlier, now);
}

}  // namespace

Result<Store::ConflictDelta> CheckConflicts(const Knowledge& knowledge, int64_t run_id, Store* store) {
  // Nothing the check reads changed since the last one (documents, claims, rules,
  // this build): its conflicts stand, and reading every text and claim again,
  // comparing them and rewriting every row would cost what the first run did.
  std::string inputs_key;
  if (std::string rules_key = CheckKey(knowledge.checks); !rules_key.empty()) {
    Result<std::string> digest = store->CheckInputsDigest();
    if (!digest.ok()) return digest.status();
    inputs_key = rules_key + "; " + *digest;
    Result<std::optional<Store::ConflictDelta>> kept = store->KeepConflicts(run_id, inputs_key);
    if (!kept.ok()) return kept.status();
    if (kept->has_value()) return std::move(**kept);
  }
  std::vector<Document> documents;  // without their texts
  CopyMemory copies_now;
  Result<std::vector<std::vector<std::string>>> copy_groups = FindStoredCopies(knowledge, store, &documents, &copies_now);
  if (!copy_groups.ok()) return copy_groups.status();
  Result<std::vector<Claim>> claims = store->LoadClaims();
  if (!claims.ok()) return claims.status();
  // The stored rows' hashes: a row built from the same core is handed over with its
  // context only, or as stored, neither built nor written, when from the same
  // inputs too (most rows of a nightly check).
  Result<StoredRowHashes> stored_rows = store->LoadActiveRowHashes();
  if (!stored_rows.ok()) return stored_rows.status();
  CheckOptions check_options;
  check_options.threads = ExtractionThreads();  // the rows do not depend on it
  check_options.copy_groups = &*copy_groups;
  check_options.stored = &*stored_rows;
  // The rows go to the store a batch at a time as the engine builds them: memory
  // holds one batch, not every conflict of the archive.
  std::unique_ptr<Store::ConflictWriter> writer;
  Status failure = Status::Ok();
  ConflictSink sink;
  sink.begin = [&](const std::vector<uint64_t>& ids) {
    Result<std::unique_ptr<Store::ConflictWriter>> begun = store->BeginConflicts(run_id, ids, inputs_key);
    if (!begun.ok()) {
      failure = begun.status();
      return false;
    }
    writer = std::move(begun.value());
    return true;
  };
  sink.trust = [&](const std::vector<std::pair<std::string, double>>& trust) {
    writer->SetSourceTrust(trust);
    return true;
  };
  sink.rows = [&](std::vector<Conflict>& batch) {
    failure = writer->Add(batch);
    return failure.ok();
  };
  CheckClaimsInto(knowledge.checks, documents, *claims, check_options, sink);
  if (!failure.ok()) return failure;
  if (!writer) return Status::Internal("the check handed over no rows");
  Result<Store::ConflictDelta> delta = writer->Finish();
  if (!delta.ok()) return delta;
  if (Status kept = store->SaveCopyMemory(copies_now); !kept.ok()) return kept;
  return delta;
}

}  // namespace claimcheck
