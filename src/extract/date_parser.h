// Date mentions in Vietnamese and English news text, resolved to partial
// calendar dates: "tháng 6/2024" -> 2024-06, "ngày 23/10" in an article of
// 2025-12-18 -> 2025-10-23, "quý II năm 2025" -> 2025-Q2, "last August" ->
// the August before publication. Pure functions over NFC UTF-8; no clock: a
// relative or year-less date is resolved only against the DateContext given.
// Used by the claim extractor; times ("11:08"), durations ("80 năm") and codes
// ("U23", "Chonma-2") are not dates.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/number_parser.h"

namespace claimcheck {

enum class DateGranularity { kYear, kQuarter, kMonth, kDay };

// A calendar date known to some granularity. Fields finer than `granularity`
// are 0 (quarter is set only at kQuarter). year == 0 means "unknown year".
struct PartialDate {
  int year = 0, quarter = 0, month = 0, day = 0;
  DateGranularity granularity = DateGranularity::kYear;
  // "2024", "2025-Q2", "2024-06", "2024-06-19" (an unknown year prints as "0000").
  std::string ToString() const;
};

// Parses the ToString() forms: "2024", "2024-06", "2024-06-19", "2025-Q2".
// nullopt for anything else or an impossible date ("2024-13", "2023-02-29").
std::optional<PartialDate> ParseIsoDate(std::string_view s);

struct DateContext {
  std::optional<PartialDate> published;  // the article's publication date (any granularity)
  std::optional<PartialDate> anchor;     // when published is unknown: see InferAnchor
  bool english = false;                  // a hint; both languages' forms are always read
};

struct DateMention {
  size_t begin = 0, end = 0;   // byte span of the expression ("tháng 10 năm ngoái", without "vào")
  PartialDate date;            // resolved
  bool relative = false;       // resolved from context ("năm ngoái", "hôm qua", "last August", "ngày 23/10")
  bool year_inferred = false;  // no year was written (neither a number nor "năm ngoái"/"last year")
  std::string text;            // input[begin, end)
  // `date [rel] [inferred] "text"`, e.g. `2024-10 rel "tháng 10 năm ngoái"`.
  std::string ToString() const;
};

// The words a date may start with (besides digits and capitalised English
// month names): the first words the date matchers accept. FindDates tries its
// matchers only at these (or, for a token with a word_id, at its kDateStartWord
// and capitalised kMonthNameWord flags).
std::vector<std::string> DateStartWords();
// English month names and their abbreviations, lower-cased ("january", "sept").
std::vector<std::string> EnglishMonthNames();

// All date mentions of `text`, left to right, non-overlapping.
// Resolution: written years are taken as they are. "năm ngoái/nay", "tháng trước",
// "hôm qua", "last month", "yesterday"... need ctx.published (a day-relative word
// with a month-granularity publication date gives that month); without it they are
// dropped. A year-less month or day ("tháng 8", "ngày 23/10", "April 28") takes the
// latest such date not after ctx.published; without a publication date, the first
// at or after ctx.anchor; with neither it is dropped (no year-0 mentions are returned).
// A day range ("8-13/10") is reported at month granularity. "hôm qua (9/11)" gives the
// explicit 9/11 only. A year-less d/m needs a date word before it ("ngày", "hôm", "tối",
// "vào", "(" ...) so that "24/7" or a score is not read as a date.
std::vector<DateMention> FindDates(std::string_view text, const DateContext& ctx);
// The same over `tokens`, which must be TokenizeText(text) (number_parser.h).
std::vector<DateMention> FindDates(std::string_view text, const std::vector<TextToken>& tokens,
                                   const DateContext& ctx);

// The anchor for documents without a publication date: the latest date written
// with its year ("tháng 8/2024", "19/6/2024", "quý II năm 2025"), preferring dates
// of month or finer granularity over bare years; nullopt when there is none.
std::optional<PartialDate> InferAnchor(std::string_view text);
// The same over `tokens`, which must be TokenizeText(text).
std::optional<PartialDate> InferAnchor(std::string_view text, const std::vector<TextToken>& tokens);

}  // namespace claimcheck
