// Conflicts and reviews: the active set across runs, snapshots that outlive
// their claims, reviews that persist and reopen when the evidence changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <tuple>

#include "base/strings.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

std::string Ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

std::string DeltaString(const Store::ConflictDelta& d) {
  return "new=" + std::to_string(d.new_count) + "[" + Ids(d.new_ids) + "] open=" +
         std::to_string(d.still_open) + " resolved=" + std::to_string(d.resolved) + "[" +
         Ids(d.resolved_ids) + "]";
}

std::string ReviewsString(const std::vector<Store::ReviewRecord>& reviews) {
  std::string out;
  for (const Store::ReviewRecord& r : reviews) {
    out += r.conflict_id + " " + r.previous_status + "->" + r.status + " by " + r.reviewer + " at " +
           r.created_at + " \"" + r.note + "\"\n";
  }
  return out;
}

// Report order, as SortConflictsForReport (src/report) defines it: severity,
// metric, subject, id. (The store tests do not link the report stage.)
void SortConflictsForReportOrder(std::vector<Conflict>* conflicts) {
  std::stable_sort(conflicts->begin(), conflicts->end(), [](const Conflict& x, const Conflict& y) {
    return std::tie(x.severity, x.metric, x.subject, x.id) < std::tie(y.severity, y.metric, y.subject, y.id);
  });
}

class ConflictStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(":memory:");
    ASSERT_NE(store_, nullptr);
    NextRun();
    a_ = MakeDocument("a.txt", "A");
    b_ = MakeDocument("b.txt", "B");
    a_claims_ = {MakeClaim(600, "khoảng 600"), MakeClaim(100, "100 người", 50)};
    b_claims_ = {MakeClaim(2000, "2.000 lính")};
    ASSERT_TRUE(store_->PutDocument(run_, a_, a_claims_).ok());
    ASSERT_TRUE(store_->PutDocument(run_, b_, b_claims_).ok());
  }

  void NextRun() {
    std::string at = "2024-07-0" + std::to_string(++run_count_) + "T08:00:00Z";
    Result<int64_t> run = store_->BeginRun(at, "in/");
    ASSERT_TRUE(run.ok());
    run_ = *run;
  }

  std::string Save(const std::vector<Conflict>& conflicts) {
    Result<Store::ConflictDelta> delta = store_->SaveConflicts(run_, conflicts);
    EXPECT_TRUE(delta.ok()) << delta.status().ToString();
    return delta.ok() ? DeltaString(*delta) : delta.status().ToString();
  }

  // Four conflicts whose id order is not their report order: an info, a divergence,
  // a conflict, and another conflict whose subject sorts first.
  std::array<Conflict, 4> FourInMixedOrder() const {
    Conflict info = MakeConflict("0000aaaa0000aaaa", a_claims_[0], b_claims_[0]);
    info.severity = Severity::kInfo;
    Conflict divergence = MakeConflict("1111bbbb1111bbbb", a_claims_[1], b_claims_[0]);
    divergence.severity = Severity::kDivergence;
    Conflict conflict = MakeConflict("ffffcccc2222cccc", a_claims_[0], b_claims_[0]);
    Conflict other = MakeConflict("3333dddd3333dddd", a_claims_[1], b_claims_[0]);
    other.subject = "aaa_first_subject";
    return {info, divergence, conflict, other};
  }

  std::vector<Conflict> Load(bool active_only) {
    Result<std::vector<Conflict>> loaded = store_->LoadConflicts(active_only);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? *loaded : std::vector<Conflict>{};
  }

  std::string Reviews(const std::string& id) {
    Result<std::vector<Store::ReviewRecord>> reviews = store_->LoadReviews(id);
    EXPECT_TRUE(reviews.ok()) << reviews.status().ToString();
    return reviews.ok() ? ReviewsString(*reviews) : reviews.status().ToString();
  }

  // The changes LoadRunChanges gives for `run`: "id:change " each, by id.
  std::string Changes(int64_t run) {
    Result<std::vector<std::pair<std::string, std::string>>> rows = store_->LoadRunChanges(run);
    EXPECT_TRUE(rows.ok());
    std::string out;
    for (const auto& [id, change] : *rows) out += id + ":" + change + " ";
    return out;
  }

  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
  int run_count_ = 0;
  Document a_, b_;
  std::vector<Claim> a_claims_, b_claims_;
};

TEST_F(ConflictStoreTest, NewStillOpenResolved) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict c2 = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  EXPECT_EQ(Save({c2, c1, c1}), "new=2[c1c1c1c1c1c1c1c1,c2c2c2c2c2c2c2c2] open=0 resolved=0[]");
  NextRun();
  EXPECT_EQ(Save({c1}), "new=0[] open=1 resolved=1[c2c2c2c2c2c2c2c2]");
  EXPECT_EQ(Load(true).size(), 1u);
  EXPECT_EQ(Load(false).size(), 2u);
  NextRun();
  EXPECT_EQ(Save({c1, c2}), "new=1[c2c2c2c2c2c2c2c2] open=1 resolved=0[]");  // c2 is back
  NextRun();
  EXPECT_EQ(Save({}), "new=0[] open=0 resolved=2[c1c1c1c1c1c1c1c1,c2c2c2c2c2c2c2c2]");
  EXPECT_TRUE(Load(true).empty());
}

TEST_F(ConflictStoreTest, LoadFillsClaimRefsAndStatus) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Save({c1});
  std::vector<Conflict> loaded = Load(true);
  ASSERT_EQ(loaded.size(), 1u);
  const Conflict& c = loaded[0];
  EXPECT_EQ(c.ToString(), c1.ToString());
  EXPECT_EQ(c.status, "open");
  EXPECT_EQ(c.note, "");
  EXPECT_EQ(c.a.claim.id, a_claims_[0].id);
  EXPECT_EQ(c.a.claim.ToString(), a_claims_[0].ToString());
  EXPECT_EQ(c.a.outlet, "a.txt.example");  // from the document
  EXPECT_EQ(c.b.published, "2024-06-20");
  EXPECT_EQ(c.b.url, "https://b.txt.example/article");
  EXPECT_EQ(c.explanation_vi, "Hai con số không thể cùng đúng.");
  EXPECT_EQ(c.rule_id, "count_agreement");
  EXPECT_EQ(c.severity, Severity::kConflict);
}

// ForEachConflict walks the same rows as LoadConflicts, in report order
// (severity first), and sees snapshots of resolved conflicts too.
TEST_F(ConflictStoreTest, ForEachConflictWalksInReportOrder) {
  const auto [info, divergence, conflict, other] = FourInMixedOrder();
  Save({info, divergence, conflict, other});
  NextRun();
  Save({info, divergence, conflict});  // `other` is resolved
  auto walk = [&](bool active_only) {
    std::string out;
    Status s = store_->ForEachConflict(active_only, [&](Conflict& k) { out += k.id + " " + k.ToString() + "\n"; });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  };
  auto expected = [&](bool active_only) {
    std::vector<Conflict> loaded = Load(active_only);
    SortConflictsForReportOrder(&loaded);
    std::string out;
    for (const Conflict& k : loaded) out += k.id + " " + k.ToString() + "\n";
    return out;
  };
  EXPECT_EQ(walk(true), expected(true));
  EXPECT_EQ(walk(false), expected(false));
  const std::string all = walk(false);
  EXPECT_LT(all.find("3333dddd"), all.find("ffffcccc"));  // same severity: subject first
  EXPECT_LT(all.find("ffffcccc"), all.find("1111bbbb"));  // conflicts before divergences
  EXPECT_LT(all.find("1111bbbb"), all.find("0000aaaa"));  // divergences before info
}

// After a.txt changes, its claims are replaced; the resolved conflict still
// reads from its snapshot.
TEST_F(ConflictStoreTest, ResolvedConflictKeepsSnapshot) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Save({c1});
  NextRun();
  Document changed = MakeDocument("a.txt", "A, sửa lại");
  std::vector<Claim> fresh = {MakeClaim(1900, "1.900")};
  ASSERT_TRUE(store_->PutDocument(run_, changed, fresh).ok());
  Save({});
  std::vector<Conflict> all = Load(false);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].a.claim.id, 0);  // the live claim is gone
  EXPECT_EQ(all[0].a.claim.quote, "khoảng 600");
  EXPECT_EQ(all[0].a.claim.file, "a.txt");
  EXPECT_EQ(all[0].a.claim.ToString(), [&] {
    Claim snapshot = a_claims_[0];  // the snapshot keeps the fields a reader needs
    snapshot.span_begin = snapshot.span_end = 0;
    return snapshot.ToString();
  }());
  EXPECT_EQ(all[0].a.outlet, "a.txt.example");
  EXPECT_EQ(all[0].b.claim.id, b_claims_[0].id);  // b is still live
  EXPECT_EQ(all[0].ToString(), c1.ToString());
}

// Every field of a side, the ones Claim::ToString leaves out included.
std::string SideFields(const ClaimRef& r) {
  const Claim& c = r.claim;
  auto optional = [](const std::optional<double>& v) { return v ? std::to_string(*v) : std::string("none"); };
  return "id=" + std::to_string(c.id) + " document_id=" + std::to_string(c.document_id) + " file=" + c.file +
         " kind=" + std::string(ClaimKindName(c.kind)) + " " + c.metric + "/" + c.subject +
         " value=" + std::to_string(c.value) + " " + std::string(QualifierName(c.qualifier)) + " [" +
         optional(c.low) + "," + optional(c.high) + "] unit=" + c.unit + " date=" + c.date + " as_of=" + c.as_of +
         (c.as_of_inferred ? " inferred" : "") + " by=" + c.attributed_to + " quote=" + c.quote +
         " sentence=" + c.sentence + " @" + std::to_string(c.span_begin) + "-" + std::to_string(c.span_end) +
         " confidence=" + std::to_string(c.confidence) + " pattern=" + c.pattern_id + " outlet=" + r.outlet +
         " published=" + r.published + " url=" + r.url;
}

// A live side is the stored claim with its document's facts, every field as
// LoadClaimRefs reads it; a side whose claim is gone is its snapshot, with the
// conflict's metric and subject and the defaults of the fields not kept.
TEST_F(ConflictStoreTest, SidesAreTheLiveClaimOrTheSnapshot) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  c1.metric = "killed_total";  // the snapshot's metric, unlike its claims'
  Save({c1});
  NextRun();
  Document changed = MakeDocument("a.txt", "A, sửa lại");
  std::vector<Claim> fresh = {MakeClaim(1900, "1.900")};
  ASSERT_TRUE(store_->PutDocument(run_, changed, fresh).ok());
  Result<std::vector<ClaimRef>> refs = store_->LoadClaimRefs();
  ASSERT_TRUE(refs.ok()) << refs.status().ToString();
  auto live = std::find_if(refs->begin(), refs->end(), [&](const ClaimRef& r) { return r.claim.id == b_claims_[0].id; });
  ASSERT_NE(live, refs->end());
  ClaimRef snapshot;
  snapshot.claim = a_claims_[0];
  snapshot.claim.id = snapshot.claim.document_id = 0;
  snapshot.claim.metric = "killed_total";
  snapshot.claim.span_begin = snapshot.claim.span_end = 0;
  snapshot.claim.confidence = 1.0;
  snapshot.claim.pattern_id = "";
  snapshot.outlet = "a.txt.example";
  snapshot.published = "2024-06-20";
  snapshot.url = "https://a.txt.example/article";
  std::vector<Conflict> walked;
  Status s = store_->ForEachConflict(/*active_only=*/true, [&](Conflict& k) { walked.push_back(k); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(walked.size(), 1u);
  EXPECT_EQ(SideFields(walked[0].a), SideFields(snapshot));
  EXPECT_EQ(SideFields(walked[0].b), SideFields(*live));
  std::vector<Conflict> loaded = Load(true);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(SideFields(loaded[0].a), SideFields(snapshot));
  EXPECT_EQ(SideFields(loaded[0].b), SideFields(*live));
}

// The walk as stored: the same conflicts in the same order as ForEachConflict,
// with each side's stored facts (no claim id, no trust) and the latest review;
// what discrepancies.csv shows of a side (file, outlet, published, url, value,
// qualifier, quote) is the live walk's, whether the side's claim lives or not.
TEST_F(ConflictStoreTest, ForEachConflictAsStoredGivesTheStoredSides) {
  const auto [info, divergence, conflict, other] = FourInMixedOrder();
  Save({info, divergence, conflict, other});
  ASSERT_TRUE(store_->AddReview(conflict.id, "confirmed", "checked", "lan", "2024-07-01T09:00:00Z").ok());
  ASSERT_TRUE(store_->AddReview(conflict.id, "dismissed", "same event", "lan", "2024-07-01T10:00:00Z").ok());
  NextRun();
  Save({info, divergence, conflict});  // `other` is resolved
  Document changed = MakeDocument("a.txt", "A, sửa lại");  // a.txt's claims go: its sides are snapshots
  std::vector<Claim> fresh = {MakeClaim(1900, "1.900")};
  ASSERT_TRUE(store_->PutDocument(run_, changed, fresh).ok());
  auto shown = [](const Conflict& k) {
    std::string out = k.id + " " + k.ToString() + " status=" + k.status + " note=" + k.note;
    for (const ClaimRef* r : {&k.a, &k.b}) {
      out += " | " + r->claim.file + " " + r->outlet + " " + r->published + " " + r->url + " " +
             FormatNumber(r->claim.value) + " " + std::string(QualifierName(r->claim.qualifier)) + " " + r->claim.quote;
    }
    return out + "\n";
  };
  for (bool active_only : {true, false}) {
    std::string live, stored;
    ASSERT_TRUE(store_->ForEachConflict(active_only, [&](Conflict& k) { live += shown(k); }).ok());
    ASSERT_TRUE(store_->ForEachConflictAsStored(active_only, [&](Conflict& k) {
      stored += shown(k);
      EXPECT_EQ(k.a.claim.id, 0) << k.id;
      EXPECT_EQ(k.b.claim.id, 0) << k.id;
      EXPECT_EQ(k.trust_a, 0) << k.id;
    }).ok());
    EXPECT_EQ(stored, live);
    EXPECT_NE(stored.find("status=dismissed note=same event"), std::string::npos) << stored;
  }
}

TEST_F(ConflictStoreTest, ReviewPersistsAcrossRuns) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Save({c1});
  ASSERT_TRUE(store_->AddReview("c1c1c1", "dismissed", "different dates", "lan", "2024-07-01T09:00:00Z").ok());
  NextRun();
  Save({c1});
  std::vector<Conflict> loaded = Load(true);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].status, "dismissed");
  EXPECT_EQ(loaded[0].note, "different dates");
  NextRun();
  Save({});  // resolved: the review stays
  EXPECT_EQ(Reviews("c1c1c1c1c1c1c1c1"),
            "c1c1c1c1c1c1c1c1 open->dismissed by lan at 2024-07-01T09:00:00Z \"different dates\"\n");
  EXPECT_EQ(Load(false)[0].status, "dismissed");
}

TEST_F(ConflictStoreTest, ChangedEvidenceReopensDecision) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Save({c1});
  ASSERT_TRUE(store_->AddReview("c1c1c1c1c1c1c1c1", "confirmed", "real gap", "lan", "t1").ok());
  NextRun();
  Conflict edited = c1;
  edited.b.claim.quote = "khoảng 2.000 lính";  // same fingerprint, new evidence
  Save({edited});
  std::vector<Conflict> loaded = Load(true);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].status, "open");
  EXPECT_EQ(Reviews("c1c1c1c1c1c1c1c1"),
            "c1c1c1c1c1c1c1c1 open->confirmed by lan at t1 \"real gap\"\n"
            "c1c1c1c1c1c1c1c1 confirmed->open by claimcheck at 2024-07-02T08:00:00Z "
            "\"evidence changed since it was confirmed\"\n");
  // Unchanged evidence in the next run adds no review.
  NextRun();
  Save({edited});
  Result<std::vector<Store::ReviewRecord>> reviews = store_->LoadReviews("c1c1c1c1c1c1c1c1");
  ASSERT_TRUE(reviews.ok());
  EXPECT_EQ(reviews->size(), 2u);
}

TEST_F(ConflictStoreTest, ChangedEvidenceLeavesNeedsInfo) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Save({c1});
  ASSERT_TRUE(store_->AddReview("c1c1c1c1c1c1c1c1", "needs_info", "ask", "lan", "t1").ok());
  NextRun();
  Conflict edited = c1;
  edited.a.claim.value = 650;
  Save({edited});
  EXPECT_EQ(Load(true)[0].status, "needs_info");
  EXPECT_DOUBLE_EQ(Load(true)[0].a.claim.value, 600);  // live claim wins over the snapshot
}

TEST_F(ConflictStoreTest, AddReviewErrors) {
  Save({MakeConflict("abcdef0011223344", a_claims_[0], b_claims_[0]),
        MakeConflict("abcdef9988776655", a_claims_[1], b_claims_[0])});
  Status s = store_->AddReview("abcdef0011223344", "maybe", "", "lan", "t");
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  s = store_->AddReview("0000000000000000", "open", "", "lan", "t");
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  s = store_->AddReview("abcde", "open", "", "lan", "t");  // too short for a prefix
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  s = store_->AddReview("abcdef", "open", "", "lan", "t");  // matches both
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("ambiguous"), std::string::npos);
  s = store_->AddReview("abcdef99", "needs_info", "which date?", "lan", "t");
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Reviews(""), "abcdef9988776655 open->needs_info by lan at t \"which date?\"\n");
  EXPECT_EQ(store_->LoadReviews("ffffffffff").status().code(), Status::Code::kNotFound);
}

TEST_F(ConflictStoreTest, EmptyIdIsRejected) {
  Result<Store::ConflictDelta> delta =
      store_->SaveConflicts(run_, {MakeConflict("", a_claims_[0], b_claims_[0])});
  EXPECT_EQ(delta.status().code(), Status::Code::kInvalidInput);
}

// A dismissed conflict that disappears and comes back unchanged (same id)
// stays dismissed and is not new again; an undecided one is.
TEST_F(ConflictStoreTest, DismissalSticksWhenConflictReturns) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict c2 = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  Save({c1, c2});
  ASSERT_TRUE(store_->AddReview("c1c1c1c1c1c1c1c1", "dismissed", "same event", "lan", "t1").ok());
  NextRun();
  EXPECT_EQ(Save({}), "new=0[] open=0 resolved=2[c1c1c1c1c1c1c1c1,c2c2c2c2c2c2c2c2]");
  NextRun();
  EXPECT_EQ(Save({c1, c2}), "new=1[c2c2c2c2c2c2c2c2] open=1 resolved=0[]");
  EXPECT_EQ(Load(true)[0].status, "dismissed");
}

// a.txt is edited: its claim (and so the conflict id) changes. The new
// conflict comes back open and its log shows the old decision.
TEST_F(ConflictStoreTest, EditedDocumentInheritsDecision) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict other = MakeConflict("c3c3c3c3c3c3c3c3", a_claims_[1], b_claims_[0]);
  other.rule_id = "count_bound";
  Save({c1, other});
  ASSERT_TRUE(store_->AddReview("c1c1c1c1c1c1c1c1", "dismissed", "khác thời điểm", "lan", "t1").ok());
  ASSERT_TRUE(store_->AddReview("c3c3c3c3c3c3c3c3", "dismissed", "", "lan", "t1").ok());
  NextRun();
  Document changed = MakeDocument("a.txt", "A, sửa lại");
  std::vector<Claim> fresh = {MakeClaim(650, "khoảng 650")};
  ASSERT_TRUE(store_->PutDocument(run_, changed, fresh).ok());
  Conflict edited = MakeConflict("d1d1d1d1d1d1d1d1", fresh[0], b_claims_[0]);
  Result<Store::ConflictDelta> delta = store_->SaveConflicts(run_, {edited});
  ASSERT_TRUE(delta.ok());
  EXPECT_EQ(DeltaString(*delta),
            "new=1[d1d1d1d1d1d1d1d1] open=0 resolved=2[c1c1c1c1c1c1c1c1,c3c3c3c3c3c3c3c3]");
  EXPECT_EQ(Ids(delta->reopened_ids), "d1d1d1d1d1d1d1d1");  // c3 is another rule: no carry-over
  EXPECT_EQ(Reviews("d1d1d1d1d1d1d1d1"),
            "d1d1d1d1d1d1d1d1 dismissed->open by claimcheck at 2024-07-02T08:00:00Z "
            "\"evidence changed since it was dismissed as c1c1c1c1c1c1c1c1 by lan: khác thời điểm\"\n");
  EXPECT_EQ(Load(true)[0].status, "open");
  // The next run finds the same conflict: nothing is inherited twice.
  NextRun();
  delta = store_->SaveConflicts(run_, {edited});
  ASSERT_TRUE(delta.ok());
  EXPECT_TRUE(delta->reopened_ids.empty());
}

TEST_F(ConflictStoreTest, RunChangesAreRecorded) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict c2 = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  Result<std::vector<std::pair<std::string, std::string>>> none = store_->LoadRunChanges(0);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  Save({c1});
  const int64_t first = run_;
  NextRun();
  Save({c2});
  EXPECT_EQ(Changes(first), "c1c1c1c1c1c1c1c1:new ");
  EXPECT_EQ(Changes(0), "c1c1c1c1c1c1c1c1:resolved c2c2c2c2c2c2c2c2:new ");
  // A run that finds the same: it changed nothing, and the run before's new
  // conflict is not new any more (what `review --new` lists).
  NextRun();
  Save({c2});
  EXPECT_EQ(Changes(0), "");
  EXPECT_EQ(Changes(run_), "");
  // A dismissed conflict back after being resolved: recorded as "open", not new.
  ASSERT_TRUE(store_->AddReview(c1.id, "dismissed", "", "lan", "t1").ok());
  NextRun();
  EXPECT_EQ(Save({c1, c2}), "new=0[] open=2 resolved=0[]");
  EXPECT_EQ(Changes(0), "c1c1c1c1c1c1c1c1:open ");
  EXPECT_EQ(Changes(first), "c1c1c1c1c1c1c1c1:new ");  // earlier runs' changes stay
}

// Conflicts by id, in the order asked, resolved ones too; unknown ids skipped.
TEST_F(ConflictStoreTest, LoadConflictsByIdKeepsTheOrderAsked) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict c2 = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  Save({c1, c2});
  NextRun();
  Save({c2});  // c1 resolved
  Result<std::vector<Conflict>> loaded =
      store_->LoadConflictsById({"c2c2c2c2c2c2c2c2", "ffffffffffffffff", "c1c1c1c1c1c1c1c1", "c2c2"});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 2u);
  std::vector<Conflict> all = Load(false);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ((*loaded)[0].ToString(), all[1].ToString());
  EXPECT_EQ((*loaded)[1].ToString(), all[0].ToString());
}

// The first conflicts of some ids in report order, read in full, with how many of
// the ids are stored: what a report shows of a run's tens of thousands resolved.
TEST_F(ConflictStoreTest, LoadFirstConflictsByIdPicksTheFirstInReportOrder) {
  const auto [info, divergence, conflict, other] = FourInMixedOrder();
  Save({info, divergence, conflict, other});
  NextRun();
  Save({info});  // the other three resolved
  const std::vector<std::string> ids = {"0000aaaa0000aaaa", "1111bbbb1111bbbb", "ffffffffffffffff",
                                        "ffffcccc2222cccc", "3333dddd3333dddd"};
  std::vector<Conflict> all = Load(false);
  SortConflictsForReportOrder(&all);  // other (its subject first), conflict, divergence, info
  for (size_t max : {size_t{0}, size_t{2}, size_t{4}, size_t{10}}) {
    size_t found = 0;
    Result<std::vector<Conflict>> first = store_->LoadFirstConflictsById(ids, max, &found);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(found, 4u);
    ASSERT_EQ(first->size(), std::min<size_t>(max, 4)) << max;
    for (size_t k = 0; k < first->size(); ++k) {
      EXPECT_EQ((*first)[k].id + " " + (*first)[k].ToString(), all[k].id + " " + all[k].ToString()) << max;
    }
  }
  EXPECT_EQ(all[0].id, "3333dddd3333dddd");
}

// The report's digest: "" before any save; then it moves with a save that
// changes the active conflicts and with a review, and only then.
TEST_F(ConflictStoreTest, ReportInputsDigestFollowsConflictsAndReviews) {
  auto digest = [&] {
    Result<std::string> d = store_->ReportInputsDigest();
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : d.status().ToString();
  };
  EXPECT_EQ(digest(), "");
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict c2 = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  Save({c1, c2});
  const std::string first = digest();
  EXPECT_NE(first, "");
  NextRun();
  Save({c2, c1});  // the same set, in another order
  EXPECT_EQ(digest(), first);
  NextRun();
  Conflict changed = c2;
  changed.explanation = "another explanation";
  Save({c1, changed});
  const std::string second = digest();
  EXPECT_NE(second, first);
  NextRun();
  Save({c1});
  const std::string third = digest();
  EXPECT_NE(third, second);
  ASSERT_TRUE(store_->AddReview(c1.id, "confirmed", "", "lan", "t1").ok());
  EXPECT_NE(digest(), third);
}

TEST_F(ConflictStoreTest, ReportStateRoundTrips) {
  Result<std::optional<Store::ReportState>> none = store_->LoadReportState();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  Store::ReportState state;
  EXPECT_EQ(store_->SaveReportState(state).code(), Status::Code::kInvalidInput);
  state.report_key = "key";
  state.csv_path = "/tmp/báo cáo/discrepancies.csv";
  state.csv_size = 1234567890123;
  state.csv_mtime_ns = -5;
  state.conflicts = 3;
  state.divergences = 2;
  state.info = 1;
  state.leading_ids = {"c2c2c2c2c2c2c2c2", "c1c1c1c1c1c1c1c1"};
  ASSERT_TRUE(store_->SaveReportState(state).ok());
  state.leading_ids.push_back("c3c3c3c3c3c3c3c3");
  ASSERT_TRUE(store_->SaveReportState(state).ok());  // replaces
  Result<std::optional<Store::ReportState>> loaded = store_->LoadReportState();
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  const Store::ReportState& l = **loaded;
  EXPECT_EQ(l.report_key + "|" + l.csv_path + "|" + std::to_string(l.csv_size) + "|" + std::to_string(l.csv_mtime_ns) +
                "|" + std::to_string(l.conflicts) + "/" + std::to_string(l.divergences) + "/" + std::to_string(l.info) +
                "|" + Ids(l.leading_ids),
            "key|/tmp/báo cáo/discrepancies.csv|1234567890123|-5|3/2/1|c2c2c2c2c2c2c2c2,c1c1c1c1c1c1c1c1,"
            "c3c3c3c3c3c3c3c3");
}

// More conflicts than one statement writes (rows, reviews and run changes are
// written in batches): every row, review and change is as one at a time gives.
TEST_F(ConflictStoreTest, ManyConflictsAreSavedAsOneAtATime) {
  std::vector<Conflict> all;
  for (int i = 0; i < 601; ++i) {
    char id[17];
    std::snprintf(id, sizeof id, "%016x", static_cast<unsigned>(i) * 2654435761u);
    Conflict c = MakeConflict(id, a_claims_[i % 2], b_claims_[0]);
    c.subject = "s" + std::to_string(i % 7);
    c.severity = i % 3 == 0 ? Severity::kDivergence : Severity::kConflict;
    c.explanation = "explanation " + std::to_string(i);
    c.likely_value = std::to_string(i);
    c.support_a = i % 5;
    c.trust_b = i / 1000.0;
    c.series = i % 4 == 0 ? "series" : "";
    all.push_back(c);
  }
  std::vector<Conflict> twice = all;
  twice.push_back(all[7]);  // a repeated id is saved once
  Result<Store::ConflictDelta> delta = store_->SaveConflicts(run_, twice);
  ASSERT_TRUE(delta.ok()) << delta.status().ToString();
  EXPECT_EQ(delta->new_count, 601);
  EXPECT_EQ(delta->new_ids.size(), 601u);
  EXPECT_TRUE(std::is_sorted(delta->new_ids.begin(), delta->new_ids.end()));
  std::vector<Conflict> loaded = Load(false);
  std::vector<Conflict> expected = all;
  std::sort(expected.begin(), expected.end(), [](const Conflict& x, const Conflict& y) {
    return std::tie(x.metric, x.subject, x.id) < std::tie(y.metric, y.subject, y.id);
  });
  ASSERT_EQ(loaded.size(), expected.size());
  for (size_t k = 0; k < loaded.size(); ++k) {
    EXPECT_EQ(loaded[k].ToString(), expected[k].ToString()) << k;
    EXPECT_EQ(loaded[k].b.outlet, "b.txt.example") << k;  // facts filled from the document
  }
  Result<std::vector<std::pair<std::string, std::string>>> changes = store_->LoadRunChanges(run_);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 601u);
  for (const auto& [id, change] : *changes) EXPECT_EQ(change, "new") << id;
  // Next run: two decided conflicts whose evidence changed, 101 gone.
  ASSERT_TRUE(store_->AddReview(all[10].id, "dismissed", "same event", "lan", "t1").ok());
  ASSERT_TRUE(store_->AddReview(all[400].id, "confirmed", "", "lan", "t1").ok());
  NextRun();
  std::vector<Conflict> next(all.begin(), all.begin() + 500);
  next[10].a.claim.quote = "khoảng 601";
  next[400].b.claim.value = 2001;
  next[20].explanation = "changed explanation";  // rows that differ in one column are rewritten
  next[21].trust_a = 0.25;
  next[22].severity = Severity::kInfo;
  delta = store_->SaveConflicts(run_, next);
  ASSERT_TRUE(delta.ok()) << delta.status().ToString();
  EXPECT_EQ(delta->new_count, 0);
  EXPECT_EQ(delta->still_open, 500);
  EXPECT_EQ(delta->resolved, 101);
  EXPECT_EQ(Reviews(all[10].id),
            all[10].id + " open->dismissed by lan at t1 \"same event\"\n" + all[10].id +
                " dismissed->open by claimcheck at 2024-07-02T08:00:00Z \"evidence changed since it was "
                "dismissed\"\n");
  EXPECT_EQ(Reviews(all[400].id),
            all[400].id + " open->confirmed by lan at t1 \"\"\n" + all[400].id +
                " confirmed->open by claimcheck at 2024-07-02T08:00:00Z \"evidence changed since it was "
                "confirmed\"\n");
  changes = store_->LoadRunChanges(run_);
  ASSERT_TRUE(changes.ok());
  // Only what changed: 101 resolved (the 500 still found were active already).
  size_t open = 0, resolved = 0;
  for (const auto& [id, change] : *changes) (change == "open" ? open : resolved) += 1;
  EXPECT_EQ(open, 0u);
  EXPECT_EQ(resolved, 101u);
  std::vector<Conflict> active = Load(true);
  ASSERT_EQ(active.size(), 500u);
  std::map<std::string, const Conflict*> by_id;
  for (const Conflict& c : active) by_id[c.id] = &c;
  for (int i : {20, 21, 22, 23}) {
    ASSERT_TRUE(by_id.count(next[i].id)) << i;
    EXPECT_EQ(by_id[next[i].id]->ToString(), next[i].ToString()) << i;
  }
  EXPECT_EQ(by_id[next[20].id]->explanation, "changed explanation");
  EXPECT_EQ(by_id[next[21].id]->trust_a, 0.25);
  EXPECT_EQ(by_id[next[22].id]->severity, Severity::kInfo);
}

// A row handed over as stored (Conflict::Form::kStored: only its id and hashes)
// stands as it is; one with its context only (kContext) keeps its conflicts row and
// shows its new support, likely value and series. Trust is read per source by the
// sides' keys from the last source trust set, and a resolved row keeps the trust it
// was last shown with.
TEST_F(ConflictStoreTest, RowsAsStoredStandAndTrustIsPerSource) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  c1.trust_key_a = "outlet:a";
  c1.trust_key_b = "outlet:b";
  c1.core_hash = 0x1c;
  c1.inputs_hash = 0x11;
  c1.support_a = 3;
  c1.likely_value = "about 600";
  Conflict c2 = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  c2.trust_key_a = "outlet:a";
  c2.trust_key_b = "outlet:c";
  c2.core_hash = 0x2c;
  c2.inputs_hash = 0x22;
  c2.series = "100 (2024-07) -> 2,000 (2024-08)";
  // The ids as numbers, as the check hands them over (CheckClaimsInto's sink).
  auto save = [&](const std::vector<Conflict>& rows, std::vector<std::pair<std::string, double>> trust) {
    std::vector<uint64_t> ids;
    for (const Conflict& c : rows) ids.push_back(*ParseHex64(c.id));
    Result<std::unique_ptr<Store::ConflictWriter>> writer = store_->BeginConflicts(run_, ids);
    EXPECT_TRUE(writer.ok());
    (*writer)->SetSourceTrust(std::move(trust));
    if (Status added = (*writer)->Add(rows); !added.ok()) return Result<Store::ConflictDelta>(added);
    return (*writer)->Finish();
  };
  ASSERT_TRUE(save({c1, c2}, {{"outlet:a", 0.9}, {"outlet:b", 0.5}, {"outlet:c", 0.25}}).ok());
  Result<StoredRowHashes> hashes = store_->LoadActiveRowHashes();
  ASSERT_TRUE(hashes.ok());
  auto held = [](const StoredRowHashes& h, uint64_t id) {
    const StoredRowHashes::Entry* e = h.Find(id);
    return e ? Hex64(e->core) + " " + Hex64(e->inputs) : std::string("none");
  };
  EXPECT_EQ(held(*hashes, 0xc1c1c1c1c1c1c1c1ull), "000000000000001c 0000000000000011");
  EXPECT_EQ(held(*hashes, 0xc2c2c2c2c2c2c2c2ull), "000000000000002c 0000000000000022");
  EXPECT_EQ(held(*hashes, 0xc3c3c3c3c3c3c3c3ull), "none");
  std::vector<Conflict> first = Load(true);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].trust_a, 0.9);
  EXPECT_EQ(first[0].trust_b, 0.5);
  EXPECT_EQ(first[0].support_a, 3);
  EXPECT_EQ(first[0].likely_value, "about 600");
  EXPECT_EQ(first[1].trust_b, 0.25);
  EXPECT_EQ(first[1].series, c2.series);

  // Next check: c1 as stored, c2 with a new context, every source's trust moved.
  NextRun();
  Conflict stored;
  stored.id = c1.id;
  stored.core_hash = c1.core_hash;
  stored.inputs_hash = c1.inputs_hash;
  stored.form = Conflict::Form::kStored;
  Conflict context;
  context.id = c2.id;
  context.core_hash = c2.core_hash;
  context.inputs_hash = 0x23;
  context.form = Conflict::Form::kContext;
  context.trust_key_a = "outlet:a";
  context.trust_key_b = "outlet:b";
  context.support_a = 7;
  context.support_b = 2;
  context.likely_value = "100";
  context.series = "100 (2024-07) -> 2,000 (2024-08) -> 2,100 (2024-09)";
  Result<Store::ConflictDelta> delta = save({stored, context}, {{"outlet:a", 0.8}, {"outlet:b", 0.6}});
  ASSERT_TRUE(delta.ok()) << delta.status().ToString();
  EXPECT_EQ(DeltaString(*delta), "new=0[] open=2 resolved=0[]");
  EXPECT_EQ(delta->as_stored, 1);
  EXPECT_EQ(delta->context_only, 1);
  std::vector<Conflict> second = Load(true);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].ToString(), first[0].ToString());
  EXPECT_EQ(second[0].explanation, first[0].explanation);
  EXPECT_EQ(second[0].a.claim.quote, first[0].a.claim.quote);
  EXPECT_EQ(second[0].support_a, 3);
  EXPECT_EQ(second[0].trust_a, 0.8);
  EXPECT_EQ(second[0].trust_b, 0.6);
  EXPECT_EQ(second[1].ToString(), first[1].ToString());
  EXPECT_EQ(second[1].explanation, first[1].explanation);
  EXPECT_EQ(second[1].support_a, 7);
  EXPECT_EQ(second[1].support_b, 2);
  EXPECT_EQ(second[1].likely_value, "100");
  EXPECT_EQ(second[1].series, context.series);
  EXPECT_EQ(second[1].trust_b, 0.6);
  EXPECT_EQ(held(*store_->LoadActiveRowHashes(), 0xc2c2c2c2c2c2c2c2ull), "000000000000002c 0000000000000023");

  // c2 gone: resolved, with the trust it had while active (source b's, since moved).
  NextRun();
  ASSERT_TRUE(save({stored}, {{"outlet:a", 0.7}, {"outlet:b", 0.4}}).ok());
  for (const Conflict& c : Load(false)) {
    if (c.id != c2.id) continue;
    EXPECT_EQ(c.trust_a, 0.8);
    EXPECT_EQ(c.trust_b, 0.6);
    EXPECT_EQ(c.support_a, 7);
  }

  // A row as stored must be active: c2 is not.
  NextRun();
  context.form = Conflict::Form::kStored;
  Result<Store::ConflictDelta> refused = save({context}, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().ToString().find("c2c2c2c2c2c2c2c2"), std::string::npos) << refused.status().ToString();
  EXPECT_EQ(Load(true).size(), 1u);  // nothing written
}

}  // namespace
}  // namespace claimcheck

namespace claimcheck {
namespace {

std::string Digest(Store* store) {
  Result<std::string> d = store->CheckInputsDigest();
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? *d : d.status().ToString();
}

// A check keyed "k1" is kept by a run with the same key: the delta and the run's
// changes are what saving the same conflicts again gives, and nothing is written
// when the key differs, is empty, or was cleared by a save without one.
TEST_F(ConflictStoreTest, KeepConflictsOnlyUnderTheSavedKey) {
  Conflict c1 = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict c2 = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  ASSERT_TRUE(store_->SaveConflicts(run_, {c1, c2}, "k1").ok());
  NextRun();
  for (const char* other : {"k2", ""}) {
    Result<std::optional<Store::ConflictDelta>> kept = store_->KeepConflicts(run_, other);
    ASSERT_TRUE(kept.ok()) << kept.status().ToString();
    EXPECT_FALSE(kept->has_value()) << other;
  }
  EXPECT_EQ(Changes(run_), "");
  Result<std::optional<Store::ConflictDelta>> kept = store_->KeepConflicts(run_, "k1");
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  ASSERT_TRUE(kept->has_value());
  EXPECT_EQ(DeltaString(**kept), "new=0[] open=2 resolved=0[]");
  // The kept run is the latest check and changed nothing: the save's new ones
  // are not new any more.
  EXPECT_EQ(Changes(0), "");
  EXPECT_EQ(Load(true).size(), 2u);
  // The same key again next run: still kept.
  NextRun();
  kept = store_->KeepConflicts(run_, "k1");
  ASSERT_TRUE(kept.ok() && kept->has_value());
  // A save without a key (c2 resolved) clears it: the next run checks in full.
  NextRun();
  EXPECT_EQ(Save({c1}), "new=0[] open=1 resolved=1[c2c2c2c2c2c2c2c2]");
  NextRun();
  kept = store_->KeepConflicts(run_, "k1");
  ASSERT_TRUE(kept.ok());
  EXPECT_FALSE(kept->has_value());
  EXPECT_EQ(Changes(run_), "");
}

// The digest moves with every document added or changed and every claim
// replaced, and only then.
TEST_F(ConflictStoreTest, CheckInputsDigestFollowsDocumentsAndClaims) {
  const std::string first = Digest(store_.get());
  EXPECT_EQ(Digest(store_.get()), first);
  Document same = MakeDocument("a.txt", "A");
  std::vector<Claim> same_claims = {MakeClaim(600, "khoảng 600"), MakeClaim(100, "100 người", 50)};
  Result<Store::PutOutcome> put = store_->PutDocument(run_, same, same_claims);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(*put, Store::PutOutcome::kUnchanged);
  EXPECT_EQ(Digest(store_.get()), first);

  Document edited = MakeDocument("a.txt", "A, edited");
  std::vector<Claim> edited_claims = {MakeClaim(600, "khoảng 600"), MakeClaim(100, "100 người", 50)};
  ASSERT_TRUE(store_->PutDocument(run_, edited, edited_claims).ok());
  const std::string after_edit = Digest(store_.get());
  EXPECT_NE(after_edit, first);

  Document c = MakeDocument("c.txt", "C");
  std::vector<Claim> no_claims;
  ASSERT_TRUE(store_->PutDocument(run_, c, no_claims).ok());
  EXPECT_NE(Digest(store_.get()), after_edit);
}

}  // namespace
}  // namespace claimcheck

namespace claimcheck {
namespace {

// One store's whole conflict state: rows (all, with status), reviews, and each run's changes.
std::string Dump(Store* store, int64_t last_run) {
  std::string out;
  Result<std::vector<Conflict>> all = store->LoadConflicts(false);
  EXPECT_TRUE(all.ok());
  for (const Conflict& c : *all) out += c.ToString() + " status=" + c.status + " note=" + c.note + "\n";
  Result<std::vector<Store::ReviewRecord>> reviews = store->LoadReviews("");
  EXPECT_TRUE(reviews.ok());
  for (const auto& r : *reviews) out += r.conflict_id + " " + r.previous_status + "->" + r.status + " " + r.note + "\n";
  for (int64_t run = 1; run <= last_run; ++run) {
    Result<std::vector<std::pair<std::string, std::string>>> changes = store->LoadRunChanges(run);
    EXPECT_TRUE(changes.ok());
    for (const auto& [id, change] : *changes) out += std::to_string(run) + " " + id + " " + change + "\n";
  }
  return out;
}

// Saving through a ConflictWriter, a batch at a time, leaves exactly what one
// SaveConflicts call leaves: rows, reviews (reopened and inherited decisions, also
// when the conflict a decision would pass from comes in a later batch), changes.
TEST(ConflictWriterTest, BatchesSaveWhatOneCallSaves) {
  using Saver = std::function<std::string(Store*, int64_t, const std::vector<Conflict>&)>;
  auto delta_string = [](const Result<Store::ConflictDelta>& d) {
    return d.ok() ? DeltaString(*d) + " reopened=" + Ids(d->reopened_ids) : d.status().ToString();
  };
  const Saver one_call = [&](Store* store, int64_t run, const std::vector<Conflict>& conflicts) {
    return delta_string(store->SaveConflicts(run, conflicts));
  };
  // The ids as text, or as the numbers the check hands over (every id here is Hex64).
  auto in_batches = [&](size_t size, bool ids_as_numbers = false) -> Saver {
    return [&, size, ids_as_numbers](Store* store, int64_t run, const std::vector<Conflict>& conflicts) {
      std::vector<std::string> ids;
      std::vector<uint64_t> numbers;
      for (const Conflict& c : conflicts) {
        ids.push_back(c.id);
        numbers.push_back(*ParseHex64(c.id));
      }
      auto writer = ids_as_numbers ? store->BeginConflicts(run, numbers) : store->BeginConflicts(run, ids);
      if (!writer.ok()) return writer.status().ToString();
      for (size_t from = 0; from < conflicts.size(); from += size) {
        std::vector<Conflict> batch(conflicts.begin() + static_cast<std::ptrdiff_t>(from),
                                    conflicts.begin() + static_cast<std::ptrdiff_t>(std::min(conflicts.size(), from + size)));
        if (Status s = (*writer)->Add(batch); !s.ok()) return s.ToString();
      }
      return delta_string((*writer)->Finish());
    };
  };
  auto scenario = [&](const Saver& save) {
    std::unique_ptr<Store> store = OpenOrDie(":memory:");
    Document a = MakeDocument("a.txt", "A"), b = MakeDocument("b.txt", "B");
    std::vector<Claim> a_claims = {MakeClaim(600, "khoảng 600"), MakeClaim(100, "100 người", 50)};
    std::vector<Claim> b_claims = {MakeClaim(2000, "2.000 lính")};
    EXPECT_TRUE(store->PutDocument(0, a, a_claims).ok());
    EXPECT_TRUE(store->PutDocument(0, b, b_claims).ok());
    std::vector<Conflict> all;
    for (int i = 0; i < 150; ++i) {
      char id[17];
      std::snprintf(id, sizeof id, "%016x", static_cast<unsigned>(i) * 2654435761u);
      Conflict c = MakeConflict(id, a_claims[i % 2], b_claims[0]);
      c.subject = "s" + std::to_string(i % 50);
      c.explanation = "explanation " + std::to_string(i);
      all.push_back(c);
    }
    std::string log;
    auto run = [&](const std::vector<Conflict>& conflicts) {
      Result<int64_t> id = store->BeginRun("2024-07-0" + std::to_string(log.size() % 9 + 1) + "T08:00:00Z", "in/");
      EXPECT_TRUE(id.ok());
      log += save(store.get(), *id, conflicts) + "\n";
      return *id;
    };
    std::vector<Conflict> first = all;
    first.push_back(all[7]);  // a repeated id is saved once
    run(first);
    EXPECT_TRUE(store->AddReview(all[10].id, "dismissed", "same event", "lan", "t1").ok());
    EXPECT_TRUE(store->AddReview(all[40].id, "confirmed", "", "lan", "t1").ok());
    EXPECT_TRUE(store->AddReview(all[120].id, "dismissed", "old", "lan", "t1").ok());
    // Next run: all[10]'s evidence changed (reopened); all[120] replaced by a new id on
    // the same pair (it inherits the decision); a new id on all[40]'s pair comes first,
    // all[40] itself in a later batch (nothing to inherit); 20 gone.
    std::vector<Conflict> second;
    Conflict heir40 = MakeConflict("feedfacefeedface", all[40].a.claim, all[40].b.claim);
    heir40.subject = all[40].subject;
    second.push_back(heir40);
    for (int i = 0; i < 130; ++i) {
      if (i == 120) continue;
      second.push_back(all[static_cast<size_t>(i)]);
    }
    second[11].a.claim.quote = "khoảng 601";  // all[10]
    Conflict heir120 = MakeConflict("0123456789abcdef", all[120].a.claim, all[120].b.claim);
    heir120.subject = all[120].subject;
    second.push_back(heir120);
    const int64_t last = run(second);
    return log + Dump(store.get(), last);
  };
  const std::string expected = scenario(one_call);
  // The scenario reopens a decision and passes one on (not the one whose conflict is still there).
  EXPECT_NE(expected.find(" reopened=0123456789abcdef\n"), std::string::npos) << expected;
  EXPECT_NE(expected.find("0123456789abcdef dismissed->open evidence changed since it was dismissed as"),
            std::string::npos);
  EXPECT_NE(expected.find("dismissed->open evidence changed since it was dismissed\n"), std::string::npos);
  EXPECT_EQ(expected.find("feedfacefeedface confirmed->open"), std::string::npos);
  for (size_t size : {1u, 7u, 64u}) EXPECT_EQ(scenario(in_batches(size)), expected) << size << " per batch";
  EXPECT_EQ(scenario(in_batches(7, /*ids_as_numbers=*/true)), expected);
}

// A writer dropped before Finish, or whose Add failed, writes nothing.
TEST(ConflictWriterTest, UnfinishedOrFailedWritesNothing) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  Document a = MakeDocument("a.txt", "A"), b = MakeDocument("b.txt", "B");
  std::vector<Claim> a_claims = {MakeClaim(600, "khoảng 600")};
  std::vector<Claim> b_claims = {MakeClaim(2000, "2.000 lính")};
  ASSERT_TRUE(store->PutDocument(0, a, a_claims).ok());
  ASSERT_TRUE(store->PutDocument(0, b, b_claims).ok());
  Conflict c = MakeConflict("c1c1c1c1c1c1c1c1", a_claims[0], b_claims[0]);
  {
    auto writer = store->BeginConflicts(0, {c.id});
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Add({c}).ok());
  }
  EXPECT_TRUE(store->LoadConflicts(false)->empty());
  auto writer = store->BeginConflicts(0, {c.id});
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Add({c}).ok());
  Conflict nameless = c;
  nameless.id.clear();
  EXPECT_EQ((*writer)->Add({nameless}).code(), Status::Code::kInvalidInput);
  EXPECT_FALSE((*writer)->Finish().ok());
  writer->reset();
  EXPECT_TRUE(store->LoadConflicts(false)->empty());
  EXPECT_EQ(store->BeginConflicts(0, {""}).status().code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace claimcheck
