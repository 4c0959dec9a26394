#include <gtest/gtest.h>

#include "report/report.h"
#include "report/templates.h"
#include "report_fixture.h"

namespace claimcheck {
namespace {

// A conflict whose every text field is hostile.
ReportInput HostileInput() {
  const std::string evil = "<script>alert(\"x&y\")</script>";
  Claim a = MakeCountClaim("a<b>.txt", "dead", "ha_noi", 3, Qualifier::kExact, evil,
                           "Trước " + evil + " sau 'đó' & hết.");
  Claim b = MakeCountClaim("b.txt", "dead", "ha_noi", 5, Qualifier::kExact, "5 \"người\"",
                           "Câu không có trích dẫn <img src=x onerror=alert(1)>");
  Conflict k = MakeConflict("deadbeefdeadbeef", Severity::kConflict, "dead", "ha_noi", a, b);
  k.a.outlet = "O'Reilly & \"Sons\"";
  k.a.url = "https://x.example/?a=1&b=\"2\"><script>";
  k.b.url = "javascript:alert(1)";
  k.explanation = "Values </p><script>bad()</script> differ";
  k.explanation_vi = "Khác <b>nhau</b> | cột";
  k.note = "ghi chú <i>&amp;</i> {{title}}";
  ReportInput in;
  Document d;
  d.file = "a<b>.txt";
  d.outlet = "<svg onload=x>";
  d.url = "JavaScript:alert(2)";
  in.documents = {d};
  in.claims_per_file = CountClaimsPerFile({a, b});
  in.conflicts = {k};
  in.run.run_label = "run <1>";
  return in;
}

TEST(RenderTest, TemplatesAreEmbedded) {
  for (const char* name :
       {"report.html.mustache", "side.html.mustache", "report.md.mustache", "style.css"}) {
    auto text = FindTemplate(name);
    ASSERT_TRUE(text.has_value()) << name;
    EXPECT_GT(text->size(), 50u) << name;
  }
  EXPECT_FALSE(FindTemplate("missing.mustache").has_value());
}

TEST(RenderTest, HtmlEscapesHostileText) {
  const std::string html = RenderHtml(BuildReportModel(HostileInput()));
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos) << "only http(s) urls are links";
  EXPECT_EQ(html.find("href=\"JavaScript:"), std::string::npos);
  EXPECT_NE(html.find("<dd>javascript:alert(1)</dd>"), std::string::npos);  // shown as text
  // The quote is highlighted, and escaped, inside the escaped sentence.
  EXPECT_NE(html.find("Trước <mark>&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;</mark>"
                      " sau &apos;đó&apos; &amp; hết."),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("O&apos;Reilly &amp; &quot;Sons&quot;"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;&gt;&lt;script&gt;\""),
            std::string::npos);
  // Values are never parsed as templates: the braces come out literally.
  EXPECT_NE(html.find("ghi chú &lt;i&gt;&amp;amp;&lt;/i&gt; {{title}}"), std::string::npos);
  EXPECT_NE(html.find("run &lt;1&gt;"), std::string::npos);
  // Side B's quote is not in its sentence: shown separately, still escaped.
  EXPECT_NE(html.find("<mark>5 &quot;người&quot;</mark>"), std::string::npos);
}

TEST(RenderTest, HtmlIsSelfContained) {
  const std::string html = RenderHtml(BuildReportModel(MakeFixtureInput()));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("{{"), std::string::npos);
  EXPECT_EQ(html.find('\r'), std::string::npos);
  EXPECT_EQ(html.find("template error"), std::string::npos);
  // Only http(s) urls are links; the ftp one stays text.
  EXPECT_NE(html.find("href=\"https://songhong.example.vn/lu-lao-cai\""), std::string::npos);
  EXPECT_NE(html.find("href=\"http://wire.example.com/pact\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"ftp:"), std::string::npos);
  EXPECT_NE(html.find("ftp://thoisu.example.vn/hiep-uoc"), std::string::npos);
}

TEST(RenderTest, HtmlShowsConflictsBeforeDivergencesBeforeInfo) {
  const std::string html = RenderHtml(BuildReportModel(MakeFixtureInput()));
  const size_t conflict = html.find("id=\"c-a1b2c3d4e5f60718\"");
  const size_t divergence = html.find("id=\"c-0f0e0d0c0b0a0908\"");
  const size_t info = html.find("id=\"c-1111222233334444\"");
  ASSERT_NE(conflict, std::string::npos);
  ASSERT_NE(divergence, std::string::npos);
  ASSERT_NE(info, std::string::npos);
  EXPECT_LT(conflict, divergence);
  EXPECT_LT(divergence, info);
}

TEST(RenderTest, HtmlRunSummaryOnlyWhenGiven) {
  ReportInput in = MakeFixtureInput();
  const std::string with_run = RenderHtml(BuildReportModel(in));
  // The report leads with what changed: new, then still open, then resolved.
  const size_t changes = with_run.find("<h2>Since the previous run</h2>");
  const size_t new_at = with_run.find("New (1)");
  const size_t open_at = with_run.find("Still open (2)");
  const size_t resolved_at = with_run.find("Resolved (1)");
  const size_t first_card = with_run.find("<article class=\"card");
  ASSERT_NE(changes, std::string::npos);
  EXPECT_LT(changes, new_at);
  EXPECT_LT(new_at, with_run.find("<a href=\"#c-a1b2c3d4e5f60718\">"));
  EXPECT_LT(new_at, open_at);
  EXPECT_LT(open_at, resolved_at);
  EXPECT_LT(resolved_at, with_run.find("<code>9999888877776666</code>"));
  EXPECT_LT(resolved_at, first_card);
  EXPECT_NE(with_run.find("90 people vs 120 people (more_than)"), std::string::npos);
  EXPECT_NE(with_run.find("class=\"badge badge-new\""), std::string::npos);
  in.run = RunSummary();
  const std::string without = RenderHtml(BuildReportModel(in));
  EXPECT_EQ(without.find("This run"), std::string::npos);
  EXPECT_EQ(without.find("class=\"badge badge-new\""), std::string::npos);
}

TEST(RenderTest, HtmlWithNothingToReport) {
  const std::string html = RenderHtml(BuildReportModel(ReportInput()));
  EXPECT_NE(html.find("No discrepancies found."), std::string::npos);
  EXPECT_EQ(html.find("class=\"card"), std::string::npos);
}

TEST(RenderTest, MarkdownEscapesCells) {
  const std::string md = RenderMarkdown(BuildReportModel(HostileInput()));
  EXPECT_NE(md.find("Khác &lt;b&gt;nhau&lt;/b&gt; \\| cột"), std::string::npos) << md;
  EXPECT_NE(md.find("a&lt;b&gt;.txt vs b.txt"), std::string::npos) << md;
  EXPECT_EQ(md.find("<script"), std::string::npos) << md;
  // Every table row has exactly the header's number of unescaped pipes.
  size_t row = md.find("| conflict");
  ASSERT_NE(row, std::string::npos);
  const std::string line = md.substr(row, md.find('\n', row) - row);
  int pipes = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
  }
  EXPECT_EQ(pipes, 11) << line;  // 10 columns
}

TEST(RenderTest, MarkdownWithNothingToReport) {
  EXPECT_EQ(RenderMarkdown(BuildReportModel(ReportInput())),
            "# claimcheck report\n\n"
            "## Totals\n\n"
            "- Documents: 0\n- Claims: 0\n- Conflicts: 0\n- Divergences: 0\n- Info: 0\n\n"
            "## Discrepancies\n\n"
            "No discrepancies found.\n");
}

TEST(RenderTest, OutputIsDeterministic) {
  const ReportModel model = BuildReportModel(MakeFixtureInput());
  EXPECT_EQ(RenderHtml(model), RenderHtml(model));
  EXPECT_EQ(RenderMarkdown(model), RenderMarkdown(model));
}

// RenderPages fills both templates from one set of data: the same pages as
// RenderHtml and RenderMarkdown, with and without a run summary or items.
TEST(RenderTest, PagesMatchEachRender) {
  ReportInput with_run = MakeFixtureInput();
  with_run.run.run_label = "run 3, 2024-09-10";
  with_run.run.new_conflict_ids = {with_run.conflicts.front().id};
  with_run.run.resolved_conflict_ids = {"0123456789abcdef"};
  for (const ReportInput& in : {MakeFixtureInput(), with_run, HostileInput(), ReportInput()}) {
    const ReportModel model = BuildReportModel(in);
    const ReportPages pages = RenderPages(model);
    EXPECT_EQ(pages.html, RenderHtml(model));
    EXPECT_EQ(pages.markdown, RenderMarkdown(model));
  }
}

TEST(RenderTest, HtmlMatchesGolden) {
  EXPECT_EQ(CompareWithGolden("report.html", RenderHtml(BuildReportModel(MakeFixtureInput()))),
            "");
}

TEST(RenderTest, MarkdownMatchesGolden) {
  EXPECT_EQ(CompareWithGolden("report.md", RenderMarkdown(BuildReportModel(MakeFixtureInput()))),
            "");
}

}  // namespace
}  // namespace claimcheck
