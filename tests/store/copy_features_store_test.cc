// The copy features cache (copy_features, db/migrations/0016): the delta blob
// codec, and LoadDocumentsForCopies handing each document its cached features only
// when they were taken under the same options from its present content (else its
// text), a blob it cannot read counting as none.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/strings.h"
#include "store/delta_blob.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

std::string Ids(const std::vector<uint32_t>& ids) {
  std::vector<std::string> parts;
  for (uint32_t id : ids) parts.push_back(std::to_string(id));
  return Join(parts, ",");
}

TEST(DeltaBlobTest, RoundTripsAndRefusesWhatItCannotHaveWritten) {
  const std::vector<std::vector<uint32_t>> cases = {
      {}, {0}, {0, 0, 1}, {127}, {128}, {5, 133, 16383, 16384, (1u << 24) - 1}, {UINT32_MAX}, {1, UINT32_MAX}};
  for (const auto& ids : cases) {
    const std::string blob = EncodeDeltas(ids);
    std::optional<std::vector<uint32_t>> back = DecodeDeltas(blob);
    ASSERT_TRUE(back.has_value()) << Ids(ids);
    EXPECT_EQ(Ids(*back), Ids(ids));
  }
  EXPECT_EQ(EncodeDeltas({127}), std::string("\x7f"));
  EXPECT_EQ(EncodeDeltas({128}), std::string("\x80\x01"));
  EXPECT_EQ(EncodeDeltas({5, 133}), std::string("\x05\x80\x01"));  // 133 - 5 = 128
  EXPECT_FALSE(DecodeDeltas(std::string("\x05\x80")).has_value());                   // cut inside an id
  EXPECT_FALSE(DecodeDeltas(std::string("\xff\xff\xff\xff\xff\x01")).has_value());  // more than 32 bits
  EXPECT_FALSE(DecodeDeltas(EncodeDeltas({UINT32_MAX}) + EncodeDeltas({1})).has_value());  // past 2^32
}

class CopyFeaturesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(tmp_.path());
    ASSERT_NE(store_, nullptr);
    Result<int64_t> run = store_->BeginRun("2025-03-01T00:00:00Z", "feed");
    ASSERT_TRUE(run.ok());
    for (const char* file : {"a.txt", "b.txt"}) {
      Document d = MakeDocument(file, std::string("text of ") + file);
      std::vector<Claim> none;
      ASSERT_TRUE(store_->PutDocument(*run, d, none).ok());
      docs_.push_back(d);
    }
  }

  // Per document in load order: "file:text" when its text was handed, or
  // "file=[ids] credit" when its cached features were.
  std::string Loaded(const std::string& options) {
    std::vector<std::string> out;
    Result<std::vector<Document>> loaded =
        store_->LoadDocumentsForCopies(options, [&](Document& d, Store::CopyFeatureRow* cached) {
          if (cached) {
            EXPECT_EQ(d.text, "") << d.file;
            EXPECT_EQ(cached->document_id, d.id);
            out.push_back(d.file + "=[" + Ids(cached->shingles) + "] " + cached->credit);
          } else {
            out.push_back(d.file + ":" + d.text);
          }
        });
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return Join(out, " | ");
  }

  Store::CopyFeatureRow Row(const Document& d, std::vector<uint32_t> shingles, std::string credit = "") {
    return {d.id, d.content_hash, std::move(shingles), std::move(credit)};
  }

  TempDbPath tmp_;
  std::unique_ptr<Store> store_;
  std::vector<Document> docs_;
};

TEST_F(CopyFeaturesStoreTest, CachedFeaturesReplaceTheTextOnlyForTheSameOptionsAndContent) {
  EXPECT_EQ(Loaded("k=5"), "a.txt:text of a.txt | b.txt:text of b.txt");
  ASSERT_TRUE(store_->SaveCopyFeatures("k=5", {Row(docs_[0], {3, 70000, 9000000}, "vnexpress")}).ok());
  EXPECT_EQ(Loaded("k=5"), "a.txt=[3,70000,9000000] vnexpress | b.txt:text of b.txt");
  // Other copy options: the cache does not hold for them.
  EXPECT_EQ(Loaded("k=4"), "a.txt:text of a.txt | b.txt:text of b.txt");
  // Saved again: replaced.
  ASSERT_TRUE(store_->SaveCopyFeatures("k=5", {Row(docs_[0], {4}), Row(docs_[1], {})}).ok());
  EXPECT_EQ(Loaded("k=5"), "a.txt=[4]  | b.txt=[] ");
  // The document changed since: its text again.
  Result<int64_t> run = store_->BeginRun("2025-03-02T00:00:00Z", "feed");
  ASSERT_TRUE(run.ok());
  Document changed = MakeDocument("a.txt", "a corrected text");
  std::vector<Claim> none;
  ASSERT_TRUE(store_->PutDocument(*run, changed, none).ok());
  EXPECT_EQ(Loaded("k=5"), "a.txt:a corrected text | b.txt=[] ");
  // A blob it cannot read: the text.
  ASSERT_TRUE(store_->SaveCopyFeatures("k=5", {Row(docs_[1], {1})}).ok());
  {
    SQLite::Database db(tmp_.path(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE copy_features SET shingles = x'80' WHERE document_id = " + std::to_string(docs_[1].id));
  }
  EXPECT_EQ(Loaded("k=5"), "a.txt:a corrected text | b.txt:text of b.txt");
}

}  // namespace
}  // namespace claimcheck
