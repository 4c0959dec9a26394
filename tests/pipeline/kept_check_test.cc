// A run whose check would read exactly what the last check read (documents,
// claims, check rules, this build) keeps the active conflicts instead of
// computing them again (CheckConflicts -> Store::KeepConflicts); anything
// changed, and the check runs in full. A trust edited behind claimcheck's back
// shows which of the two happened: a kept check leaves it, a full one rewrites it.
#include <gtest/gtest.h>

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

  // Edits every active conflict's trust behind claimcheck's back (conflict_state,
  // which every check writes for every conflict it finds).
  void Tamper() {
    Exec("UPDATE conflict_state SET trust_a = -1 WHERE conflict_id IN (SELECT id FROM conflicts WHERE active = 1)");
  }
  // The active conflicts still so edited.
  int Tampered() {
    return std::stoi(Query("SELECT count(*) FROM conflicts c JOIN conflict_state s ON s.conflict_id = c.id "
                           "WHERE c.active = 1 AND s.trust_a = -1"));
  }
  // Every conflict column but the run bookkeeping (last_run_id).
  std::string Rows() {
    return Query("SELECT c.id, rule_id, severity, active, claim_a_id, claim_b_id, a_quote, b_quote, explanation, "
                 "explanation_vi, likely_value, support_a, support_b, s.trust_a, s.trust_b, series, s.content_hash "
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
  EXPECT_EQ(Run(ShippedRules()), "new=0 open=" + std::to_string(active) + " resolved=0");
  EXPECT_EQ(Tampered(), active);
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

}  // namespace
}  // namespace claimcheck
