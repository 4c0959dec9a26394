// The review page's HTML, rendered from plain structs by pure functions: the
// conflict list with its filters, one conflict's detail (both quotes marked in
// their paragraphs, outlets, dates, urls, the review form and the review log)
// and error pages. Every piece of article or user text is HTML-escaped; only
// http(s) urls become links. No script is inlined: the pages load /app.js.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/conflict.h"
#include "server/conflict_filter.h"
#include "store/store.h"

namespace claimcheck {

// Escapes & < > " ' for text and attribute values.
std::string HtmlEscape(std::string_view s);

// The paragraph of `text` that holds [begin, end) (bounded by line breaks),
// escaped, with the span wrapped in <mark>. "" when the span is not inside
// `text` or does not fall on UTF-8 character boundaries.
std::string HighlightSpan(const std::string& text, size_t begin, size_t end);

// `sentence` escaped with the first occurrence of `quote` in <mark>; the whole
// sentence escaped (no mark) when the quote is empty or absent.
std::string HighlightQuote(const std::string& sentence, const std::string& quote);

struct ListPage {
  std::vector<Conflict> rows;   // the conflicts that pass `filter`, in display order
  size_t total = 0;             // active conflicts before filtering
  ConflictFilter filter;
  std::set<std::string> new_ids;              // new in the latest run
  std::vector<std::string> metrics, subjects; // choices for the filter selects, sorted
};

// GET /: the filter form (GET, so filters are bookmarkable) and a table with
// one row per conflict linking to its detail page.
std::string RenderListPage(const ListPage& page);

struct DetailPage {
  Conflict conflict;
  bool active = true;    // false: no longer found by the latest run (resolved)
  bool is_new = false;   // new in the latest run
  std::vector<Store::ReviewRecord> reviews;  // oldest first
  std::string text_a, text_b;  // the documents' text ("" when unknown)
  std::string csrf_token;      // goes into the review form
  std::string reviewer;        // the form's default "by"
  std::string message;         // shown above the form, e.g. "Saved."
};

// GET /conflict/ID: both sides, the review form (POST /conflict/ID/review with
// csrf, status, note, by) and the review log (who, when, from what to what).
std::string RenderDetailPage(const DetailPage& page);

// A small page for 400/403/404 and friends.
std::string RenderErrorPage(int status, const std::string& message);

// The page script: submits the filter form when a select changes.
std::string_view PageScript();

}  // namespace claimcheck
