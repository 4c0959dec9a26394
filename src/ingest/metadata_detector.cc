#include "ingest/metadata_detector.h"

#include <cstdio>
#include <optional>

#include "base/strings.h"
#include "base/unicode.h"

namespace claimcheck {
namespace {

constexpr int kHeadLines = 15;
constexpr size_t kTailLines = 5;
constexpr size_t kMaxSourceLineBytes = 120;
constexpr size_t kMaxOutletBytes = 60;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Number of consecutive digits at s[pos...].
size_t DigitRun(std::string_view s, size_t pos) {
  size_t n = 0;
  while (pos + n < s.size() && IsDigit(s[pos + n])) ++n;
  return n;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

std::optional<std::string> FormatDate(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// True when `s` opens with a clock time "H:MM" (optionally after blanks).
bool StartsWithTime(std::string_view s) {
  s = Trim(s);
  size_t h = DigitRun(s, 0);
  return h >= 1 && h <= 2 && h < s.size() && s[h] == ':' && DigitRun(s, h + 1) == 2;
}

bool IsWeekday(std::string_view prefix) {
  std::string lower = ToLowerUtf8(prefix);
  static const char* const kWeekdays[] = {"thứ ", "chủ nhật", "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday", "sunday"};
  for (const char* w : kWeekdays) {
    if (StartsWith(lower, w)) return true;
  }
  return false;
}

// A date found in a line: [begin, end) bytes and its canonical form.
struct DateMatch {
  size_t begin = 0;
  size_t end = 0;
  std::string date;
};

// d{1,2}/d{1,2}/d{4} (or with '-' / '.') or YYYY-MM-DD starting at `pos`.
std::optional<DateMatch> DateAt(std::string_view line, size_t pos) {
  if (pos > 0 && IsDigit(line[pos - 1])) return std::nullopt;
  size_t a = DigitRun(line, pos);
  if (a == 4 && pos + 4 < line.size() && line[pos + 4] == '-') {  // ISO.
    size_t m = pos + 5;
    if (DigitRun(line, m) != 2 || m + 2 >= line.size() || line[m + 2] != '-') return std::nullopt;
    size_t d = m + 3;
    if (DigitRun(line, d) != 2) return std::nullopt;
    auto date = FormatDate(ToInt(line.substr(pos, 4)), ToInt(line.substr(m, 2)),
                           ToInt(line.substr(d, 2)));
    if (!date) return std::nullopt;
    return DateMatch{pos, d + 2, *date};
  }
  if (a < 1 || a > 2 || pos + a >= line.size()) return std::nullopt;
  char sep = line[pos + a];
  if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
  size_t m = pos + a + 1;
  size_t b = DigitRun(line, m);
  if (b < 1 || b > 2 || m + b >= line.size() || line[m + b] != sep) return std::nullopt;
  size_t y = m + b + 1;
  if (DigitRun(line, y) != 4) return std::nullopt;
  auto date = FormatDate(ToInt(line.substr(y, 4)), ToInt(line.substr(m, b)),
                         ToInt(line.substr(pos, a)));
  if (!date) return std::nullopt;
  return DateMatch{pos, y + 4, *date};
}

// A dateline's date: a date followed by a time, or a date alone on its line after an
// optional weekday.
std::optional<std::string> DatelineIn(std::string_view line) {
  for (size_t pos = 0; pos < line.size(); ++pos) {
    if (!IsDigit(line[pos])) continue;
    std::optional<DateMatch> match = DateAt(line, pos);
    if (!match) continue;
    std::string_view after = line.substr(match->end);
    if (!after.empty() && (after[0] == ' ' || after[0] == 'T') && StartsWithTime(after.substr(1))) {
      return match->date;
    }
    std::string_view before = Trim(line.substr(0, match->begin));
    while (!before.empty() && (before.back() == ',' || before.back() == '-' ||
                               before.back() == '|')) {
      before = Trim(before.substr(0, before.size() - 1));
    }
    if (Trim(after).empty() && (before.empty() || IsWeekday(before))) return match->date;
  }
  return std::nullopt;
}

// The rest of `line` after `prefix` (ignoring case), or nullopt. A prefix not ending
// in ':' must be followed by a blank.
std::optional<std::string_view> AfterPrefix(std::string_view line, std::string_view prefix) {
  if (prefix.empty() || line.size() < prefix.size()) return std::nullopt;
  if (ToLowerUtf8(line.substr(0, prefix.size())) != ToLowerUtf8(prefix)) return std::nullopt;
  std::string_view rest = line.substr(prefix.size());
  if (prefix.back() != ':' && (rest.empty() || (rest[0] != ' ' && rest[0] != '\t'))) {
    return std::nullopt;
  }
  return Trim(rest);
}

// A plausible outlet name: short, a few words, no sentence punctuation inside.
std::string CleanOutlet(std::string_view name) {
  name = Trim(name);
  while (!name.empty() && (name.back() == '.' || name.back() == ')')) {
    name = Trim(name.substr(0, name.size() - 1));
  }
  if (name.empty() || name.size() > kMaxOutletBytes) return "";
  if (name.find_first_of(",;\"") != std::string_view::npos) return "";
  if (Split(name, ' ').size() > 6) return "";
  return std::string(name);
}

std::string SourceLineOutlet(std::string_view line, const std::vector<std::string>& prefixes) {
  if (line.size() > kMaxSourceLineBytes) return "";
  if (line.back() == ')') {
    size_t open = line.rfind('(');
    if (open != std::string_view::npos) {
      std::string_view inner = Trim(line.substr(open + 1, line.size() - open - 2));
      for (const std::string& p : prefixes) {
        if (auto rest = AfterPrefix(inner, p)) return CleanOutlet(*rest);
      }
    }
  }
  for (const std::string& p : prefixes) {
    if (auto rest = AfterPrefix(line, p)) return CleanOutlet(*rest);
  }
  return "";
}

// "(VTC News) -" opening a line: the name in the parentheses.
std::string LeadOutlet(std::string_view line) {
  if (line.empty() || line[0] != '(') return "";
  size_t close = line.find(')');
  if (close == std::string_view::npos) return "";
  std::string_view name = Trim(line.substr(1, close - 1));
  std::string_view after = Trim(line.substr(close + 1));
  bool dash = StartsWith(after, "-") || StartsWith(after, "\xE2\x80\x93") ||  // en dash
              StartsWith(after, "\xE2\x80\x94");                              // em dash
  if (!dash || name.size() > 40 || name.find(':') != std::string_view::npos) return "";
  return CleanOutlet(name);
}

// Decodes the code point at s[*i] (valid UTF-8) and advances *i.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = s[*i];
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= extra && *i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += 1 + extra;
  return cp;
}

bool IsVietnameseLetter(char32_t cp) {
  char32_t lower = (cp >= 0xC0 && cp <= 0xDE) ? cp + 0x20 : cp;
  switch (lower) {
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE8: case 0xE9: case 0xEA:
    case 0xEC: case 0xED: case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF9:
    case 0xFA: case 0xFD:
      return true;
    default:
      break;
  }
  if (cp == 0x102 || cp == 0x103 || cp == 0x110 || cp == 0x111 || cp == 0x128 || cp == 0x129 ||
      cp == 0x168 || cp == 0x169 || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0) {
    return true;
  }
  return cp >= 0x1EA0 && cp <= 0x1EF9;
}

// ASCII letters and, roughly, any non-ASCII letter: code points from U+00C0 up, except
// the multiplication/division signs and the punctuation and symbol blocks.
bool HasLetter(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    char32_t cp = NextCodePoint(word, &i);
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) continue;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F)) continue;
    return true;
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

}  // namespace

std::string TakeDateToken(std::string* text) {
  std::string_view s = *text;
  size_t pos = s.find_first_not_of(" \t");
  if (pos == std::string_view::npos || s.substr(pos, 5) != "date ") return "";
  pos = s.find_first_not_of(" \t", pos + 5);
  if (pos == std::string_view::npos || DigitRun(s, pos) != 4) return "";
  size_t end = pos + 4;
  if (end >= s.size() || s[end] != '-' || DigitRun(s, end + 1) != 2) return "";
  end += 3;
  if (end < s.size() && s[end] == '-' && DigitRun(s, end + 1) == 2) end += 3;
  if (end < s.size() && s[end] != ' ' && s[end] != '\t' && s[end] != '\n') return "";
  std::string date(s.substr(pos, end - pos));
  int month = ToInt(date.substr(5, 2));
  int day = date.size() == 10 ? ToInt(date.substr(8, 2)) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  size_t rest = s.find_first_not_of(" \t", end);
  text->erase(0, rest == std::string_view::npos ? s.size() : rest);
  return date;
}

std::string DetectDateline(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  for (size_t i = 0; i < lines.size() && i < static_cast<size_t>(kHeadLines); ++i) {
    if (std::optional<std::string> date = DatelineIn(lines[i])) return *date;
  }
  return "";
}

std::string DetectOutlet(std::string_view text, const std::vector<std::string>& prefixes) {
  std::vector<std::string_view> lines;
  for (std::string_view line : Lines(text)) {
    line = Trim(line);
    if (!line.empty()) lines.push_back(line);
  }
  for (size_t k = 0; k < kTailLines && k < lines.size(); ++k) {
    std::string outlet = SourceLineOutlet(lines[lines.size() - 1 - k], prefixes);
    if (!outlet.empty()) return outlet;
  }
  for (size_t i = 0; i < lines.size() && i < static_cast<size_t>(kHeadLines); ++i) {
    std::string outlet = LeadOutlet(lines[i]);
    if (!outlet.empty()) return outlet;
  }
  return "";
}

std::string DetectLanguage(std::string_view text) {
  int words = 0;
  int vietnamese = 0;
  for (std::string_view word : Words(text)) {
    if (!HasLetter(word)) continue;
    ++words;
    for (size_t i = 0; i < word.size();) {
      if (IsVietnameseLetter(NextCodePoint(word, &i))) {
        ++vietnamese;
        break;
      }
    }
  }
  if (words == 0) return "";
  return vietnamese * 100 >= words * 25 ? "vi" : "en";
}

std::string DetectTitle(std::string_view text) {
  for (std::string_view line : Lines(text)) {
    line = Trim(line);
    if (line.empty()) continue;
    if (line.size() >= 200 || line.back() == '.') return "";
    int lettered = 0;
    for (std::string_view word : Words(line)) lettered += HasLetter(word) ? 1 : 0;
    return lettered >= 2 ? std::string(line) : "";
  }
  return "";
}

std::string CanonicalDate(std::string_view value) {
  value = Trim(value);
  auto digits = [&](size_t pos, size_t n) { return DigitRun(value, pos) >= n; };
  if (value.size() < 4 || !digits(0, 4) || (value.size() > 4 && value[4] != '-')) return "";
  if (value.size() == 4) return std::string(value);
  if (value.size() < 7 || DigitRun(value, 5) != 2) return "";
  int month = ToInt(value.substr(5, 2));
  if (month < 1 || month > 12) return "";
  if (value.size() == 7) return std::string(value);
  if (value[7] != '-' || value.size() < 10 || DigitRun(value, 8) != 2) return "";
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return "";
  auto date = FormatDate(ToInt(value.substr(0, 4)), month, ToInt(value.substr(8, 2)));
  return date ? *date : "";
}

}  // namespace claimcheck
