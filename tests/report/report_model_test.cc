#include "report/report_model.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "report/report.h"
#include "report_fixture.h"

namespace claimcheck {
namespace {

TEST(ReportModelTest, FixtureModelIsCanonical) {
  const ReportModel model = BuildReportModel(MakeFixtureInput());
  EXPECT_EQ(model.ToString(),
            "counts documents=4 claims=7 conflicts=1 divergences=1 info=1\n"
            "run \"run 3, 2024-09-13 02:00\" documents=4 new=1 changed=1 unchanged=2 failed=0 "
            "claims=7 new_conflicts=a1b2c3d4e5f60718 resolved=9999888877776666\n"
            "item conflict dead/lao_cai rule=count_agreement id=a1b2c3d4e5f60718 new "
            "lu-lao-cai-a.txt:95 mark=\"95 người chết\" vs "
            "lu-lao-cai-b.txt:120 mark=\"hơn 120 người tử vong\" status=open\n"
            "item divergence missing/lao_cai rule=count_overlap id=0f0e0d0c0b0a0908 "
            "lu-lao-cai-a.txt:20–99 mark=\"hàng chục người mất tích\" vs "
            "lu-lao-cai-b.txt:50 mark=\"khoảng 50 người\" status=confirmed\n"
            "item info treaty_signed/russia_north_korea rule=date_precision id=1111222233334444 "
            "hiep-uoc-vi.txt:2024-06 mark=\"ký hồi tháng 6/2024\" vs "
            "treaty-en.txt:2024-06-19 mark=\"signed on June 19, 2024\" status=open\n"
            "resolved conflict dead/lao_cai id=9999888877776666 lu-lao-cai-a.txt:90 "
            "mark=\"90 người chết\" vs lu-lao-cai-b.txt:120 mark=\"hơn 120 người tử vong\" "
            "status=dismissed\n"
            "document hiep-uoc-vi.txt outlet=Thời sự Mẫu published=2024-06-21 lang=vi claims=1\n"
            "document lu-lao-cai-a.txt outlet=Báo Sông Hồng published=2024-09-12 lang=vi claims=3\n"
            "document lu-lao-cai-b.txt outlet=Tin Miền Núi published=2024-09-13 lang=vi claims=2\n"
            "document treaty-en.txt outlet=Example Wire published=2024-06-20 lang=en claims=1\n");
}

TEST(ReportModelTest, OrdersBySeverityThenMetricSubjectId) {
  const Claim a = MakeCountClaim("a.txt", "x", "y", 1, Qualifier::kExact, "1", "1");
  const Claim b = MakeCountClaim("b.txt", "x", "y", 2, Qualifier::kExact, "2", "2");
  ReportInput in;
  in.conflicts = {MakeConflict("05", Severity::kInfo, "dead", "ha_noi", a, b),
                  MakeConflict("04", Severity::kDivergence, "dead", "ha_noi", a, b),
                  MakeConflict("03", Severity::kConflict, "missing", "ha_noi", a, b),
                  MakeConflict("02", Severity::kConflict, "dead", "lao_cai", a, b),
                  MakeConflict("01", Severity::kConflict, "dead", "lao_cai", a, b),
                  MakeConflict("00", Severity::kDivergence, "dead", "cao_bang", a, b)};
  std::string order;
  for (const ReportItem& i : BuildReportModel(in).items) order += i.id + " ";
  EXPECT_EQ(order, "01 02 03 00 04 05 ");
}

// The first `n` (up to 6) of: three conflicts, a divergence and two infos, ids
// "01".. in id order, report order 01 02 03 04 05 06.
std::vector<Conflict> SelectionCases(size_t n) {
  const Claim a = MakeCountClaim("a.txt", "x", "y", 1, Qualifier::kExact, "1", "1");
  const Claim b = MakeCountClaim("b.txt", "x", "y", 2, Qualifier::kExact, "2", "2");
  std::vector<Conflict> all = {MakeConflict("01", Severity::kConflict, "dead", "lao_cai", a, b),
                               MakeConflict("02", Severity::kConflict, "dead", "lao_cai", a, b),
                               MakeConflict("03", Severity::kConflict, "missing", "ha_noi", a, b),
                               MakeConflict("04", Severity::kDivergence, "dead", "ha_noi", a, b),
                               MakeConflict("05", Severity::kInfo, "dead", "ha_noi", a, b),
                               MakeConflict("06", Severity::kInfo, "dead", "ha_noi", a, b)};
  all.resize(n);
  return all;
}

// The selection does not depend on the order the conflicts arrive in.
TEST(ReportModelTest, SelectionIsTheSameInEveryArrivalOrder) {
  std::vector<Conflict> conflicts = SelectionCases(5);
  int orders = 0;
  do {
    ConflictSelection selection(3, {"05", "03"});
    for (const Conflict& k : conflicts) selection.Add(k);
    EXPECT_EQ(selection.seen(), 5u);
    EXPECT_EQ(selection.counts().conflicts, 3);
    EXPECT_EQ(selection.counts().divergences, 1);
    EXPECT_EQ(selection.counts().info, 1);
    std::string kept;
    for (const Conflict& k : selection.TakeInReportOrder()) kept += k.id + " ";
    EXPECT_EQ(kept, "01 03 05 ");  // the two new ones, then the first in report order
    ++orders;
  } while (std::next_permutation(conflicts.begin(), conflicts.end(),
                                 [](const Conflict& x, const Conflict& y) { return x.id < y.id; }));
  EXPECT_EQ(orders, 120);
}

// A conflict added by its key alone (AddKey) is selected as Add would, in every
// arrival order, and built only when kept: in report order, once the selection
// is full, the later ones that are not new are counted and not built.
TEST(ReportModelTest, AddByKeyBuildsOnlyWhatItKeeps) {
  std::vector<Conflict> conflicts = SelectionCases(6);
  auto summary = [](ConflictSelection selection) {
    std::string out = std::to_string(selection.seen()) + " " + std::to_string(selection.counts().conflicts) + "/" +
                      std::to_string(selection.counts().divergences) + "/" + std::to_string(selection.counts().info) +
                      ":";
    for (const Conflict& k : selection.TakeInReportOrder()) out += " " + k.id;
    return out;
  };
  int orders = 0;
  do {
    ConflictSelection by_conflict(3, {"05", "03"});
    ConflictSelection by_key(3, {"05", "03"});
    for (const Conflict& k : conflicts) {
      by_conflict.Add(k);
      by_key.AddKey(k.severity, k.metric, k.subject, k.id, [&] { return k; });
    }
    EXPECT_EQ(summary(std::move(by_key)), summary(std::move(by_conflict)));
    ++orders;
  } while (std::next_permutation(conflicts.begin(), conflicts.end(),
                                 [](const Conflict& x, const Conflict& y) { return x.id < y.id; }));
  EXPECT_EQ(orders, 720);

  SortConflictsForReport(&conflicts);  // 01 02 03 04 05 06
  ConflictSelection in_order(2, {"06"});
  std::string built;
  for (const Conflict& k : conflicts) {
    in_order.AddKey(k.severity, k.metric, k.subject, k.id, [&] {
      built += k.id + " ";
      return k;
    });
  }
  EXPECT_EQ(built, "01 02 06 ");  // the first two, then the new one
  EXPECT_EQ(summary(std::move(in_order)), "6 3/1/2: 01 06");
}

TEST(ReportModelTest, ShowsAtMostMaxItemsNewOnesFirstAndCountsAll) {
  const Claim a = MakeCountClaim("a.txt", "x", "y", 1, Qualifier::kExact, "1", "1");
  const Claim b = MakeCountClaim("b.txt", "x", "y", 2, Qualifier::kExact, "2", "2");
  ReportInput in;
  in.conflicts = {MakeConflict("05", Severity::kInfo, "dead", "ha_noi", a, b),
                  MakeConflict("04", Severity::kDivergence, "dead", "ha_noi", a, b),
                  MakeConflict("03", Severity::kConflict, "missing", "ha_noi", a, b),
                  MakeConflict("02", Severity::kConflict, "dead", "lao_cai", a, b),
                  MakeConflict("01", Severity::kConflict, "dead", "lao_cai", a, b)};
  in.run.new_conflict_ids = {"05"};
  in.max_items = 3;
  in.max_documents = 1;
  in.documents = MakeFixtureInput().documents;
  const ReportModel model = BuildReportModel(in);
  std::string order;
  for (const ReportItem& i : model.items) order += i.id + " ";
  EXPECT_EQ(order, "01 02 05 ");  // the new info row, then the first two in report order
  EXPECT_EQ(model.items_omitted, 2u);
  EXPECT_EQ(model.counts.conflicts, 3);
  EXPECT_EQ(model.counts.divergences, 1);
  EXPECT_EQ(model.counts.info, 1);
  EXPECT_EQ(model.documents.size(), 1u);
  EXPECT_EQ(model.documents_omitted, in.documents.size() - 1);
  EXPECT_NE(RenderMarkdown(model).find("2 more discrepancies are not shown"), std::string::npos);
  EXPECT_NE(RenderHtml(model).find("2 more discrepancies are not shown"), std::string::npos);
  // Under the limits nothing is omitted and the pages say nothing about it.
  in.max_items = 5;
  in.max_documents = 100;
  const ReportModel all = BuildReportModel(in);
  EXPECT_EQ(all.items.size(), 5u);
  EXPECT_EQ(RenderMarkdown(all).find("more discrepancies"), std::string::npos);
}

// A run's lists of ids are shown up to the cards' limit, and counted in full: a
// first run over an archive finds hundreds of thousands of new conflicts.
TEST(ReportModelTest, RunIdsShownUpToMaxItemsAndCountedInFull) {
  ReportInput in;
  in.max_items = 2;
  in.run.run_label = "run 9";
  in.run.new_conflict_ids = {"0000000000000001", "0000000000000002", "0000000000000003", "0000000000000004",
                             "0000000000000005"};
  in.run.resolved_conflict_ids = {"00000000000000a1", "00000000000000a2", "00000000000000a3"};
  const ReportModel model = BuildReportModel(in);
  EXPECT_EQ(model.run.new_conflict_ids, (std::vector<std::string>{"0000000000000001", "0000000000000002"}));
  EXPECT_EQ(model.new_ids_omitted, 3u);
  EXPECT_EQ(model.run.resolved_conflict_ids.size(), 2u);
  EXPECT_EQ(model.resolved_ids_omitted, 1u);
  EXPECT_NE(model.ToString().find("new_conflicts=0000000000000001,0000000000000002 (+3) "
                                  "resolved=00000000000000a1,00000000000000a2 (+1)"),
            std::string::npos)
      << model.ToString();
  const std::string md = RenderMarkdown(model);
  EXPECT_NE(md.find("### Resolved (3)"), std::string::npos) << md;
  EXPECT_NE(md.find("00000000000000a1, 00000000000000a2 and 1 more"), std::string::npos) << md;
  EXPECT_EQ(md.find("00000000000000a3"), std::string::npos);
  const std::string html = RenderHtml(model);
  EXPECT_NE(html.find("<code>00000000000000a2</code> and 1 more"), std::string::npos);

  // Resolved conflicts given as the ones shown, with how many there were.
  const Claim a = MakeCountClaim("a.txt", "x", "y", 1, Qualifier::kExact, "1", "1");
  const Claim b = MakeCountClaim("b.txt", "x", "y", 2, Qualifier::kExact, "2", "2");
  in.run.resolved_conflicts = {MakeConflict("00000000000000a2", Severity::kConflict, "dead", "ha_noi", a, b),
                               MakeConflict("00000000000000a1", Severity::kConflict, "dead", "ha_noi", a, b)};
  in.run.resolved_conflicts_total = 3;
  const ReportModel with_rows = BuildReportModel(in);
  ASSERT_EQ(with_rows.resolved.size(), 2u);
  EXPECT_EQ(with_rows.resolved[0].id, "00000000000000a1");  // report order
  EXPECT_EQ(with_rows.resolved_omitted, 1u);
  const std::string shown_md = RenderMarkdown(with_rows);
  EXPECT_NE(shown_md.find("### Resolved (3)"), std::string::npos) << shown_md;
  EXPECT_NE(shown_md.find("1 more resolved conflicts are not listed here."), std::string::npos) << shown_md;
  EXPECT_NE(RenderHtml(with_rows).find("1 more resolved conflicts are not listed here."), std::string::npos);
  in.run.resolved_conflicts_total = 0;  // not given: the rows are all there were
  const ReportModel all_rows = BuildReportModel(in);
  EXPECT_EQ(all_rows.resolved_omitted, 0u);
  EXPECT_NE(RenderMarkdown(all_rows).find("### Resolved (2)"), std::string::npos);
  EXPECT_EQ(RenderMarkdown(all_rows).find("more resolved conflicts"), std::string::npos);

  // New cards: the heading counts every new conflict of the run, the list the
  // ones shown.
  ReportInput news;
  news.max_items = 2;
  news.run.run_label = "run 10";
  for (const char* id : {"0000000000000001", "0000000000000002", "0000000000000003"}) {
    news.conflicts.push_back(MakeConflict(id, Severity::kConflict, "dead", "ha_noi", a, b));
    news.run.new_conflict_ids.push_back(id);
  }
  const std::string news_md = RenderMarkdown(BuildReportModel(news));
  EXPECT_NE(news_md.find("### New (3)"), std::string::npos) << news_md;
  EXPECT_NE(news_md.find("1 more new conflicts are not listed here"), std::string::npos) << news_md;

  // Pages that show no card (max_items 0) still count the resolved ids.
  ReportInput none_shown;
  none_shown.max_items = 0;
  none_shown.run.run_label = "run 11";
  none_shown.run.resolved_conflict_ids = {"00000000000000a1", "00000000000000a2"};
  const std::string none_md = RenderMarkdown(BuildReportModel(none_shown));
  EXPECT_NE(none_md.find("### Resolved (2)"), std::string::npos) << none_md;
  EXPECT_NE(none_md.find(" and 2 more"), std::string::npos) << none_md;
}

// Only the first documents given (Store::LoadDocumentListing) with the totals:
// the same model as all documents given.
TEST(ReportModelTest, FirstDocumentsWithTotalsAreAllDocuments) {
  ReportInput all = MakeFixtureInput();
  all.max_documents = 1;
  ASSERT_GT(all.documents.size(), 1u);
  ReportInput first = all;
  std::sort(first.documents.begin(), first.documents.end(),
            [](const Document& x, const Document& y) { return x.file < y.file; });
  first.documents.resize(1);
  first.claims_per_file.clear();
  if (all.claims_per_file.count(first.documents[0].file)) {
    first.claims_per_file[first.documents[0].file] = all.claims_per_file.at(first.documents[0].file);
  }
  first.documents_total = static_cast<int64_t>(all.documents.size());
  first.claims_total = 0;
  for (const auto& [file, n] : all.claims_per_file) first.claims_total += n;
  EXPECT_EQ(BuildReportModel(first).ToString(), BuildReportModel(all).ToString());
  EXPECT_EQ(RenderHtml(BuildReportModel(first)), RenderHtml(BuildReportModel(all)));
}

TEST(ReportModelTest, NoRunSummaryWhenDefault) {
  ReportInput in = MakeFixtureInput();
  in.run = RunSummary();
  const ReportModel model = BuildReportModel(in);
  EXPECT_FALSE(model.has_run_summary);
  EXPECT_EQ(model.ToString().find("run "), std::string::npos);
  for (const ReportItem& i : model.items) EXPECT_FALSE(i.is_new) << i.id;
}

TEST(ReportModelTest, SentenceSplitAroundQuote) {
  ReportInput in;
  Claim a = MakeCountClaim("a.txt", "dead", "ha_noi", 3, Qualifier::kExact, "3 người",
                           "Có 3 người chết, 3 người bị thương.");
  Claim b = MakeCountClaim("b.txt", "dead", "ha_noi", 4, Qualifier::kExact, "bốn người",
                           "Một câu không chứa trích dẫn.");
  in.conflicts = {MakeConflict("k", Severity::kConflict, "dead", "ha_noi", a, b)};
  const ReportItem item = BuildReportModel(in).items.at(0);
  EXPECT_TRUE(item.a.has_mark);
  EXPECT_EQ(item.a.sentence_before, "Có ");
  EXPECT_EQ(item.a.sentence_mark, "3 người");  // first occurrence only
  EXPECT_EQ(item.a.sentence_after, " chết, 3 người bị thương.");
  EXPECT_FALSE(item.b.has_mark);
  EXPECT_EQ(item.b.sentence_before, "Một câu không chứa trích dẫn.");
  EXPECT_EQ(item.b.sentence_mark, "");
}

TEST(ReportModelTest, IsWebUrl) {
  EXPECT_TRUE(IsWebUrl("https://vnexpress.net/a"));
  EXPECT_TRUE(IsWebUrl("HTTP://EXAMPLE.COM"));
  EXPECT_FALSE(IsWebUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsWebUrl("ftp://example.com/x"));
  EXPECT_FALSE(IsWebUrl(" https://leading-space"));
  EXPECT_FALSE(IsWebUrl("https:"));
  EXPECT_FALSE(IsWebUrl(""));
}

TEST(ReportModelTest, DisplayValue) {
  Claim c = MakeCountClaim("a.txt", "dead", "x", 600, Qualifier::kApprox, "q", "s");
  EXPECT_EQ(DisplayValue(c), "600");
  c.qualifier = Qualifier::kRange;
  c.low = 10000;
  c.high = 12000;
  c.value = 10000;
  EXPECT_EQ(DisplayValue(c), "10000–12000");
  c.high.reset();
  EXPECT_EQ(DisplayValue(c), "10000");
  c.qualifier = Qualifier::kExact;
  c.unit = "percent";
  c.value = 0.5;
  EXPECT_EQ(DisplayValue(c), "50%");
  c.kind = ClaimKind::kDate;
  c.date = "2024-Q2";
  EXPECT_EQ(DisplayValue(c), "2024-Q2");
}

}  // namespace
}  // namespace claimcheck
