// Store methods for documents and their claims: change detection by content
// hash, all-or-nothing writes, and loading claims back for the engine.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "store/delta_blob.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claimcheck {
namespace {

// What one put wrote, applied to the caller's structs only after commit.
struct Written {
  Store::PutOutcome outcome = Store::PutOutcome::kUnchanged;
  int64_t document_id = 0;
  std::vector<int64_t> claim_ids;
};

// A claim's columns, in the order ClaimColumn numbers them (read by position:
// a name is looked up in a map per call, 20 columns of every claim).
constexpr char kClaimColumns[] =
    "cl.id, cl.document_id, cl.file, cl.kind, cl.metric, cl.subject, cl.value, cl.qualifier, cl.low, cl.high, "
    "cl.unit, cl.date, cl.as_of, cl.as_of_inferred, cl.attributed_to, cl.quote, cl.sentence, cl.span_begin, "
    "cl.span_end, cl.confidence, cl.pattern_id";
enum ClaimColumn : int {
  kClaimId,
  kClaimDocumentId,
  kClaimFile,
  kClaimKind,
  kClaimMetric,
  kClaimSubject,
  kClaimValue,
  kClaimQualifier,
  kClaimLow,
  kClaimHigh,
  kClaimUnit,
  kClaimDate,
  kClaimAsOf,
  kClaimAsOfInferred,
  kClaimAttributedTo,
  kClaimQuote,
  kClaimSentence,
  kClaimSpanBegin,
  kClaimSpanEnd,
  kClaimConfidence,
  kClaimPatternId,
  kClaimColumnCount,  // the columns a query may add come after
};

// Binds ?1..?10 of the document insert and update below (by position: SQLite
// looks a name up by scanning every parameter name). The strings are bound
// without a copy: `d` outlives the statement's execution, and the next lease
// of the statement clears the bindings.
void BindDocument(SQLite::Statement& st, const Document& d) {
  st.bindNoCopy(1, d.file);
  st.bindNoCopy(2, d.path);
  st.bindNoCopy(3, d.url);
  st.bindNoCopy(4, d.outlet);
  st.bindNoCopy(5, d.language);
  st.bindNoCopy(6, d.published);
  st.bindNoCopy(7, d.title);
  st.bindNoCopy(8, d.text);
  st.bindNoCopy(9, d.content_hash);
  st.bindNoCopy(10, d.raw_hash);
}

int64_t InsertClaim(StoreConnection& impl, int64_t document_id, const std::string& file,
                    const Claim& c) {
  StatementLease st = impl.Prepare(
      "INSERT INTO claims(document_id, file, kind, metric, subject, value, qualifier, low, "
      "high, unit, date, as_of, as_of_inferred, attributed_to, quote, sentence, span_begin, "
      "span_end, confidence, pattern_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
  // By position, strings without a copy (see BindDocument).
  st->bind(1, document_id);
  st->bindNoCopy(2, file);
  st->bind(3, std::string(ClaimKindName(c.kind)));
  st->bindNoCopy(4, c.metric);
  st->bindNoCopy(5, c.subject);
  st->bind(6, c.value);
  st->bind(7, std::string(QualifierName(c.qualifier)));
  BindOptionalAt(*st, 8, c.low);
  BindOptionalAt(*st, 9, c.high);
  st->bindNoCopy(10, c.unit);
  st->bindNoCopy(11, c.date);
  st->bindNoCopy(12, c.as_of);
  st->bind(13, c.as_of_inferred ? 1 : 0);
  st->bindNoCopy(14, c.attributed_to);
  st->bindNoCopy(15, c.quote);
  st->bindNoCopy(16, c.sentence);
  st->bind(17, static_cast<int64_t>(c.span_begin));
  st->bind(18, static_cast<int64_t>(c.span_end));
  st->bind(19, c.confidence);
  st->bindNoCopy(20, c.pattern_id);
  st->exec();
  return impl.db.getLastInsertRowid();
}

// Every row of a two-text-column query, as pairs. Throws SQLite::Exception on failure.
Result<std::vector<std::pair<std::string, std::string>>> TextPairs(StoreConnection& impl, const char* sql) {
  StatementLease st = impl.Prepare(sql);
  std::vector<std::pair<std::string, std::string>> pairs;
  while (st->executeStep()) pairs.emplace_back(st->getColumn(0).getString(), st->getColumn(1).getString());
  return pairs;
}

// Writes one document and its claims inside the caller's transaction.
// Throws SQLite::Exception on failure.
Written PutOne(StoreConnection& impl, int64_t run_id, const Document& doc,
               const std::vector<Claim>& claims) {
  Written w;
  {
    StatementLease find = impl.Prepare("SELECT id, content_hash FROM documents WHERE file = ?");
    find->bind(1, doc.file);
    if (find->executeStep()) {
      w.document_id = find->getColumn(0).getInt64();
      if (find->getColumn(1).getString() == doc.content_hash) return w;  // kUnchanged
    }
  }
  if (w.document_id == 0) {
    StatementLease insert = impl.Prepare(
        "INSERT INTO documents(file, path, url, outlet, language, published, title, text, "
        "content_hash, raw_hash, claim_count, first_run_id, updated_run_id) VALUES (?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)");
    BindDocument(*insert, doc);
    insert->bind(11, static_cast<int64_t>(claims.size()));
    BindIdAt(*insert, 12, run_id);
    insert->exec();
    w.document_id = impl.db.getLastInsertRowid();
    w.outcome = Store::PutOutcome::kNew;
  } else {
    StatementLease update = impl.Prepare(
        "UPDATE documents SET file = ?1, path = ?2, url = ?3, outlet = ?4, language = ?5, "
        "published = ?6, title = ?7, text = ?8, content_hash = ?9, raw_hash = ?10, "
        "claim_count = ?11, updated_run_id = ?12 WHERE id = ?13");
    BindDocument(*update, doc);
    update->bind(11, static_cast<int64_t>(claims.size()));
    BindIdAt(*update, 12, run_id);
    update->bind(13, w.document_id);
    update->exec();
    StatementLease remove = impl.Prepare("DELETE FROM claims WHERE document_id = ?");
    remove->bind(1, w.document_id);
    remove->exec();
    w.outcome = Store::PutOutcome::kChanged;
  }
  for (const Claim& c : claims) w.claim_ids.push_back(InsertClaim(impl, w.document_id, doc.file, c));
  return w;
}

void ApplyWritten(const Written& w, Document& doc, std::vector<Claim>& claims) {
  doc.id = w.document_id;
  if (w.outcome == Store::PutOutcome::kUnchanged) return;
  for (size_t i = 0; i < claims.size(); ++i) {
    claims[i].id = w.claim_ids[i];
    claims[i].document_id = w.document_id;
    claims[i].file = doc.file;
  }
}

// The claim in the first kClaimColumnCount columns of `st` (kClaimColumns).
Claim ReadClaim(SQLite::Statement& st) {
  Claim c;
  c.id = st.getColumn(kClaimId).getInt64();
  c.document_id = st.getColumn(kClaimDocumentId).getInt64();
  c.file = st.getColumn(kClaimFile).getString();
  c.kind = ParseClaimKind(st.getColumn(kClaimKind).getString()).value_or(ClaimKind::kCount);
  c.metric = st.getColumn(kClaimMetric).getString();
  c.subject = st.getColumn(kClaimSubject).getString();
  c.value = st.getColumn(kClaimValue).getDouble();
  c.qualifier = ParseQualifier(st.getColumn(kClaimQualifier).getString()).value_or(Qualifier::kExact);
  c.low = OptionalDouble(st.getColumn(kClaimLow));
  c.high = OptionalDouble(st.getColumn(kClaimHigh));
  c.unit = st.getColumn(kClaimUnit).getString();
  c.date = st.getColumn(kClaimDate).getString();
  c.as_of = st.getColumn(kClaimAsOf).getString();
  c.as_of_inferred = st.getColumn(kClaimAsOfInferred).getInt() != 0;
  c.attributed_to = st.getColumn(kClaimAttributedTo).getString();
  c.quote = st.getColumn(kClaimQuote).getString();
  c.sentence = st.getColumn(kClaimSentence).getString();
  c.span_begin = static_cast<size_t>(st.getColumn(kClaimSpanBegin).getInt64());
  c.span_end = static_cast<size_t>(st.getColumn(kClaimSpanEnd).getInt64());
  c.confidence = st.getColumn(kClaimConfidence).getDouble();
  c.pattern_id = st.getColumn(kClaimPatternId).getString();
  return c;
}

// A document's id, file, path, url, outlet, language, published and title: the
// first 8 columns of `st`, in that order (read by position: a name is a map
// lookup per call).
Document ReadDocumentFacts(SQLite::Statement& st) {
  Document d;
  d.id = st.getColumn(0).getInt64();
  d.file = st.getColumn(1).getString();
  d.path = st.getColumn(2).getString();
  d.url = st.getColumn(3).getString();
  d.outlet = st.getColumn(4).getString();
  d.language = st.getColumn(5).getString();
  d.published = st.getColumn(6).getString();
  d.title = st.getColumn(7).getString();
  return d;
}

// The claims of stored documents in check order: file, position, id.
constexpr char kClaimsInOrder[] =
    "FROM claims cl JOIN documents d ON d.id = cl.document_id ORDER BY cl.file, cl.span_begin, cl.id";

// The rows of `count_sql` (a SELECT count(*)), to reserve a vector before it is
// read: grown by doubling, a vector of 305k claims (424 bytes each) held room for
// 524k, 93 MB unused. A hint only: the rows read may be fewer.
size_t ReserveHint(StoreConnection& impl, const char* count_sql) {
  StatementLease st = impl.Prepare(count_sql);
  return st->executeStep() ? static_cast<size_t>(std::max<int64_t>(0, st->getColumn(0).getInt64())) : 0;
}

}  // namespace

Result<std::optional<std::string>> Store::FindDocumentHash(const std::string& file) {
  return Guarded("FindDocumentHash", [&]() -> Result<std::optional<std::string>> {
    StatementLease st = impl_->Prepare("SELECT content_hash FROM documents WHERE file = ?");
    st->bind(1, file);
    if (!st->executeStep()) return std::optional<std::string>();
    return std::optional<std::string>(st->getColumn(0).getString());
  });
}

Result<std::vector<std::pair<std::string, std::string>>> Store::LoadDocumentHashes() {
  return Guarded("LoadDocumentHashes", [&]() { return TextPairs(*impl_, "SELECT file, content_hash FROM documents"); });
}

Result<std::vector<std::pair<std::string, std::string>>> Store::LoadRawHashes() {
  return Guarded("LoadRawHashes", [&]() {
    return TextPairs(*impl_, "SELECT raw_hash, published FROM documents WHERE raw_hash <> ''");
  });
}

Result<Store::PutOutcome> Store::PutDocument(int64_t run_id, Document& doc,
                                             std::vector<Claim>& claims) {
  return Guarded("PutDocument " + doc.file, [&]() -> Result<PutOutcome> {
    SQLite::Transaction transaction(impl_->db, kWriteTransaction);
    Written w = PutOne(*impl_, run_id, doc, claims);
    transaction.commit();
    ApplyWritten(w, doc, claims);
    return w.outcome;
  });
}

Result<std::vector<Store::PutOutcome>> Store::PutDocuments(
    int64_t run_id, std::vector<std::pair<Document, std::vector<Claim>>>& batch) {
  return Guarded("PutDocuments", [&]() -> Result<std::vector<PutOutcome>> {
    SQLite::Transaction transaction(impl_->db, kWriteTransaction);
    std::vector<Written> written;
    for (const auto& [doc, claims] : batch) written.push_back(PutOne(*impl_, run_id, doc, claims));
    transaction.commit();
    std::vector<PutOutcome> outcomes;
    for (size_t i = 0; i < batch.size(); ++i) {
      ApplyWritten(written[i], batch[i].first, batch[i].second);
      outcomes.push_back(written[i].outcome);
    }
    return outcomes;
  });
}

Result<std::vector<Document>> Store::LoadDocuments(bool with_text) {
  return Guarded("LoadDocuments", [&]() -> Result<std::vector<Document>> {
    StatementLease st = impl_->Prepare(
        "SELECT id, file, path, url, outlet, language, published, title, "
        "CASE WHEN ? THEN text ELSE '' END AS text, content_hash FROM documents ORDER BY file");
    st->bind(1, with_text ? 1 : 0);
    std::vector<Document> docs;
    docs.reserve(ReserveHint(*impl_, "SELECT count(*) FROM documents"));
    while (st->executeStep()) {
      Document d = ReadDocumentFacts(*st);
      d.text = st->getColumn(8).getString();
      d.content_hash = st->getColumn(9).getString();
      docs.push_back(std::move(d));
    }
    return docs;
  });
}

Result<std::vector<Document>> Store::LoadDocumentsForCopies(
    const std::string& options, const std::function<void(Document&, CopyFeatureRow*)>& each) {
  return Guarded("LoadDocumentsForCopies", [&]() -> Result<std::vector<Document>> {
    StatementLease st = impl_->Prepare(
        "SELECT d.id, d.file, d.path, d.url, d.outlet, d.language, d.published, d.title, "
        "CASE WHEN f.document_id IS NULL THEN d.text ELSE '' END, d.content_hash, f.shingles, f.credit "
        "FROM documents d LEFT JOIN copy_features f "
        "ON f.document_id = d.id AND f.options = ?1 AND f.content_hash = d.content_hash ORDER BY d.file");
    st->bindNoCopy(1, options);
    std::vector<Document> docs;
    docs.reserve(ReserveHint(*impl_, "SELECT count(*) FROM documents"));
    CopyFeatureRow cached;
    while (st->executeStep()) {
      Document d = ReadDocumentFacts(*st);
      d.text = st->getColumn(8).getString();
      d.content_hash = st->getColumn(9).getString();
      std::optional<std::vector<uint32_t>> shingles;
      if (const SQLite::Column blob = st->getColumn(10); !blob.isNull()) {  // cached
        shingles = DecodeDeltas(std::string_view(static_cast<const char*>(blob.getBlob()),
                                                 static_cast<size_t>(blob.getBytes())));
        if (!shingles) {
          // Not what SaveCopyFeatures wrote: read the text instead.
          StatementLease text = impl_->Prepare("SELECT text FROM documents WHERE id = ?1");
          text->bind(1, d.id);
          if (text->executeStep()) d.text = text->getColumn(0).getString();
        }
      }
      if (shingles) {
        cached.document_id = d.id;
        cached.content_hash = d.content_hash;
        cached.shingles = std::move(*shingles);
        cached.credit = st->getColumn(11).getString();
      }
      if (each) each(d, shingles ? &cached : nullptr);
      docs.push_back(std::move(d));
    }
    return docs;
  });
}

Result<std::vector<std::pair<std::string, int64_t>>> Store::LoadClaimCounts() {
  return Guarded("LoadClaimCounts", [&]() -> Result<std::vector<std::pair<std::string, int64_t>>> {
    StatementLease st = impl_->Prepare("SELECT file, claim_count FROM documents");
    std::vector<std::pair<std::string, int64_t>> counts;
    while (st->executeStep()) counts.emplace_back(st->getColumn(0).getString(), st->getColumn(1).getInt64());
    return counts;
  });
}

Result<Store::DocumentListing> Store::LoadDocumentListing(size_t limit) {
  return Guarded("LoadDocumentListing", [&]() -> Result<DocumentListing> {
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    DocumentListing listing;
    {
      StatementLease st = impl_->Prepare(
          "SELECT id, file, path, url, outlet, language, published, title, claim_count "
          "FROM documents ORDER BY file LIMIT ?");
      st->bind(1, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
      while (st->executeStep()) {
        listing.first.emplace_back(ReadDocumentFacts(*st), st->getColumn(8).getInt64());
      }
    }
    {
      StatementLease st = impl_->Prepare("SELECT count(*) FROM documents");
      st->executeStep();
      listing.documents = st->getColumn(0).getInt64();
    }
    StatementLease st = impl_->Prepare("SELECT count(*) FROM claims");
    st->executeStep();
    listing.claims = st->getColumn(0).getInt64();
    read.commit();
    return listing;
  });
}

Result<int64_t> Store::CountClaims() {
  return Guarded("CountClaims", [&]() -> Result<int64_t> {
    StatementLease st = impl_->Prepare("SELECT count(*) FROM claims");
    st->executeStep();
    return st->getColumn(0).getInt64();
  });
}

Result<std::vector<Claim>> Store::LoadClaims() {
  // As LoadClaimRefs orders and filters them (claims of stored documents), without
  // reading their documents' columns.
  return Guarded("LoadClaims", [&]() -> Result<std::vector<Claim>> {
    static const std::string kSql = std::string("SELECT ") + kClaimColumns + " " + kClaimsInOrder;
    StatementLease st = impl_->Prepare(kSql.c_str());
    std::vector<Claim> claims;
    claims.reserve(ReserveHint(*impl_, "SELECT count(*) FROM claims"));
    while (st->executeStep()) claims.push_back(ReadClaim(*st));
    return claims;
  });
}

Result<std::vector<ClaimRef>> Store::LoadClaimRefs() {
  return Guarded("LoadClaimRefs", [&]() -> Result<std::vector<ClaimRef>> {
    static const std::string kSql =
        std::string("SELECT ") + kClaimColumns + ", d.outlet, d.published, d.url " + kClaimsInOrder;
    StatementLease st = impl_->Prepare(kSql.c_str());
    std::vector<ClaimRef> refs;
    refs.reserve(ReserveHint(*impl_, "SELECT count(*) FROM claims"));
    while (st->executeStep()) {
      ClaimRef ref;
      ref.claim = ReadClaim(*st);
      ref.outlet = st->getColumn(kClaimColumnCount).getString();
      ref.published = st->getColumn(kClaimColumnCount + 1).getString();
      ref.url = st->getColumn(kClaimColumnCount + 2).getString();
      refs.push_back(std::move(ref));
    }
    return refs;
  });
}

}  // namespace claimcheck
