// Number mentions in Vietnamese and English news text: digits with either
// separator convention ("10.000", "1,5", "1,500", "1.5"), scale words
// ("1,5 triệu", "2 million", "1.5bn"), number words ("hai mươi mốt",
// "ba nghìn", "twenty-one"), percentages, ranges and vague amounts
// ("hàng nghìn", "hundreds of"). Pure functions over NFC UTF-8; no I/O.
// The claim extractor decides which mentions are claims; this file only reads
// the numbers and refuses date-like and code-like tokens ("10/01/2026",
// "11:08", "U23", "Chonma-2"). The small tokenizer is shared with date_parser.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

struct NumberMention {
  size_t begin = 0, end = 0;   // byte span of `text` in the input
  double value = 0;            // scaled: "1,5 triệu" -> 1500000; for a range or vague amount, the low end
  std::optional<double> high;  // ranges ("10-12 nghìn" -> 12000) and vague amounts (upper bound, exclusive)
  bool percent = false;        // "20%", "20 phần trăm", "20 percent": value/high are fractions (0.2)
  bool vague = false;          // "hàng nghìn" -> [1000, 10000), "hundreds of" -> [100, 1000)
  bool words = false;          // written in words ("hai mươi", "one hundred")
  std::string text;            // the matched text, input[begin, end)

  // Canonical one-liner: value["-"high][" percent"][" range"|" vague"][" words"] "\"text\"",
  // e.g. `1500000 "1,5 triệu"`, `10000-12000 range "10.000-12.000"`, `0.2 percent "20%"`.
  std::string ToString() const;
};

// All number mentions of `text`, left to right, non-overlapping.
// Skipped on purpose: date and time tokens ("10/01/2026", "24/10", "8-13/10", "6/2024",
// "2024-06-19", "11:08", "11h30"), codes ("U23", "Chonma-2", "MiG-29", "3M22"), numbers
// that are date parts ("năm 2024", "tháng 6", "ngày 23", "quý 2", "June 19", "in 2024")
// and ordinals ("thứ 7", "thứ hai"). A lone "năm" is read as 5 only before a counted noun
// ("năm người"); a lone "một" is reported (value 1) except in "một số", "một cách".
// Digits glued to a unit give the number alone ("170mm" -> 170 spanning "170"); a glued
// "%" is part of the mention. "m" is never read as million (it is metres too often).
// Signs are ignored: "-5" reads as 5.
std::vector<NumberMention> FindNumbers(std::string_view text);

// The value of `text` when all of it (surrounding spaces aside) is one number
// expression: "10.000", "1,5 triệu", "hai mươi mốt", "một nửa", "ten", "1.5bn", "20%"
// (percent -> fraction), "10-12" (a range -> its low end). Unlike FindNumbers it reads
// a lone "năm" or "một" as a number. nullopt otherwise.
std::optional<double> ParseNumber(std::string_view text);

// True when the whitespace-delimited chunk around `pos` is a date, a time or a code
// rather than a number: "10/01/2026", "(9/11)", "8-13/10", "2024-06-19", "11:08",
// "U23", "Geran-2". `pos` is a byte offset inside the chunk.
bool LooksLikeDateOrCode(std::string_view text, size_t pos);

// ---- Low-level scanning, shared by the extract parsers ----

enum class TokenKind { kWord, kDigits, kPunct };

// TextToken::word_id before the token is looked up in a WordVocabulary, and
// when its word is not in the vocabulary.
constexpr int kWordNotLookedUp = -2;
constexpr int kUnknownWord = -1;

// TextToken::word_flags: what every WordVocabulary knows of a word for the
// parsers' per-token gates, so that a looked-up token needs no lookup there.
enum WordFlag : uint8_t {
  kNumberStartWord = 1,  // a number in words may start with it (NumberStartWords)
  kDateStartWord = 2,    // a date may start with it (DateStartWords, date_parser.h)
  kMonthNameWord = 4,    // an English month name (EnglishMonthNames): starts a date when capitalised
};

// One token of text. Words are maximal runs of letters (ASCII or non-ASCII letters),
// digits are maximal runs of ASCII digits, anything else is a one-code-point punct token.
// Whitespace separates tokens and is not a token.
struct TextToken {
  TokenKind kind = TokenKind::kPunct;
  size_t begin = 0, end = 0;  // byte span in the text
  std::string lower;          // lower-cased text (words), the text itself otherwise
  bool space_before = true;   // whitespace (or start of text) precedes this token
  bool upper_initial = false; // a word starting with an upper-case letter
  bool no_lower_ascii = false; // a word with no ASCII letter in lower case ("US", "DPRK", "Mỹ" is not)
  bool line_start = true;     // a newline (or start of text) precedes this token
  int word_id = kWordNotLookedUp;  // id of `lower` in a WordVocabulary (word_vocabulary.h)
  uint8_t word_flags = 0;          // WordFlag bits of `lower`; set with word_id
};

// The words a number in words may start with: the first words the readers of
// FindNumbers accept. Their first-word gate is this list (or, for a token with
// a word_id, its kNumberStartWord flag).
std::vector<std::string> NumberStartWords();

// Tokens of NFC UTF-8 `text`. REQUIRES: valid UTF-8.
std::vector<TextToken> TokenizeText(std::string_view text);

// FindNumbers over `tokens`, which must be TokenizeText(text) (so a caller
// that already tokenised the text does not tokenise it again).
std::vector<NumberMention> FindNumbers(std::string_view text, const std::vector<TextToken>& tokens);

}  // namespace claimcheck
