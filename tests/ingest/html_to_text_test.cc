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
