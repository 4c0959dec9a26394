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
};

// Parses `html` (UTF-8) and extracts the article: the content of the <article>
// elements when there are any, else of <main>, else of <body>; script, style, nav,
// header, footer, aside, noscript, template, form, iframe and svg are dropped. Block
// elements (p, div, h1..h6, li, ...) become paragraph breaks ("\n\n"), <br> a line break;
// other whitespace collapses to one space; lines are trimmed. Character references are
// decoded by gumbo.
HtmlPage ParseHtmlPage(std::string_view html);

// ParseHtmlPage(html).text.
std::string HtmlToText(std::string_view html);

}  // namespace claimcheck
