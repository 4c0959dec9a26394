// A run whose check would read exactly what the last check read (documents,
// claims, check rules, this build) keeps the active conflicts instead of
// computing them again (CheckConflicts -> Store::KeepConflicts); anything
// changed, and the check runs in full. A source's trust edited behind claimcheck's
// back shows which of the two happened: a kept check leaves it, a full one (truth
// discovery over every claim) writes it again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <utility>

#include "base/strings.h"

#include "feed_store_fixture.h"
#include "pipeline/pipeline.h"
#include "shipped_rules.h"
#include "store/store.h"

namespace claimcheck {
namespace {

class KeptCheckTest : public FeedStoreTest {
 protected:
  KeptCheckTest() : FeedStoreTest("claimcheck-kept") {}

  // One nightly run: ingest the feed, check; returns the delta as a string.
  std::string Run(const Knowledge& k) {
    Result<int64_t> run = store_->BeginRun("2025-03-10T00:00:00Z", "feed");
    EXPECT_TRUE(run.ok());
    run_ = *run;
    DiagnosticSink sink;
    auto stats = IngestAndExtract({feed_.string()}, k, run_, store_.get(), &sink);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    Result<Store::ConflictDelta> delta = CheckConflicts(k, run_, store_.get());
    EXPECT_TRUE(delta.ok()) << delta.status().ToString();
    if (!delta.ok()) return delta.status().ToString();
    return "new=" + std::to_string(delta->new_count) + " open=" + std::to_string(delta->still_open) +
           " resolved=" + std::to_string(delta->resolved);
  }

  // Edits every source's trust behind claimcheck's back (source_trust, which every
  // full check writes).
  void Tamper() { Exec("UPDATE source_trust SET trust = -1"); }
  // The sources still so edited.
  int Tampered() { return std::stoi(Query("SELECT count(*) FROM source_trust WHERE trust = -1")); }
  // Every conflict column but the run bookkeeping (last_run_id), each side's trust by its key.
  std::string Rows() {
    return Query("SELECT c.id, rule_id, severity, active, claim_a_id, claim_b_id, a_quote, b_quote, explanation, "
                 "explanation_vi, s.likely_value, s.support_a, s.support_b, "
                 "(SELECT trust FROM source_trust WHERE key = s.trust_key_a), "
                 "(SELECT trust FROM source_trust WHERE key = s.trust_key_b), s.series, s.content_hash, s.core_hash, "
                 "s.inputs_hash "
                 "FROM conflicts c JOIN conflict_state s ON s.conflict_id = c.id ORDER BY c.id");
  }

  int64_t run_ = 0;
};

TEST_F(KeptCheckTest, UnchangedInputsKeepTheConflicts) {
  WriteFeed(feed_, {120, 80, 45});
  const std::string first = Run(ShippedRules());
  const int active = std::stoi(Query("SELECT count(*) FROM conflicts WHERE active = 1"));
  ASSERT_GT(active, 0) << Rows();
  EXPECT_EQ(first, "new=" + std::to_string(active) + " open=0 resolved=0");
  const std::string rows = Rows();
  Tamper();

  // Nothing changed: kept. The delta and the records are a re-check's.
  const int sources = std::stoi(Query("SELECT count(*) FROM source_trust"));
  ASSERT_GT(sources, 0);
  EXPECT_EQ(Run(ShippedRules()), "new=0 open=" + std::to_string(active) + " resolved=0");
  EXPECT_EQ(Tampered(), sources);
  const std::string run = std::to_string(run_);
  // The kept run changed nothing (no run_conflicts row), none is new any more
  // (review --new), and it is every active conflict's last run.
  EXPECT_EQ(Query("SELECT count(*) FROM run_conflicts WHERE run_id = " + run), "0\n");
  EXPECT_EQ(Query("SELECT count(*) FROM latest_run_conflicts"), "0\n");
  EXPECT_EQ(Query("SELECT count(*) FROM open_conflicts WHERE last_run_id = " + run), std::to_string(active) + "\n");

  // Without the stored key the same inputs are checked in full: the same rows
  // (the tampered trust rewritten), the same delta.
  Exec("UPDATE check_state SET inputs_key = NULL");
  EXPECT_EQ(Run(ShippedRules()), "new=0 open=" + std::to_string(active) + " resolved=0");
  EXPECT_EQ(Tampered(), 0);
  EXPECT_EQ(Rows(), rows);
}

TEST_F(KeptCheckTest, ChangedRulesOrDocumentsCheckInFull) {
  WriteFeed(feed_, {120, 80, 45});
  Run(ShippedRules());
  Tamper();
  // Other check rules (one tolerance a hair wider): a full check.
  DiagnosticSink sink;
  Result<Knowledge> other = LoadKnowledge(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &sink);
  ASSERT_TRUE(other.ok());
  ASSERT_FALSE(other->checks.empty());
  other->checks[0].approx_margin += 1e-9;
  Run(*other);
  EXPECT_EQ(Tampered(), 0);
  // Back to the shipped rules: their key differs from the last check's too.
  Tamper();
  Run(ShippedRules());
  EXPECT_EQ(Tampered(), 0);
  // Kept now; then a corrected figure in one article: a full check.
  Tamper();
  Run(ShippedRules());
  EXPECT_GT(Tampered(), 0);
  WriteFeed(feed_, {120, 95, 45});
  Run(ShippedRules());
  EXPECT_EQ(Tampered(), 0);
  // A new article: a full check.
  Tamper();
  WriteFeed(feed_, {120, 95, 45, 300});
  Run(ShippedRules());
  EXPECT_EQ(Tampered(), 0);
}

// Every field of every conflict a reader sees (all of them, with status).
std::string Conflicts(Store* store) {
  Result<std::vector<Conflict>> all = store->LoadConflicts(false);
  EXPECT_TRUE(all.ok());
  std::string out;
  for (const Conflict& k : *all) {
    out += k.ToString() + " | " + k.explanation + " | " + k.explanation_vi + " | " + k.likely_value + " | " +
           std::to_string(k.support_a) + " " + std::to_string(k.support_b) + " " + FormatNumber(k.trust_a) + " " +
           FormatNumber(k.trust_b) + " | " + k.series + " | " + k.a.url + " " + k.b.url + "\n";
  }
  return out;
}

// A night's new article leaves the rows it does not touch as stored (neither built
// nor written): the conflicts then read exactly as a first check of the same feed
// on a fresh database, trust included. A row resolved later names as its last run
// the last check that found it, though its row was written two runs before.
TEST_F(KeptCheckTest, RowsAnArticleDoesNotTouchStandAsStored) {
  std::vector<std::pair<std::string, int>> items = {
      {"Quang Ngai", 120}, {"Quang Ngai", 80}, {"Yen Bai", 30}, {"Yen Bai", 55}, {"Quang Ngai", 45}};
  WriteArticles(feed_, items);
  Run(ShippedRules());
  const int64_t first_run = run_;
  const std::string quang_ngai_rows =
      Query("SELECT c.id FROM conflicts c WHERE c.active = 1 AND c.subject = 'quang_ngai' ORDER BY c.id");
  ASSERT_NE(quang_ngai_rows, "");
  ASSERT_NE(Query("SELECT count(*) FROM conflicts WHERE subject = 'yen_bai'"), "0\n");

  items.push_back({"Yen Bai", 70});
  WriteArticles(feed_, items);
  Result<int64_t> run = store_->BeginRun("2025-03-11T00:00:00Z", "feed");
  ASSERT_TRUE(run.ok());
  run_ = *run;
  DiagnosticSink sink;
  ASSERT_TRUE(IngestAndExtract({feed_.string()}, ShippedRules(), run_, store_.get(), &sink).ok());
  Result<Store::ConflictDelta> delta = CheckConflicts(ShippedRules(), run_, store_.get());
  ASSERT_TRUE(delta.ok()) << delta.status().ToString();
  EXPECT_GT(delta->as_stored, 0);
  // The Quang Ngai rows were not written again.
  EXPECT_EQ(Query("SELECT c.id FROM conflicts c JOIN conflict_state s ON s.conflict_id = c.id "
                  "WHERE c.active = 1 AND c.subject = 'quang_ngai' AND s.last_run_id = " +
                  std::to_string(first_run) + " ORDER BY c.id"),
            quang_ngai_rows);
  // Yet every active row's last run is this one (open_conflicts).
  EXPECT_EQ(Query("SELECT count(*) FROM open_conflicts WHERE last_run_id <> " + std::to_string(run_)), "0\n");

  auto fresh = Store::Open((dir_ / "fresh.sqlite").string());
  ASSERT_TRUE(fresh.ok());
  {
    Result<int64_t> fresh_run = (*fresh)->BeginRun("2025-03-11T00:00:00Z", "feed");
    ASSERT_TRUE(fresh_run.ok());
    ASSERT_TRUE(IngestAndExtract({feed_.string()}, ShippedRules(), *fresh_run, fresh->get(), &sink).ok());
    ASSERT_TRUE(CheckConflicts(ShippedRules(), *fresh_run, fresh->get()).ok());
  }
  EXPECT_EQ(Conflicts(store_.get()), Conflicts(fresh->get()));

  // A corrected Quang Ngai figure: its old rows are resolved, last found by the
  // second run.
  const int64_t second_run = run_;
  items[1].second = 85;
  WriteArticles(feed_, items);
  Run(ShippedRules());
  EXPECT_NE(Query("SELECT count(*) FROM conflicts WHERE active = 0"), "0\n");
  EXPECT_EQ(Query("SELECT count(*) FROM conflicts c JOIN conflict_state s ON s.conflict_id = c.id "
                  "WHERE c.active = 0 AND s.last_run_id IS NOT " + std::to_string(second_run)),
            "0\n");
}

}  // namespace
}  // namespace claimcheck
