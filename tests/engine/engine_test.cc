// Table-driven tests of CheckClaims with hand-made claims: what must fire, the
// near misses that must not, and the invariants (no same-source pairs, stable ids).
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "engine/copy_detector.h"

namespace claimcheck {
namespace {

constexpr double kOpen = std::numeric_limits<double>::quiet_NaN();  // unbounded side

Claim Count(std::string file, std::string metric, double value, Qualifier q = Qualifier::kExact,
            double low = 0, double high = 0, std::string as_of = "") {
  Claim c;
  c.file = std::move(file);
  c.kind = ClaimKind::kCount;
  c.metric = std::move(metric);
  c.subject = "north_korea";
  c.value = value;
  c.qualifier = q;
  bool point = q == Qualifier::kExact || q == Qualifier::kApprox;
  if (point) {
    c.low = c.high = value;
  } else {
    if (!std::isnan(low)) c.low = low;
    if (!std::isnan(high)) c.high = high;
  }
  c.as_of = std::move(as_of);
  c.quote = "q" + FormatNumber(value);
  return c;
}

Claim Date(std::string file, std::string metric, std::string date) {
  Claim c;
  c.file = std::move(file);
  c.kind = ClaimKind::kDate;
  c.metric = std::move(metric);
  c.subject = "russia_north_korea";
  c.date = date;
  c.quote = "d" + date;
  return c;
}

Document Doc(std::string file, std::string published, std::string outlet = "") {
  Document d;
  d.file = std::move(file);
  d.published = std::move(published);
  d.outlet = std::move(outlet);
  d.text = "short text " + d.file;  // too short to be judged a copy of anything
  return d;
}

CheckRule Rule(std::string id, CheckKind kind, double rel = 0, std::vector<std::string> metrics = {}) {
  CheckRule r;
  r.id = std::move(id);
  r.kind = kind;
  r.relative_tolerance = rel;
  r.approx_margin = 0.1;
  r.metrics = std::move(metrics);
  return r;
}

// The shipped defaults, written out so that these tests do not move when an editor
// tunes rules/checks/core.toml.
std::vector<CheckRule> TestRules() {
  std::vector<CheckRule> rules = {
      Rule("count_agreement", CheckKind::kCountAgreement, 0.1),
      Rule("planned_count_agreement", CheckKind::kCountAgreement, 0.25, {"troops_planned"}),
      Rule("cumulative_decrease", CheckKind::kCumulativeDecrease, 0.1, {"killed", "wounded"}),
      Rule("date_agreement", CheckKind::kDateAgreement),
      Rule("killed_within_deployed", CheckKind::kBound, 0.1),
  };
  rules[1].approx_margin = 0.2;
  rules[4].lower_metric = "killed";
  rules[4].upper_metric = "troops_deployed";
  for (auto& r : rules) r.min_confidence = 0.3;
  return rules;
}

std::vector<Document> TestDocs() {
  return {Doc("a.txt", "2025-10-24", "outlet-a"), Doc("b.txt", "2025-12-18", "outlet-b"),
          Doc("c.txt", "")};
}

std::string Rows(const CheckResult& r) {
  std::vector<std::string> rows;
  for (const auto& c : r.conflicts) rows.push_back(c.ToString());
  return Join(rows, "\n");
}

struct Case {
  const char* name;
  std::vector<Claim> claims;
  const char* expected;  // Conflict::ToString() rows joined by \n
};

TEST(EngineTest, RuleTable) {
  auto low_conf = Count("b.txt", "wounded", 9000);
  low_conf.confidence = 0.1;
  auto other_subject = Count("b.txt", "wounded", 9000);
  other_subject.subject = "russia";
  const Case cases[] = {
      // count_agreement
      {"more than vs about: divergence, not conflict",
       {Count("a.txt", "troops_deployed", 10000, Qualifier::kMoreThan, 10000, kOpen),
        Count("b.txt", "troops_deployed", 15000, Qualifier::kApprox)},
       "divergence count_agreement troops_deployed/north_korea a.txt:10000 vs b.txt:15000"},
      {"about 2,000 vs about 600 without dates: conflict",
       {Count("c.txt", "wounded", 2000, Qualifier::kApprox), Count("a.txt", "wounded", 600, Qualifier::kApprox)},
       "conflict count_agreement wounded/north_korea a.txt:600 vs c.txt:2000"},
      {"equal figures: nothing",
       {Count("a.txt", "engineers_deployed", 1000), Count("b.txt", "engineers_deployed", 1000)}, ""},
      {"within tolerance: divergence",
       {Count("a.txt", "engineers_deployed", 1000), Count("b.txt", "engineers_deployed", 1200)},
       "divergence count_agreement engineers_deployed/north_korea a.txt:1000 vs b.txt:1200"},
      {"just beyond tolerance: conflict",
       {Count("a.txt", "engineers_deployed", 1000), Count("b.txt", "engineers_deployed", 1250)},
       "conflict count_agreement engineers_deployed/north_korea a.txt:1000 vs b.txt:1250"},
      {"nearly 42,400 vs 42,000: divergence",
       {Count("a.txt", "area_demined_ha", 42400, Qualifier::kNearly, kOpen, 42400),
        Count("b.txt", "area_demined_ha", 42000)},
       "divergence count_agreement area_demined_ha/north_korea a.txt:42400 vs b.txt:42000"},
      {"more than 1.5M vs 1M: conflict",
       {Count("a.txt", "mines_cleared", 1500000, Qualifier::kMoreThan, 1500000, kOpen),
        Count("b.txt", "mines_cleared", 1000000)},
       "conflict count_agreement mines_cleared/north_korea a.txt:1500000 vs b.txt:1000000"},
      {"planned troops use the looser rule",
       {Count("a.txt", "troops_planned", 12000), Count("b.txt", "troops_planned", 9000)},
       "divergence planned_count_agreement troops_planned/north_korea a.txt:12000 vs b.txt:9000"},
      {"same document never conflicts",
       {Count("a.txt", "wounded", 600), Count("a.txt", "wounded", 6000)}, ""},
      {"different subject or metric never compared",
       {Count("a.txt", "wounded", 600), other_subject, Count("b.txt", "captured", 9000)}, ""},
      {"low confidence is ignored", {Count("a.txt", "wounded", 600), low_conf}, ""},
      // cumulative_decrease
      {"later report with a lower cumulative figure: one conflict row",
       {Count("a.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
        Count("b.txt", "killed", 600, Qualifier::kApprox)},
       "conflict cumulative_decrease killed/north_korea a.txt:2000 vs b.txt:600"},
      {"a rise is info, not conflict",
       {Count("a.txt", "killed", 600, Qualifier::kApprox, 0, 0, "2024-12"),
        Count("b.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09")},
       "info cumulative_decrease killed/north_korea a.txt:600 vs b.txt:2000"},
      {"a small fall within tolerance is a divergence",
       {Count("a.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
        Count("b.txt", "killed", 1900, Qualifier::kApprox)},
       "divergence count_agreement killed/north_korea a.txt:2000 vs b.txt:1900"},
      {"same month: no order, count_agreement decides",
       {Count("a.txt", "killed", 2000, Qualifier::kExact, 0, 0, "2025-09"),
        Count("b.txt", "killed", 600, Qualifier::kExact, 0, 0, "2025-09-30")},
       "conflict count_agreement killed/north_korea a.txt:2000 vs b.txt:600"},
      // date_agreement
      {"month agrees with a day in it", {Date("a.txt", "treaty_signed", "2024-06"), Date("b.txt", "treaty_signed", "2024-06-19")}, ""},
      {"year agrees with a month in it", {Date("a.txt", "treaty_signed", "2024"), Date("b.txt", "treaty_signed", "2024-06")}, ""},
      {"different months conflict",
       {Date("a.txt", "treaty_signed", "2024-10"), Date("b.txt", "treaty_signed", "2024-06")},
       "conflict date_agreement treaty_signed/russia_north_korea a.txt:2024-10 vs b.txt:2024-06"},
      {"one day apart conflicts",
       {Date("b.txt", "treaty_ratified", "2024-11-12"), Date("a.txt", "treaty_ratified", "2024-11-11")},
       "conflict date_agreement treaty_ratified/russia_north_korea a.txt:2024-11-11 vs b.txt:2024-11-12"},
      // bound
      {"more killed than deployed",
       {Count("a.txt", "killed", 5000), Count("b.txt", "troops_deployed", 3000)},
       "conflict killed_within_deployed killed/north_korea a.txt:5000 vs b.txt:3000"},
      {"fewer killed than deployed",
       {Count("a.txt", "killed", 500), Count("b.txt", "troops_deployed", 3000)}, ""},
      {"an older deployment figure does not bound a later toll",
       {Count("a.txt", "killed", 5000, Qualifier::kExact, 0, 0, "2025-09"),
        Count("b.txt", "troops_deployed", 3000, Qualifier::kExact, 0, 0, "2024-11")},
       ""},
  };
  for (const auto& c : cases) {
    CheckResult r = CheckClaims(TestRules(), TestDocs(), c.claims);
    EXPECT_EQ(Rows(r), c.expected) << c.name;
    EXPECT_TRUE(r.copy_groups.empty()) << c.name;
  }
}

// TestDocs with b.txt a copy of a.txt (the same story inside page clutter), and the
// wounded counts of a.txt, b.txt and c.txt.
std::vector<Document> DocsWithACopy() {
  std::string body =
      "Officials in the province said on Tuesday that the flood had destroyed the harvest in many "
      "villages and that more help would come from the capital before the end of the week";
  std::vector<Document> docs = TestDocs();
  docs[0].text = body;
  docs[1].text = "Breaking news\n" + body + "\nMore stories from our site";
  return docs;
}
std::vector<Claim> WoundedOfACopy() {
  return {Count("a.txt", "wounded", 600), Count("b.txt", "wounded", 6000), Count("c.txt", "wounded", 600)};
}

TEST(EngineTest, CopiesNeverConflict) {
  CheckResult r = CheckClaims(TestRules(), DocsWithACopy(), WoundedOfACopy());
  ASSERT_EQ(r.copy_groups.size(), 1u);
  EXPECT_EQ(Join(r.copy_groups[0], ","), "a.txt,b.txt");
  EXPECT_EQ(Rows(r), "conflict count_agreement wounded/north_korea b.txt:6000 vs c.txt:600");
}

TEST(EngineTest, CopyGroupsFoundByTheCallerStandForTheTexts) {
  // The caller found the copies (FindCopyGroups with the rules' options) and let the
  // texts go: the same rows as a check that reads the texts.
  std::vector<Document> docs = DocsWithACopy();
  const std::vector<Claim> claims = WoundedOfACopy();
  const CheckResult from_texts = CheckClaims(TestRules(), docs, claims);
  const auto groups = FindCopyGroups(docs, CopyOptionsFromRules(TestRules()));
  ASSERT_EQ(groups, from_texts.copy_groups);
  for (Document& d : docs) d.text.clear();
  CheckOptions options;
  options.copy_groups = &groups;
  const CheckResult given = CheckClaims(TestRules(), docs, claims, options);
  EXPECT_EQ(Rows(given), Rows(from_texts));
  EXPECT_EQ(given.copy_groups, groups);
  // Without the groups, the emptied texts are copies of nothing: another row.
  EXPECT_NE(Rows(CheckClaims(TestRules(), docs, claims)), Rows(from_texts));
}

TEST(EngineTest, OneRowPerSourcePairAndValues) {
  std::string body =
      "Officials in the province said on Tuesday that the flood had destroyed the harvest in many "
      "villages and that more help would come from the capital before the end of the week";
  std::vector<Document> docs = TestDocs();
  docs[0].text = body;
  docs[1].text = body + "\nRelated stories";
  std::vector<Claim> claims = {Count("b.txt", "wounded", 6000), Count("a.txt", "wounded", 6000),
                               Count("c.txt", "wounded", 600), Count("c.txt", "wounded", 600)};
  claims[3].span_begin = 99;  // the same figure said twice in c.txt
  CheckResult r = CheckClaims(TestRules(), docs, claims);
  EXPECT_EQ(Rows(r), "conflict count_agreement wounded/north_korea a.txt:6000 vs c.txt:600");
  claims.push_back(Count("c.txt", "wounded", 700));  // a different figure: its own row
  r = CheckClaims(TestRules(), docs, claims);
  EXPECT_EQ(r.conflicts.size(), 2u) << Rows(r);
}

// A figure said again and again in one article, against another article's
// figures said again and again: one row per rule (the same sources and values),
// naming the first mention on each side (claims in store order: file, then
// position), whatever order the verdicts were found in.
TEST(EngineTest, RepeatedFiguresGiveOneRowNamingTheFirstMentions) {
  std::vector<Claim> claims;
  for (int k = 0; k < 24; ++k) {
    claims.push_back(Count("a.txt", "killed", 5000));
    claims.back().span_begin = 10 * k;
  }
  for (int k = 0; k < 24; ++k) {
    claims.push_back(Count("b.txt", "troops_deployed", 3000));
    claims.back().span_begin = 10 * k;
  }
  for (int k = 0; k < 24; ++k) {
    claims.push_back(Count("b.txt", "killed", 500));
    claims.back().span_begin = 1000 + 10 * k;
  }
  for (int threads : {1, 2}) {
    CheckOptions options;
    options.threads = threads;
    CheckResult r = CheckClaims(TestRules(), TestDocs(), claims, options);
    ASSERT_EQ(r.conflicts.size(), 2u) << Rows(r);
    for (const Conflict& k : r.conflicts) {
      EXPECT_EQ(k.a.claim.span_begin, 0) << k.ToString();
      EXPECT_EQ(k.b.claim.span_begin, k.b.claim.metric == "killed" ? 1000 : 0) << k.ToString();
    }
  }
}

// 20 documents, each stating its own figure twice: every pair of documents disagrees,
// and each pair's 4 claim pairs give one row. 190 rows in one group: more than the
// survivors a group compares by scanning (the rest are found by hashing).
TEST(EngineTest, ManyRepeatedFiguresGiveOneRowPerDocumentPair) {
  std::vector<Document> documents;
  std::vector<Claim> claims;
  for (int d = 0; d < 20; ++d) {
    const std::string file = "d" + std::string(d < 10 ? "0" : "") + std::to_string(d) + ".txt";
    documents.push_back(Doc(file, "2025-01-01"));
    for (size_t mention = 0; mention < 2; ++mention) {
      claims.push_back(Count(file, "troops_deployed", 100.0 * (d + 1)));
      claims.back().span_begin = 100 * mention;
    }
  }
  for (int threads : {1, 2}) {
    CheckOptions options;
    options.threads = threads;
    CheckResult r = CheckClaims(TestRules(), documents, claims, options);
    ASSERT_EQ(r.conflicts.size(), 190u) << Rows(r);
    std::set<std::pair<std::string, std::string>> pairs;
    for (const Conflict& k : r.conflicts) {
      EXPECT_TRUE(pairs.emplace(k.a.claim.file, k.b.claim.file).second) << "twice: " << k.ToString();
      EXPECT_EQ(k.a.claim.span_begin, 0u) << k.ToString();
      EXPECT_EQ(k.b.claim.span_begin, 0u) << k.ToString();
    }
  }
}

TEST(EngineTest, StableIdsIndependentOfOrderAndClaimIds) {
  std::vector<Claim> claims = {
      Count("a.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
      Count("b.txt", "killed", 600, Qualifier::kApprox),
      Count("c.txt", "killed", 9000),
      Date("a.txt", "treaty_signed", "2024-10"),
      Date("b.txt", "treaty_signed", "2024-06"),
      Date("c.txt", "treaty_signed", "2024-06-19"),
  };
  CheckResult first = CheckClaims(TestRules(), TestDocs(), claims);
  ASSERT_EQ(first.conflicts.size(), 5u) << Rows(first);
  std::reverse(claims.begin(), claims.end());
  for (size_t i = 0; i < claims.size(); ++i) claims[i].id = 100 + static_cast<int64_t>(i);
  CheckResult second = CheckClaims(TestRules(), TestDocs(), claims);
  ASSERT_EQ(Rows(first), Rows(second));
  for (size_t i = 0; i < first.conflicts.size(); ++i) {
    EXPECT_EQ(first.conflicts[i].id, second.conflicts[i].id);
    EXPECT_EQ(first.conflicts[i].id.size(), 16u);
    EXPECT_EQ(first.conflicts[i].explanation, second.conflicts[i].explanation);
  }
  std::vector<std::string> ids;
  for (const auto& c : first.conflicts) ids.push_back(c.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end()) << "ids must differ between rows";
}

TEST(EngineTest, ConflictsCarrySourcesAndExplanations) {
  std::vector<Claim> claims = {Count("a.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
                               Count("b.txt", "killed", 600, Qualifier::kApprox),
                               Count("a.txt", "troops_deployed", 10000, Qualifier::kMoreThan, 10000, kOpen),
                               Count("b.txt", "troops_deployed", 15000, Qualifier::kApprox)};
  claims[0].attributed_to = "NIS";
  CheckResult r = CheckClaims(TestRules(), TestDocs(), claims);
  ASSERT_EQ(r.conflicts.size(), 2u) << Rows(r);
  const Conflict& k = r.conflicts[0];
  EXPECT_EQ(k.a.outlet, "outlet-a");
  EXPECT_EQ(k.a.published, "2025-10-24");
  EXPECT_EQ(k.b.published, "2025-12-18");
  EXPECT_EQ(k.explanation,
            "Rule cumulative_decrease: b.txt (outlet-b, published 2025-12-18) is a later report with "
            "a lower cumulative figure for killed/north_korea (about 600) than a.txt (outlet-a, "
            "published 2025-10-24, as of 2025-09, citing NIS) (about 2,000); a cumulative count "
            "cannot fall, so both cannot be true.");
  EXPECT_EQ(k.explanation_vi,
            "Quy tắc cumulative_decrease: b.txt (outlet-b, đăng ngày 2025-12-18) là báo cáo sau nhưng "
            "đưa con số cộng dồn thấp hơn cho killed/north_korea (khoảng 600) so với a.txt (outlet-a, "
            "đăng ngày 2025-10-24, tính đến 2025-09, dẫn lời NIS) (khoảng 2.000); số cộng dồn không "
            "thể giảm nên hai con số không thể cùng đúng.");
  const Conflict& d = r.conflicts[1];
  EXPECT_EQ(d.severity, Severity::kDivergence);
  EXPECT_NE(d.explanation.find("more than 10,000"), std::string::npos) << d.explanation;
  EXPECT_NE(d.explanation.find("about 15,000"), std::string::npos) << d.explanation;
  EXPECT_NE(d.explanation_vi.find("hơn 10.000"), std::string::npos) << d.explanation_vi;
  EXPECT_NE(d.explanation_vi.find("khoảng 15.000"), std::string::npos) << d.explanation_vi;
}

TEST(EngineTest, DateAndCountExplanationsNameBothValues) {
  CheckResult r = CheckClaims(TestRules(), TestDocs(),
                              {Date("a.txt", "treaty_signed", "2024-10"),
                               Date("b.txt", "treaty_signed", "2024-06-19"),
                               Count("a.txt", "workers_sent", 2000, Qualifier::kApprox),
                               Count("b.txt", "workers_sent", 600, Qualifier::kApprox)});
  ASSERT_EQ(r.conflicts.size(), 2u) << Rows(r);
  EXPECT_EQ(r.conflicts[0].explanation,
            "Rule date_agreement: a.txt (outlet-a, published 2025-10-24) dates "
            "treaty_signed/russia_north_korea to 2024-10 while b.txt (outlet-b, published "
            "2025-12-18) dates it to 2024-06-19; compared by month the two dates differ, so both "
            "cannot be true.");
  EXPECT_EQ(r.conflicts[1].explanation,
            "Rule count_agreement: a.txt (outlet-a, published 2025-10-24) reports about 2,000 for "
            "workers_sent/north_korea while b.txt (outlet-b, published 2025-12-18) reports about 600; "
            "even "
            "with the rule's tolerance the ranges 1,600 to 2,400 and 480 to 720 do not overlap, so "
            "both cannot be true.");
  EXPECT_NE(r.conflicts[1].explanation_vi.find("khoảng 2.000"), std::string::npos);
  EXPECT_NE(r.conflicts[1].explanation_vi.find("khoảng 600"), std::string::npos);
}

// The rules of the time-, source- and cross-metric table below: TestRules() plus one
// rule of each newer kind.
std::vector<CheckRule> ExtendedRules() {
  std::vector<CheckRule> rules = TestRules();
  CheckRule stale = Rule("stale_figure", CheckKind::kStaleFigure, 0.1, {"killed", "wounded"});
  stale.severity = Severity::kDivergence;
  CheckRule sum = Rule("casualties_sum", CheckKind::kSumOfParts, 0.1);
  sum.part_metrics = {"killed", "wounded"};
  sum.total_metric = "casualties";
  CheckRule whole = Rule("province_within_national", CheckKind::kPartWithinWhole, 0.1, {"dead"});
  whole.whole_subjects = {"vietnam"};
  whole.languages = {"vi"};
  CheckRule copies;
  copies.id = "copies";
  copies.kind = CheckKind::kCopies;
  copies.credit_prefixes = {"Nguồn:", "Theo "};
  for (auto r : {stale, sum, whole, copies}) {
    r.min_confidence = 0.3;
    rules.push_back(r);
  }
  return rules;
}

std::vector<Document> ExtendedDocs() {
  std::vector<Document> docs = {Doc("a.txt", "2025-10-24", "outlet-a"), Doc("b.txt", "2025-12-18", "outlet-b"),
                                Doc("c.txt", "2025-12-20", "outlet-c"), Doc("d.txt", "2025-10-24", "outlet-d")};
  for (auto& d : docs) d.language = "vi";
  return docs;
}

Claim Place(std::string file, std::string metric, std::string subject, double value) {
  Claim c = Count(std::move(file), std::move(metric), value);
  c.subject = std::move(subject);
  return c;
}

TEST(EngineTest, TimeSourceAndCrossMetricTable) {
  auto stated = Count("c.txt", "killed", 600, Qualifier::kApprox, 0, 0, "2024-12");
  auto english_part = Place("b.txt", "dead", "lao_cai", 25);
  const Case cases[] = {
      // time awareness: stale figures
      {"a later undated figure repeating an older, lower one is stale",
       {Count("a.txt", "killed", 600, Qualifier::kApprox, 0, 0, "2024-12"),
        Count("b.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
        Count("c.txt", "killed", 600, Qualifier::kApprox)},
       "divergence stale_figure killed/north_korea b.txt:2000 vs c.txt:600\n"
       "info cumulative_decrease killed/north_korea a.txt:600 vs b.txt:2000"},
      // (a and c state the same rise from 600 to 2,000: one info row, not one per source)
      {"near miss: the later article dates its figure, so it is part of a rising series",
       {Count("a.txt", "killed", 600, Qualifier::kApprox, 0, 0, "2024-12"),
        Count("b.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"), stated},
       "info cumulative_decrease killed/north_korea a.txt:600 vs b.txt:2000"},
      {"near miss: no older matching figure, so a plain decrease",
       {Count("b.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
        Count("c.txt", "killed", 600, Qualifier::kApprox)},
       "conflict cumulative_decrease killed/north_korea b.txt:2000 vs c.txt:600"},
      // time awareness: counts dated to different times are not compared
      {"troop counts the texts date to different months both hold",
       {Count("a.txt", "troops_deployed", 10000, Qualifier::kExact, 0, 0, "2024-10"),
        Count("b.txt", "troops_deployed", 15000, Qualifier::kExact, 0, 0, "2025-01")},
       ""},
      {"near miss: the same counts with no dates conflict",
       {Count("a.txt", "troops_deployed", 10000), Count("b.txt", "troops_deployed", 15000)},
       "conflict count_agreement troops_deployed/north_korea a.txt:10000 vs b.txt:15000"},
      // sum_of_parts
      {"killed + wounded far above the casualties one article states",
       {Count("a.txt", "killed", 600), Count("a.txt", "wounded", 4000), Count("a.txt", "casualties", 3000)},
       "conflict casualties_sum casualties/north_korea a.txt:3000 vs a.txt:4000"},
      {"near miss: the parts add up within tolerance",
       {Count("a.txt", "killed", 600), Count("a.txt", "wounded", 4000), Count("a.txt", "casualties", 4700)},
       ""},
      {"near miss: the total comes from another article",
       {Count("a.txt", "killed", 600), Count("a.txt", "wounded", 4000), Count("b.txt", "casualties", 3000)},
       ""},
      // part_within_whole
      {"a province above the national toll of the same day",
       {Place("a.txt", "dead", "vietnam", 10), Place("d.txt", "dead", "lao_cai", 25)},
       "conflict province_within_national dead/vietnam a.txt:10 vs d.txt:25"},
      {"near miss: the province is below", {Place("a.txt", "dead", "vietnam", 10), Place("d.txt", "dead", "lao_cai", 8)}, ""},
      {"near miss: another day", {Place("a.txt", "dead", "vietnam", 10), Place("b.txt", "dead", "lao_cai", 25)}, ""},
      {"provinces one article lists add up to more than its national toll",
       {Place("a.txt", "dead", "vietnam", 10), Place("a.txt", "dead", "lao_cai", 6), Place("a.txt", "dead", "yen_bai", 7)},
       "conflict province_within_national dead/vietnam a.txt:10 vs a.txt:7"},
      {"near miss: the provinces fit", {Place("a.txt", "dead", "vietnam", 10), Place("a.txt", "dead", "lao_cai", 4), Place("a.txt", "dead", "yen_bai", 5)}, ""},
  };
  for (const auto& c : cases) {
    CheckResult r = CheckClaims(ExtendedRules(), ExtendedDocs(), c.claims);
    EXPECT_EQ(Rows(r), c.expected) << c.name;
  }
  // Scope: the part rule covers Vietnamese-language articles only.
  std::vector<Document> docs = ExtendedDocs();
  docs[3].language = "en";
  CheckResult r = CheckClaims(ExtendedRules(), docs, {Place("a.txt", "dead", "vietnam", 10), Place("d.txt", "dead", "lao_cai", 25)});
  EXPECT_EQ(Rows(r), "");
}

TEST(EngineTest, OutletScope) {
  std::vector<CheckRule> rules = {Rule("counts", CheckKind::kCountAgreement, 0.1)};
  rules[0].outlets = {"outlet-a", "outlet-b"};
  std::vector<Claim> claims = {Count("a.txt", "wounded", 600), Count("b.txt", "wounded", 6000),
                               Count("c.txt", "wounded", 60)};
  CheckResult r = CheckClaims(rules, ExtendedDocs(), claims);
  EXPECT_EQ(Rows(r), "conflict counts wounded/north_korea a.txt:600 vs b.txt:6000");
}

TEST(EngineTest, SharedCreditLinesAreOneSource) {
  std::vector<Document> docs = ExtendedDocs();
  docs[0].text = "Mưa lớn kéo dài ở miền núi phía Bắc\nNguồn: TTXVN";
  docs[1].text = "Bài viết khác về lũ\nNguồn: ttxvn.vn\n";
  docs[2].text = "Theo TTXVN, lũ quét đã làm nhiều người bị thương ở các bản vùng cao phía Bắc.";
  std::vector<Claim> claims = {Count("a.txt", "workers_sent", 600), Count("b.txt", "workers_sent", 6000),
                               Count("c.txt", "workers_sent", 6000)};
  CheckResult r = CheckClaims(ExtendedRules(), docs, claims);
  ASSERT_EQ(r.copy_groups.size(), 1u);
  EXPECT_EQ(Join(r.copy_groups[0], ","), "a.txt,b.txt");
  // a and b credit one source and never conflict; c merely cites it in a sentence.
  EXPECT_EQ(Rows(r), "conflict count_agreement workers_sent/north_korea a.txt:600 vs c.txt:6000");
  EXPECT_EQ(CreditedSource("x\nTheo trang tin Military Watch\n", {"Theo trang tin ", "Theo "}), "military watch");
  EXPECT_EQ(CreditedSource("Theo KCNA, hiệp ước này được hai nhà lãnh đạo ký tại Bình Nhưỡng.", {"Theo "}), "");
  EXPECT_EQ(NormalizeSourceName("www.VnExpress.net"), "vnexpress");
}

TEST(EngineTest, LikelyValueAndIndependentSupport) {
  // Two independent outlets say 600, one says 6,000.
  std::vector<Claim> claims = {Count("a.txt", "wounded", 600), Count("b.txt", "wounded", 600),
                               Count("c.txt", "wounded", 6000)};
  CheckResult r = CheckClaims(ExtendedRules(), ExtendedDocs(), claims);
  // A rise (c is the latest report): one row, from b, the report just before c; a's
  // step is the same rise over two periods and shows in the series only.
  ASSERT_EQ(r.conflicts.size(), 1u) << Rows(r);
  EXPECT_EQ(Rows(r), "info cumulative_decrease wounded/north_korea b.txt:600 vs c.txt:6000");
  for (const Conflict& k : r.conflicts) {
    EXPECT_EQ(k.likely_value, "600") << k.ToString();
    EXPECT_EQ(k.support_a, 2) << k.ToString();  // a is the 600 side (a.txt or b.txt)
    EXPECT_EQ(k.support_b, 1) << k.ToString();
    EXPECT_GT(k.trust_a, k.trust_b) << k.ToString();
  }
  // When the two 600s are copies of one article, the sides are even: no likely value.
  std::vector<Document> docs = ExtendedDocs();
  std::string body =
      "Officials in the province said on Tuesday that the flood had destroyed the harvest in many "
      "villages and that more help would come from the capital before the end of the week";
  docs[0].text = body;
  docs[1].text = body + "\nRelated stories";
  r = CheckClaims(ExtendedRules(), docs, claims);
  ASSERT_EQ(r.conflicts.size(), 1u) << Rows(r);
  EXPECT_EQ(r.conflicts[0].support_a, 1);
  EXPECT_EQ(r.conflicts[0].support_b, 1);
  EXPECT_EQ(r.conflicts[0].likely_value, "");
}

// Soft rows (divergence, info) are one per pair of stated values, whoever states
// them; conflicts stay one per pair of sources.
TEST(EngineTest, SoftRowsArePerPairOfFiguresConflictsPerPairOfSources) {
  std::vector<Document> docs;
  for (const char* f : {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}) docs.push_back(Doc(f, "2025-06-23", f));
  // Three outlets say about 1,356, two say 1,368, all in one month: may both hold.
  std::vector<Claim> claims = {Count("a.txt", "troops_deployed", 1356, Qualifier::kApprox),
                               Count("b.txt", "troops_deployed", 1368),
                               Count("c.txt", "troops_deployed", 1356, Qualifier::kApprox),
                               Count("d.txt", "troops_deployed", 1368),
                               Count("e.txt", "troops_deployed", 1356, Qualifier::kApprox)};
  CheckResult r = CheckClaims(TestRules(), docs, claims);
  ASSERT_EQ(Rows(r), "divergence count_agreement troops_deployed/north_korea a.txt:1356 vs b.txt:1368");
  EXPECT_EQ(r.conflicts[0].support_a, 3);
  EXPECT_EQ(r.conflicts[0].support_b, 2);
  // 600 against 6,000 cannot both hold: a row for each of the 3 x 2 pairs of outlets.
  for (Claim& c : claims) {
    c.value = c.value == 1356 ? 600 : 6000;
    c.low = c.high = c.value;
  }
  r = CheckClaims(TestRules(), docs, claims);
  EXPECT_EQ(r.conflicts.size(), 6u) << Rows(r);
  for (const Conflict& k : r.conflicts) EXPECT_EQ(k.severity, Severity::kConflict) << k.ToString();
}

// A rise and a fall between the same two figures are two rows even when both are soft
// (a cumulative_decrease rule whose decreases are only info).
TEST(EngineTest, SoftRiseAndFallBetweenTheSameFiguresStayApart) {
  std::vector<CheckRule> rules = TestRules();
  rules[2].severity = Severity::kInfo;
  std::vector<Document> docs = {Doc("a.txt", "2025-01-10", "a"), Doc("b.txt", "2025-03-10", "b"),
                                Doc("c.txt", "2025-05-10", "c")};
  std::vector<Claim> claims = {Count("a.txt", "killed", 600), Count("b.txt", "killed", 2000),
                               Count("c.txt", "killed", 600)};
  CheckResult r = CheckClaims(rules, docs, claims);
  EXPECT_EQ(Rows(r),
            "info cumulative_decrease killed/north_korea a.txt:600 vs b.txt:2000\n"
            "info cumulative_decrease killed/north_korea b.txt:2000 vs c.txt:600");
}

TEST(EngineTest, RisingSeriesIsShown) {
  std::vector<Claim> claims = {Count("a.txt", "killed", 600, Qualifier::kApprox, 0, 0, "2024-12"),
                               Count("b.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
                               Count("c.txt", "killed", 3000, Qualifier::kApprox, 0, 0, "2025-11")};
  CheckResult r = CheckClaims(ExtendedRules(), ExtendedDocs(), claims);
  ASSERT_FALSE(r.conflicts.empty());
  EXPECT_EQ(r.conflicts[0].series,
            "about 600 (2024-12, a.txt) -> about 2,000 (2025-09, b.txt) -> about 3,000 (2025-11, c.txt)");
  // One row per step of the series (n - 1 rows for n reports, not every pair): the
  // rise from a to c over two periods is in the series, not a row of its own.
  EXPECT_EQ(Rows(r),
            "info cumulative_decrease killed/north_korea b.txt:2000 vs c.txt:3000\n"
            "info cumulative_decrease killed/north_korea a.txt:600 vs b.txt:2000");
}

TEST(EngineTest, NewKindsExplainThemselves) {
  CheckResult r = CheckClaims(ExtendedRules(), ExtendedDocs(),
                              {Count("a.txt", "killed", 600, Qualifier::kApprox, 0, 0, "2024-12"),
                               Count("b.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
                               Count("c.txt", "killed", 600, Qualifier::kApprox)});
  ASSERT_EQ(r.conflicts.size(), 2u) << Rows(r);
  EXPECT_EQ(r.conflicts[0].explanation,
            "Rule stale_figure: c.txt (outlet-c, published 2025-12-20) gives about 600 for "
            "killed/north_korea without saying when it held, the figure a.txt (outlet-a, published "
            "2025-10-24, as of 2024-12) had reported (about 600), although b.txt (outlet-b, published "
            "2025-12-18, as of 2025-09) had since reported about 2,000; the later article repeats an "
            "outdated cumulative figure.");
  EXPECT_NE(r.conflicts[0].explanation_vi.find("khoảng 2.000"), std::string::npos);
  r = CheckClaims(ExtendedRules(), ExtendedDocs(),
                  {Count("a.txt", "killed", 600), Count("a.txt", "wounded", 4000), Count("a.txt", "casualties", 3000)});
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].explanation,
            "Rule casualties_sum: a.txt (outlet-a, published 2025-10-24) reports 3,000 for "
            "casualties/north_korea but its parts killed/north_korea 600 (a.txt) + wounded/north_korea "
            "4,000 (a.txt) add up to 4,140 to 5,060, which even with the rule's tolerance does not meet "
            "2,700 to 3,300, so both cannot be true.");
  EXPECT_NE(r.conflicts[0].explanation_vi.find("cộng lại được 4.140 đến 5.060"), std::string::npos)
      << r.conflicts[0].explanation_vi;
}

TEST(EngineTest, ShippedRulesJudgeTheSeedCases) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  std::vector<Claim> claims = {
      Count("a.txt", "troops_deployed", 10000, Qualifier::kMoreThan, 10000, kOpen),
      Count("b.txt", "troops_deployed", 15000, Qualifier::kApprox),
      Count("a.txt", "killed", 2000, Qualifier::kApprox, 0, 0, "2025-09"),
      Count("b.txt", "killed", 600, Qualifier::kApprox),
      Count("a.txt", "troops_planned", 12000),
      Count("b.txt", "troops_planned", 10000),
      Date("a.txt", "treaty_signed", "2024-10"),
      Date("b.txt", "treaty_signed", "2024-06"),
      Date("c.txt", "treaty_signed", "2024-06"),
  };
  CheckResult r = CheckClaims(rules, TestDocs(), claims);
  EXPECT_EQ(Rows(r),
            "conflict cumulative_decrease killed/north_korea a.txt:2000 vs b.txt:600\n"
            "conflict date_agreement treaty_signed/russia_north_korea a.txt:2024-10 vs b.txt:2024-06\n"
            "conflict date_agreement treaty_signed/russia_north_korea a.txt:2024-10 vs c.txt:2024-06\n"
            "divergence count_agreement troops_deployed/north_korea a.txt:10000 vs b.txt:15000\n"
            "divergence planned_count_agreement troops_planned/north_korea a.txt:12000 vs b.txt:10000");
}

}  // namespace
}  // namespace claimcheck
