// HTML to article text, with the page metadata ingest can use. The only file that
// uses gumbo. Pure: takes the page as a string, does no I/O.
#pragma once

#include <string>
#include <string_view>

namespace claimcheck {

struct HtmlPage {
  std::string title;      // og:title, else <title>; whitespace collapsed; may be empty
  std::string published;  // meta article:published_time as given (e.g. "2024-11-12T06:53:54+07:00")
  std::string site_name;  // meta og:site_name; may be empty
  std::string language;   // <html lang="..."> primary subtag, lower case ("vi", "en"); may be empty
  std::string text;       // the article text (see HtmlToText)
  int ignored_tags = 0;   // tags dropped by LimitHtmlNesting (0 for sane pages)
};

// Deepest element nesting ParseHtmlPage lets gumbo see. Real pages stay below ~100;
// gumbo's tree building is quadratic in the depth (100,000 nested <div>s take
// minutes) and its tree is freed recursively.
inline constexpr int kMaxHtmlDepth = 512;

// Returns `html` without the start and end tags that would nest elements deeper than
// `max_depth` (their text is kept), counting them in *ignored. A linear scan that
// tracks open elements the way an HTML parser would, roughly: void elements (br, img,
// ...) and the ones closed by their next sibling (p, li, td, option, ...) do not nest;
// an end tag closes up to its open element; comments, doctypes and the raw text of
// script, style, textarea, title, xmp, iframe, noembed, noframes are skipped whole
// (so a "<div>" inside a script counts for nothing). Text without tags comes back as is.
std::string LimitHtmlNesting(std::string_view html, int max_depth, int* ignored);

// Parses `html` (UTF-8) and extracts the article: the content of the <article>
// elements when there are any, else of <main>, else of <body>; script, style, nav,
// header, footer, aside, noscript, template, form, iframe and svg are dropped. Block
// elements (p, div, h1..h6, li, ...) become paragraph breaks ("\n\n"), <br> a line break;
// other whitespace collapses to one space; lines are trimmed. Character references are
// decoded by gumbo. The page first goes through LimitHtmlNesting(kMaxHtmlDepth), and
// the tree is walked without recursion.
HtmlPage ParseHtmlPage(std::string_view html);

// ParseHtmlPage(html).text.
std::string HtmlToText(std::string_view html);

}  // namespace claimcheck
