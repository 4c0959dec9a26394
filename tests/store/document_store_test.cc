// Documents and claims: new/unchanged/changed puts, all-or-nothing batches,
// Unicode round trips.
#include <gtest/gtest.h>

#include <map>

#include "base/strings.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

using PutOutcome = Store::PutOutcome;

class DocumentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(":memory:");
    ASSERT_NE(store_, nullptr);
    Result<int64_t> run = store_->BeginRun("2024-07-01T08:00:00Z", "seeds/");
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_ = *run;
  }

  PutOutcome Put(Document& doc, std::vector<Claim>& claims) {
    Result<PutOutcome> outcome = store_->PutDocument(run_, doc, claims);
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return outcome.ok() ? *outcome : PutOutcome::kUnchanged;
  }

  std::string StoredClaims() {
    Result<std::vector<Claim>> claims = store_->LoadClaims();
    EXPECT_TRUE(claims.ok()) << claims.status().ToString();
    return claims.ok() ? Summary(*claims) : "error";
  }

  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
};

TEST_F(DocumentStoreTest, NewDocumentFillsIds) {
  Document doc = MakeDocument("a.txt", "văn bản A");
  std::vector<Claim> claims = {MakeClaim(600, "khoảng 600", 10), MakeClaim(700, "700", 40)};
  EXPECT_EQ(Put(doc, claims), PutOutcome::kNew);
  EXPECT_GT(doc.id, 0);
  EXPECT_EQ(claims[0].document_id, doc.id);
  EXPECT_EQ(claims[1].document_id, doc.id);
  EXPECT_EQ(claims[0].file, "a.txt");
  EXPECT_NE(claims[0].id, claims[1].id);
  EXPECT_EQ(StoredClaims(), "a.txt#1:600 a.txt#2:700");

  Result<std::optional<std::string>> hash = store_->FindDocumentHash("a.txt");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->value_or("none"), doc.content_hash);
  hash = store_->FindDocumentHash("missing.txt");
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(hash->has_value());
}

TEST_F(DocumentStoreTest, SameHashIsUnchangedAndWritesNothing) {
  Document doc = MakeDocument("a.txt", "văn bản A");
  std::vector<Claim> claims = {MakeClaim(600, "khoảng 600")};
  Put(doc, claims);
  Document again = MakeDocument("a.txt", "văn bản A");
  again.title = "a different title, same hash";
  std::vector<Claim> other = {MakeClaim(9, "9"), MakeClaim(10, "10")};
  EXPECT_EQ(Put(again, other), PutOutcome::kUnchanged);
  EXPECT_EQ(again.id, doc.id);
  EXPECT_EQ(other[0].id, 0);  // claims untouched on kUnchanged
  EXPECT_EQ(StoredClaims(), "a.txt#1:600");
  Result<std::vector<Document>> docs = store_->LoadDocuments(false);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].title, "Tiêu đề a.txt");
}

TEST_F(DocumentStoreTest, ChangedHashReplacesAllClaims) {
  Document doc = MakeDocument("a.txt", "bản cũ");
  std::vector<Claim> claims = {MakeClaim(600, "600"), MakeClaim(700, "700", 20)};
  Put(doc, claims);
  Document b = MakeDocument("b.txt", "bài khác");
  std::vector<Claim> b_claims = {MakeClaim(2000, "2.000")};
  Put(b, b_claims);

  Document changed = MakeDocument("a.txt", "bản mới");
  std::vector<Claim> fresh = {MakeClaim(650, "650", 5)};
  EXPECT_EQ(Put(changed, fresh), PutOutcome::kChanged);
  EXPECT_EQ(changed.id, doc.id);
  EXPECT_EQ(fresh[0].document_id, doc.id);
  EXPECT_EQ(fresh[0].id, 4);  // ids are never reused (AUTOINCREMENT)
  EXPECT_EQ(StoredClaims(), "a.txt#4:650 b.txt#3:2000");

  Result<std::vector<Document>> docs = store_->LoadDocuments(true);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].text, "bản mới");
  EXPECT_EQ((*docs)[0].content_hash, changed.content_hash);
}

TEST_F(DocumentStoreTest, ClaimFieldsRoundTrip) {
  Document doc = MakeDocument("a.txt", "x");
  Claim open_ended = MakeClaim(4000, "hơn 4.000", 3);
  open_ended.qualifier = Qualifier::kMoreThan;
  open_ended.low = 4000;
  open_ended.high = std::nullopt;
  open_ended.as_of_inferred = true;
  Claim date;
  date.kind = ClaimKind::kDate;
  date.metric = "treaty_signed";
  date.subject = "russia_north_korea";
  date.date = "2024-06";
  date.qualifier = Qualifier::kExact;
  date.quote = "hồi tháng 6/2024";
  date.span_begin = 50;
  date.span_end = 70;
  std::vector<Claim> claims = {open_ended, date};
  Put(doc, claims);
  Result<std::vector<Claim>> loaded = store_->LoadClaims();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0].ToString(), claims[0].ToString());
  EXPECT_FALSE((*loaded)[0].high.has_value());
  EXPECT_TRUE((*loaded)[0].as_of_inferred);
  EXPECT_EQ((*loaded)[0].pattern_id, "count.killed");
  EXPECT_DOUBLE_EQ((*loaded)[0].confidence, 0.9);
  EXPECT_EQ((*loaded)[1].ToString(), claims[1].ToString());
  EXPECT_FALSE((*loaded)[1].low.has_value());

  Result<std::vector<ClaimRef>> refs = store_->LoadClaimRefs();
  ASSERT_TRUE(refs.ok());
  ASSERT_EQ(refs->size(), 2u);
  EXPECT_EQ((*refs)[0].outlet, "a.txt.example");
  EXPECT_EQ((*refs)[0].published, "2024-06-20");
  EXPECT_EQ((*refs)[0].url, "https://a.txt.example/article");
}

TEST_F(DocumentStoreTest, UnicodeRoundTrips) {
  const std::string text =
      "Khoảng 600 lính Triều Tiên thiệt mạng — theo NIS. «Ước tính» 1,5 triệu ₫; 日本; 🙂";
  Document doc = MakeDocument("việt.txt", text);
  doc.title = "Chiến sự ở Kursk: con số “thương vong”";
  doc.outlet = "Báo Điện tử";
  std::vector<Claim> claims = {MakeClaim(600, "Khoảng 600 lính", 0)};
  claims[0].sentence = text;
  Put(doc, claims);
  Result<std::vector<Document>> docs = store_->LoadDocuments(true);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].ToString(), doc.ToString());
  EXPECT_EQ((*docs)[0].text, text);
  EXPECT_EQ((*docs)[0].title, doc.title);
  Result<std::vector<Claim>> loaded = store_->LoadClaims();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ((*loaded)[0].quote, "Khoảng 600 lính");
  EXPECT_EQ((*loaded)[0].sentence, text);
  EXPECT_EQ((*loaded)[0].file, "việt.txt");
}

TEST_F(DocumentStoreTest, LoadDocumentsWithoutText) {
  Document doc = MakeDocument("a.txt", "nội dung");
  std::vector<Claim> none;
  Put(doc, none);
  Result<std::vector<Document>> docs = store_->LoadDocuments(false);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].text, "");
  EXPECT_EQ((*docs)[0].id, doc.id);
  EXPECT_EQ((*docs)[0].content_hash, doc.content_hash);
}

TEST_F(DocumentStoreTest, LoadDocumentsForCopiesHandsEachTextOverAsItIsRead) {
  Document b = MakeDocument("b.txt", "văn bản B");
  Document a = MakeDocument("a.txt", "văn bản A");
  std::vector<Claim> none;
  Put(b, none);
  Put(a, none);
  // Each document with its text (nothing cached), in file order; what `each` leaves
  // is what is kept.
  std::vector<std::string> seen;
  Result<std::vector<Document>> docs = store_->LoadDocumentsForCopies("k=5", [&](Document& d, Store::CopyFeatureRow* cached) {
    EXPECT_EQ(cached, nullptr);
    seen.push_back(d.file + ":" + d.text);
    d.text.clear();
  });
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(Join(seen, ","), "a.txt:văn bản A,b.txt:văn bản B");
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].text, "");
  EXPECT_EQ((*docs)[0].id, a.id);
  EXPECT_EQ((*docs)[1].content_hash, b.content_hash);
}

TEST_F(DocumentStoreTest, ClaimCountsFollowTheStoredClaims) {
  Document a = MakeDocument("a.txt", "văn bản A");
  Document b = MakeDocument("b.txt", "văn bản B");
  std::vector<Claim> a_claims = {MakeClaim(600, "600", 0), MakeClaim(700, "700", 10)};
  std::vector<Claim> none;
  Put(a, a_claims);
  Put(b, none);
  auto counts = [&] {
    Result<std::vector<std::pair<std::string, int64_t>>> r = store_->LoadClaimCounts();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::map<std::string, int64_t> m(r->begin(), r->end());
    std::string out;
    for (const auto& [file, n] : m) out += file + "=" + std::to_string(n) + " ";
    return out;
  };
  EXPECT_EQ(counts(), "a.txt=2 b.txt=0 ");
  Document a2 = MakeDocument("a.txt", "văn bản A, sửa lại");
  std::vector<Claim> a2_claims = {MakeClaim(800, "800", 0)};
  Put(a2, a2_claims);
  EXPECT_EQ(counts(), "a.txt=1 b.txt=0 ");
}

// What a report lists: the first documents by file with their claims, and the
// totals of all.
TEST_F(DocumentStoreTest, DocumentListingShowsTheFirstByFileAndCountsAll) {
  std::vector<std::vector<Claim>> claims = {{MakeClaim(600, "600", 0), MakeClaim(700, "700", 10)}, {}, {}};
  claims[2] = {MakeClaim(900, "900", 0)};
  const char* files[] = {"c.txt", "a.txt", "b.txt"};
  for (int i = 0; i < 3; ++i) {
    Document d = MakeDocument(files[i], std::string("văn bản ") + files[i]);
    d.outlet = std::string("outlet-") + files[i];
    Put(d, claims[static_cast<size_t>(i)]);
  }
  auto listing = [&](size_t limit) {
    Result<Store::DocumentListing> r = store_->LoadDocumentListing(limit);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::string out = std::to_string(r->documents) + " documents, " + std::to_string(r->claims) + " claims:";
    for (const auto& [d, n] : r->first) out += " " + d.file + "(" + d.outlet + ")=" + std::to_string(n) + d.text;
    return out;
  };
  EXPECT_EQ(listing(2), "3 documents, 3 claims: a.txt(outlet-a.txt)=0 b.txt(outlet-b.txt)=1");
  EXPECT_EQ(listing(10), "3 documents, 3 claims: a.txt(outlet-a.txt)=0 b.txt(outlet-b.txt)=1 c.txt(outlet-c.txt)=2");
  Result<int64_t> total = store_->CountClaims();
  ASSERT_TRUE(total.ok());
  EXPECT_EQ(*total, 3);
}

TEST_F(DocumentStoreTest, BatchPutsSeveralDocuments) {
  std::vector<std::pair<Document, std::vector<Claim>>> batch;
  batch.emplace_back(MakeDocument("a.txt", "A"), std::vector<Claim>{MakeClaim(1, "1")});
  batch.emplace_back(MakeDocument("b.txt", "B"), std::vector<Claim>{MakeClaim(2, "2")});
  Result<std::vector<PutOutcome>> outcomes = store_->PutDocuments(run_, batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
  EXPECT_EQ(*outcomes, (std::vector<PutOutcome>{PutOutcome::kNew, PutOutcome::kNew}));
  EXPECT_GT(batch[1].first.id, batch[0].first.id);
  EXPECT_EQ(batch[1].second[0].document_id, batch[1].first.id);

  batch[1].first = MakeDocument("b.txt", "B2");
  outcomes = store_->PutDocuments(run_, batch);
  ASSERT_TRUE(outcomes.ok());
  EXPECT_EQ(*outcomes, (std::vector<PutOutcome>{PutOutcome::kUnchanged, PutOutcome::kChanged}));
  EXPECT_EQ(StoredClaims(), "a.txt#1:1 b.txt#3:2");
}

// A constraint failure on the last claim of the last document rolls back
// the whole batch, including the change to a.txt made earlier in it.
TEST_F(DocumentStoreTest, FailingBatchWritesNothing) {
  Document a = MakeDocument("a.txt", "A");
  std::vector<Claim> a_claims = {MakeClaim(600, "600")};
  Put(a, a_claims);

  std::vector<std::pair<Document, std::vector<Claim>>> batch;
  batch.emplace_back(MakeDocument("a.txt", "A changed"), std::vector<Claim>{MakeClaim(9, "9")});
  Claim bad = MakeClaim(7, "7", 30);
  bad.span_end = 10;  // before span_begin: violates the CHECK constraint
  batch.emplace_back(MakeDocument("c.txt", "C"), std::vector<Claim>{MakeClaim(5, "5"), bad});
  Result<std::vector<PutOutcome>> outcomes = store_->PutDocuments(run_, batch);
  ASSERT_FALSE(outcomes.ok());
  EXPECT_EQ(outcomes.status().code(), Status::Code::kDatabase);
  EXPECT_NE(outcomes.status().message().find("CHECK"), std::string::npos)
      << outcomes.status().message();

  EXPECT_EQ(StoredClaims(), "a.txt#1:600");
  Result<std::optional<std::string>> hash = store_->FindDocumentHash("a.txt");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->value_or(""), a.content_hash);
  hash = store_->FindDocumentHash("c.txt");
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(hash->has_value());
  EXPECT_EQ(batch[0].first.id, 0);  // the caller's structs are untouched
  EXPECT_EQ(batch[1].second[0].id, 0);

  // The store is still usable after the rollback.
  Document c = MakeDocument("c.txt", "C");
  std::vector<Claim> c_claims = {MakeClaim(5, "5")};
  EXPECT_EQ(Put(c, c_claims), PutOutcome::kNew);
}

TEST_F(DocumentStoreTest, FailingSinglePutWritesNothing) {
  Document doc = MakeDocument("a.txt", "A");
  std::vector<Claim> claims = {MakeClaim(1, "1"), MakeClaim(2, "2")};
  claims[1].confidence = 1.5;  // outside [0, 1]
  Result<PutOutcome> outcome = store_->PutDocument(run_, doc, claims);
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.status().message().find("a.txt"), std::string::npos);
  EXPECT_EQ(doc.id, 0);
  Result<std::vector<Document>> docs = store_->LoadDocuments(false);
  ASSERT_TRUE(docs.ok());
  EXPECT_TRUE(docs->empty());
  EXPECT_EQ(StoredClaims(), "");
}

TEST_F(DocumentStoreTest, UnknownRunIsRejected) {
  Document doc = MakeDocument("a.txt", "A");
  std::vector<Claim> claims;
  Result<PutOutcome> outcome = store_->PutDocument(run_ + 41, doc, claims);
  ASSERT_FALSE(outcome.ok());  // foreign key to runs
  EXPECT_EQ(outcome.status().code(), Status::Code::kDatabase);
  EXPECT_EQ(Put(doc, claims), PutOutcome::kNew);
}

}  // namespace
}  // namespace claimcheck
