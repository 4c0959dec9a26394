// The review page's pure parts: form parsing, cookies, tokens, filters and
// page rendering (escaping, links, highlights).
#include <gtest/gtest.h>

#include <set>

#include "server/conflict_filter.h"
#include "server/form.h"
#include "server/pages.h"
#include "server/session.h"

namespace claimcheck {
namespace {

TEST(FormTest, UrlDecode) {
  struct Case { const char* in; const char* out; } cases[] = {
      {"a+b", "a b"}, {"%C4%91%C3%A3", "đã"}, {"100%", "100%"}, {"%zz", "%zz"}, {"%4", "%4"}, {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(UrlDecode(c.in), c.out) << c.in;
}

TEST(FormTest, UrlEncodeRoundTrips) {
  const std::string s = "Bão số 3 & <lũ>/?=";
  EXPECT_EQ(UrlEncode("a b/c"), "a%20b%2Fc");
  EXPECT_EQ(UrlDecode(UrlEncode(s)), s);
}

TEST(FormTest, ParseForm) {
  auto form = ParseForm("csrf=abc&status=dismissed&note=kh%C3%A1c+ng%C3%A0y&note=second&flag&=x");
  EXPECT_EQ(form["csrf"], "abc");
  EXPECT_EQ(form["status"], "dismissed");
  EXPECT_EQ(form["note"], "khác ngày");  // the first of repeated names wins
  EXPECT_EQ(form["flag"], "");
  EXPECT_EQ(form.count(""), 1u);
  EXPECT_TRUE(ParseForm("").empty());
}

TEST(FormTest, CookieValue) {
  EXPECT_EQ(CookieValue("a=1; claimcheck_session=xyz; b=2", "claimcheck_session"), "xyz");
  EXPECT_EQ(CookieValue("claimcheck_session=xyz", "claimcheck_session"), "xyz");
  EXPECT_EQ(CookieValue("xclaimcheck_session=1", "claimcheck_session"), "");
  EXPECT_EQ(CookieValue("", "claimcheck_session"), "");
}

TEST(SessionTest, TokensAreRandomAndChecked) {
  const std::string t1 = RandomToken(), t2 = RandomToken();
  EXPECT_EQ(t1.size(), 32u);
  EXPECT_NE(t1, t2);
  EXPECT_TRUE(TokensEqual(t1, t1));
  EXPECT_FALSE(TokensEqual(t1, t2));
  EXPECT_FALSE(TokensEqual(t1, t1.substr(1)));

  SessionTokens sessions;
  SessionTokens::Session s = sessions.Get("");
  EXPECT_FALSE(s.id.empty());
  EXPECT_NE(s.id, s.token);
  EXPECT_EQ(sessions.Get(s.id).token, s.token);  // the same session keeps its token
  EXPECT_NE(sessions.Get("forged").id, "forged");  // unknown ids get a fresh session
  EXPECT_TRUE(sessions.Check(s.id, s.token));
  EXPECT_FALSE(sessions.Check(s.id, ""));
  EXPECT_FALSE(sessions.Check(s.id, RandomToken()));
  EXPECT_FALSE(sessions.Check("", s.token));
  EXPECT_FALSE(sessions.Check(sessions.Get("").id, s.token));  // another session's token
}

Conflict Row(const std::string& id, const std::string& status, Severity severity, const std::string& metric,
             const std::string& outlet_a) {
  Conflict c;
  c.id = id;
  c.status = status;
  c.severity = severity;
  c.metric = metric;
  c.subject = "storm_wutip";
  c.a.outlet = outlet_a;
  c.b.outlet = "Tin Nhanh";
  return c;
}

TEST(FilterTest, TableOfFilters) {
  const std::vector<Conflict> all = {
      Row("01", "open", Severity::kConflict, "killed", "Báo Duyên Hải"),
      Row("02", "dismissed", Severity::kDivergence, "missing", "VnExpress"),
      Row("03", "open", Severity::kInfo, "killed", "Thanh Niên"),
  };
  const std::set<std::string> new_ids = {"03"};
  struct Case { ConflictFilter filter; const char* ids; } cases[] = {
      {{}, "01 02 03"},
      {{"open", "", "", "", "", false}, "01 03"},
      {{"", "divergence", "", "", "", false}, "02"},
      {{"", "", "killed", "", "", false}, "01 03"},
      {{"", "", "", "storm_yagi", "", false}, ""},
      {{"", "", "", "", "vnexpress", false}, "02"},
      {{"", "", "", "", "tin nhanh", false}, "01 02 03"},
      {{"", "", "", "", "", true}, "03"},
      {{"open", "conflict", "killed", "storm_wutip", "duyên", false}, "01"},
  };
  for (const Case& c : cases) {
    std::string ids;
    for (const Conflict& k : FilterConflicts(all, c.filter, new_ids)) ids += (ids.empty() ? "" : " ") + k.id;
    EXPECT_EQ(ids, c.ids) << c.filter.ToString();
  }
  ConflictFilter f{"open", "", "killed", "", "", true};
  EXPECT_EQ(f.ToString(), "status=open metric=killed new");
  EXPECT_TRUE(ConflictFilter().empty());
}

TEST(PagesTest, EscapeAndHighlight) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  const std::string text = "Dòng một.\nBão làm <b>12 người</b> chết.\nDòng ba.";
  const size_t at = text.find("12 người");
  EXPECT_EQ(HighlightSpan(text, at, at + std::string("12 người").size()),
            "Bão làm &lt;b&gt;<mark>12 người</mark>&lt;/b&gt; chết.");
  EXPECT_EQ(HighlightSpan(text, 0, 5), "<mark>Dòng</mark> một.");
  EXPECT_EQ(HighlightSpan(text, 2, 4), "");  // starts inside "ò": not a character boundary
  EXPECT_EQ(HighlightSpan(text, 5, 500), "");
  EXPECT_EQ(HighlightQuote("Có 12 người <i>chết</i>", "12 người"), "Có <mark>12 người</mark> &lt;i&gt;chết&lt;/i&gt;");
  EXPECT_EQ(HighlightQuote("Không có", "12"), "Không có");
}

Conflict HostileConflict() {
  Conflict c = Row("c0ffee0011223344", "open", Severity::kConflict, "killed", "<b>Báo A</b>");
  c.a.url = "https://a.example/?q=1&x=\"2\"";
  c.b.url = "javascript:alert(1)";
  c.a.claim.quote = "12 người";
  c.a.claim.sentence = "Bão làm 12 người chết <script>alert(1)</script>";
  c.a.claim.value = 12;
  c.b.claim.quote = "19 người";
  c.b.claim.sentence = "Có 19 người \"thiệt mạng\"";
  c.b.claim.value = 19;
  c.note = "<img src=x onerror=alert(1)>";
  return c;
}

TEST(PagesTest, ListPageEscapesAndLinks) {
  ListPage page;
  page.rows = {HostileConflict()};
  page.total = 3;
  page.filter.outlet = "\"><script>";
  page.filter.only_new = true;
  page.new_ids = {"c0ffee0011223344"};
  page.metrics = {"killed", "missing"};
  const std::string html = RenderListPage(page);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("value=\"&quot;&gt;&lt;script&gt;\""), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/conflict/c0ffee0011223344\">"), std::string::npos);
  EXPECT_NE(html.find("1 of 3 conflicts"), std::string::npos);
  EXPECT_NE(html.find("name=\"new\" value=\"1\" checked"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge new\">new</span>"), std::string::npos);
  EXPECT_NE(html.find("<script src=\"/app.js\" defer></script>"), std::string::npos);
}

TEST(PagesTest, DetailPageFormLogAndLinks) {
  DetailPage page;
  page.conflict = HostileConflict();
  page.conflict.status = "open";
  page.conflict.note = "evidence changed since it was dismissed as 0123456789abcdef by lan: cùng sự kiện";
  page.csrf_token = "tok\"en";
  page.reviewer = "Lan <admin>";
  page.reviews = {{"c0ffee0011223344", "dismissed", "open", "cùng sự kiện", "lan", "2025-06-14T08:00:00Z"},
                  {"c0ffee0011223344", "open", "dismissed", page.conflict.note, "claimcheck", "2025-06-15T02:00:00Z"}};
  const std::string html = RenderDetailPage(page);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("Bão làm <mark>12 người</mark> chết &lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Có <mark>19 người</mark> &quot;thiệt mạng&quot;"), std::string::npos);
  // Only http(s) urls become links.
  EXPECT_NE(html.find("<a href=\"https://a.example/?q=1&amp;x=&quot;2&quot;\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"url\">javascript:alert(1)</span>"), std::string::npos);
  EXPECT_NE(html.find("<form class=\"review\" method=\"post\" action=\"/conflict/c0ffee0011223344/review\">"),
            std::string::npos);
  EXPECT_NE(html.find("name=\"csrf\" value=\"tok&quot;en\""), std::string::npos);
  EXPECT_NE(html.find("value=\"Lan &lt;admin&gt;\""), std::string::npos);
  for (const char* status : {"confirmed", "dismissed", "needs_info"}) {
    EXPECT_NE(html.find(std::string("name=\"status\" value=\"") + status + "\""), std::string::npos) << status;
  }
  // The log: who, when, from what to what; the old decision is called out.
  EXPECT_NE(html.find("<td>2025-06-14T08:00:00Z</td><td>lan</td><td>open → dismissed</td><td>cùng sự kiện</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"prev\">Back to open: the evidence changed. It was <strong>dismissed</strong>"),
            std::string::npos);
  EXPECT_EQ(html.find("Likely value"), std::string::npos);  // none computed
  page.conflict.likely_value = "khoảng <12>";
  page.conflict.support_a = 2;
  page.conflict.support_b = 1;
  EXPECT_NE(RenderDetailPage(page).find("Likely value: <strong>khoảng &lt;12&gt;</strong> (independent sources "
                                        "backing A: 2, B: 1)"),
            std::string::npos);
}

TEST(PagesTest, DetailPrefersTheDocumentParagraph) {
  DetailPage page;
  page.conflict = HostileConflict();
  page.text_a = "Đoạn đầu.\nTheo tỉnh, bão làm 12 người chết tại hai huyện.\nĐoạn cuối.";
  page.conflict.a.claim.id = 7;  // a live claim: its span points into text_a
  page.conflict.a.claim.span_begin = page.text_a.find("12 người");
  page.conflict.a.claim.span_end = page.conflict.a.claim.span_begin + std::string("12 người").size();
  const std::string html = RenderDetailPage(page);
  EXPECT_NE(html.find("Theo tỉnh, bão làm <mark>12 người</mark> chết tại hai huyện."), std::string::npos);
  page.conflict.a.claim.span_begin += 1;  // a stale span: fall back to the sentence
  page.conflict.a.claim.span_end += 1;
  EXPECT_NE(RenderDetailPage(page).find("Bão làm <mark>12 người</mark> chết"), std::string::npos);
}

TEST(PagesTest, ErrorPageEscapes) {
  const std::string html = RenderErrorPage(404, "no <conflict>");
  EXPECT_NE(html.find("<h1>404</h1>"), std::string::npos);
  EXPECT_NE(html.find("no &lt;conflict&gt;"), std::string::npos);
}

}  // namespace
}  // namespace claimcheck
