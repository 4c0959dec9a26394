#include "ingest/html_to_text.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

TEST(HtmlToTextTest, Table) {
  const std::pair<std::string, std::string> cases[] = {
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"<div>a<br>b</div>", "a\nb"},
      {"<p>x <b>bold</b>  and\n  <i>wide</i>   y</p>", "x bold and wide y"},
      {"<body><script>var a=1;</script><style>p{}</style><p>Kept</p></body>", "Kept"},
      {"<nav>Menu</nav><header>Head</header><p>Body</p><aside>Side</aside><footer>F</footer>",
       "Body"},
      {"<p>Tom &amp; Jerry &lt;3 &#273;&#7911;</p>", "Tom & Jerry <3 đủ"},
      {"<h1>Title</h1><ul><li>one</li><li>two</li></ul>", "Title\n\none\n\ntwo"},
      // With <article>, only its content counts.
      {"<body><div>Sidebar junk</div><article><p>Story</p></article></body>", "Story"},
      {"<main><p>Main part</p></main><div>other</div>", "Main part"},
      {"", ""},
  };
  for (const auto& [html, text] : cases) EXPECT_EQ(HtmlToText(html), text) << html;
}

TEST(HtmlToTextTest, PageMetadata) {
  HtmlPage page = ParseHtmlPage(
      "<html lang='vi-VN'><head><title> Tin  A | Báo </title>"
      "<meta property='article:published_time' content='2024-11-12T06:53:54+07:00'>"
      "<meta property='og:site_name' content='Báo Mẫu'></head><body><p>x</p></body></html>");
  EXPECT_EQ(page.title, "Tin A | Báo");
  EXPECT_EQ(page.published, "2024-11-12T06:53:54+07:00");
  EXPECT_EQ(page.site_name, "Báo Mẫu");
  EXPECT_EQ(page.language, "vi");
  EXPECT_EQ(page.text, "x");
  EXPECT_EQ(ParseHtmlPage("<title>Plain</title><meta property='og:title' content='OG'>").title,
            "OG");
}

}  // namespace
}  // namespace claimcheck

namespace claimcheck {
namespace {

TEST(HtmlToTextTest, LimitHtmlNesting) {
  struct Case {
    std::string html;
    int max_depth;
    std::string out;
    int ignored;
  };
  const Case cases[] = {
      {"<div><div><div>x</div></div></div>", 2, "<div><div>x</div></div>", 2},
      {"<div><div><div>x</div></div></div>", 3, "<div><div><div>x</div></div></div>", 0},
      // Void and sibling-closed elements do not nest; comments and doctypes are skipped.
      {"<!DOCTYPE html><!-- <div><div> --><p>a<p>b<br><img src=x><li>c", 1,
       "<!DOCTYPE html><!-- <div><div> --><p>a<p>b<br><img src=x><li>c", 0},
      // Tags inside a script, or inside a quoted attribute value, are not tags.
      {"<div><script>'<div><div><div>'</script><b title='a>b'>t</b></div>", 1,
       "<div><script>'<div><div><div>'</script>t</div>", 2},
      // An end tag closes the elements opened inside it.
      {"<div><span><b>x</div><i>y</i>", 2, "<div><span>x</div><i>y</i>", 1},
      {"text < 5 and > 3, no tags", 1, "text < 5 and > 3, no tags", 0},
      {"<DIV><Div>x</DIV></div>", 1, "<DIV>x</div>", 2},
  };
  for (const Case& c : cases) {
    int ignored = -1;
    EXPECT_EQ(LimitHtmlNesting(c.html, c.max_depth, &ignored), c.out) << c.html;
    EXPECT_EQ(ignored, c.ignored) << c.html;
  }
}

// 100,000 nested <div>s (gumbo alone takes minutes and frees its tree recursively):
// parsed in well under a second, the text kept, script and style left out.
TEST(HtmlToTextTest, DeeplyNestedPage) {
  const int kDepth = 100000;
  std::string html = "<html><head><style>p { color: red }</style></head><body>";
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "<script>var hidden = '12 người chết';</script><p>Lũ làm 7 người chết.</p>";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  html += "</body></html>";
  HtmlPage page = ParseHtmlPage(html);
  EXPECT_EQ(page.text, "Lũ làm 7 người chết.");
  EXPECT_EQ(page.ignored_tags, 2 * (kDepth - (kMaxHtmlDepth - 2)));  // html and body are open
}

}  // namespace
}  // namespace claimcheck
