// Guessing an article's metadata from its text when no manifest or feed gives it:
// publication date, outlet, language and title. Pure functions over NFC text with
// LF line ends (the output of the clean-up steps); each returns "" when unsure, since
// a missing value is better than a wrong one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

// A leading " date 2025-10-24" / "date 2024-11" token (optional leading blanks, the
// word "date", a YYYY-MM-DD or YYYY-MM date, then a blank or the end): removes it and
// the blanks after it from `*text` and returns the date as written; else returns ""
// and leaves `*text` alone.
std::string TakeDateToken(std::string* text);

// The date of a dateline among the first 15 lines: "Thứ 7, 10/01/2026 11:08",
// "Thứ Ba, 12/11/2024 06:53:54 +07:00", "13/01/2025 14:25", "2024-11-12 06:53", or a line
// holding only a (weekday and) date such as "Chủ nhật, 5/1/2025". Returns YYYY-MM-DD, or
// "" when there is none. A date without a year ("24/10") or a date in running text
// ("vào ngày 11/11/2024.") does not count.
std::string DetectDateline(std::string_view text);

// The outlet named by a source line: among the last 5 non-empty lines, "Nguồn: VnExpress"
// (a line starting with a prefix) or "Quang Hưng (Theo Military Watch)" (a short line
// ending with a parenthesised prefix and name), the last such line winning; else, among
// the first 15 lines, a line opening with "(VTC News) -". Prefixes come from
// IngestOptions::source_prefixes and match ignoring case. Returns "" when none.
std::string DetectOutlet(std::string_view text, const std::vector<std::string>& prefixes);

// "vi" when at least 25% of the words carry a Vietnamese letter (ă â đ ê ô ơ ư ĩ ũ or a
// tone-marked vowel), "en" otherwise, "" for a text without words.
std::string DetectLanguage(std::string_view text);

// The first non-empty line (trimmed) when it is shorter than 200 bytes, has at least two
// words with letters, and does not end with a period; else "".
std::string DetectTitle(std::string_view text);

// A metadata date in canonical form: "YYYY", "YYYY-MM", "YYYY-MM-DD" pass through, an ISO
// timestamp ("2024-11-12T06:53:54+07:00") is cut to its date; anything else gives "".
std::string CanonicalDate(std::string_view value);

}  // namespace claimcheck
