#include "extract/date_parser.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/word_table.h"

#include "extract/number_parser.h"

namespace claimcheck {

// ---------------------------------------------------------------- calendar

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && (y == 0 || IsLeap(y)) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

PartialDate Day(int y, int m, int d) {
  PartialDate p;
  p.year = y, p.month = m, p.day = d, p.granularity = DateGranularity::kDay;
  return p;
}
PartialDate Month(int y, int m) {
  PartialDate p;
  p.year = y, p.month = m, p.granularity = DateGranularity::kMonth;
  return p;
}
PartialDate Quarter(int y, int q) {
  PartialDate p;
  p.year = y, p.quarter = q, p.granularity = DateGranularity::kQuarter;
  return p;
}
PartialDate Year(int y) {
  PartialDate p;
  p.year = y;
  return p;
}

bool HasMonth(const PartialDate& p) {
  return p.granularity == DateGranularity::kMonth || p.granularity == DateGranularity::kDay;
}

// The month to compare a date with: a quarter counts as its first month.
int StartMonth(const PartialDate& p) {
  if (p.granularity == DateGranularity::kQuarter) return (p.quarter - 1) * 3 + 1;
  return p.month;
}

}  // namespace

std::string PartialDate::ToString() const {
  char buf[32];
  switch (granularity) {
    case DateGranularity::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
    case DateGranularity::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", year, quarter);
      break;
    case DateGranularity::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case DateGranularity::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buf;
}

std::string DateMention::ToString() const {
  std::string s = date.ToString();
  if (relative) s += " rel";
  if (year_inferred) s += " inferred";
  return s + " \"" + text + "\"";
}

std::optional<PartialDate> ParseIsoDate(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t k = pos; k < pos + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      v = v * 10 + (s[k] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || y == 0) return std::nullopt;
  if (s.size() == 4) return Year(y);
  if (s.size() == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4')
    return Quarter(y, s[6] - '0');
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2, &m) || m < 1 || m > 12) return std::nullopt;
  if (s.size() == 7) return Month(y, m);
  if (s.size() != 10 || s[7] != '-' || !digits(8, 2, &d)) return std::nullopt;
  if (d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return Day(y, m, d);
}

// ---------------------------------------------------------------- scanner

namespace {

using Tokens = std::vector<TextToken>;

// What a matcher read, before resolution against the context.
struct RawDate {
  size_t b = 0, e = 0;  // token span
  DateGranularity g = DateGranularity::kYear;
  int year = 0;  // written year; 0 when not written
  int month = 0, day = 0, quarter = 0;
  // Relative forms.
  enum class Rel { kNone, kYearOffset, kMonthOffset, kDayOffset, kLastMonthName };
  Rel rel = Rel::kNone;
  int offset = 0;             // years, months or days
  bool forward = false;       // "by December", "next May": a year-less date after publication
  bool month_result = false;  // a day offset reported at month granularity ("tuần trước")
};

bool IsWordT(const Tokens& t, size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == TokenKind::kWord && t[i].lower == w;
}
bool IsPunctT(const Tokens& t, size_t i, std::string_view p) {
  return i < t.size() && t[i].kind == TokenKind::kPunct && t[i].lower == p;
}
bool IsDashT(const Tokens& t, size_t i) {
  return IsPunctT(t, i, "-") || IsPunctT(t, i, "\u2013");
}
bool IsDigitsT(const Tokens& t, size_t i) { return i < t.size() && t[i].kind == TokenKind::kDigits; }
bool GluedT(const Tokens& t, size_t i) { return i < t.size() && !t[i].space_before; }
int Value(const TextToken& t) { return t.lower.size() > 6 ? 0 : std::atoi(t.lower.c_str()); }
bool IsYear(const Tokens& t, size_t i) {
  if (!IsDigitsT(t, i) || t[i].lower.size() != 4) return false;
  int y = Value(t[i]);
  return y >= 1900 && y <= 2100;
}
// A plain year token not followed by a decimal/thousands group ("2.024").
bool IsPlainYear(const Tokens& t, size_t i) {
  return IsYear(t, i) && !(GluedT(t, i + 1) && (IsPunctT(t, i + 1, ".") || IsPunctT(t, i + 1, ",")) &&
                           IsDigitsT(t, i + 2) && GluedT(t, i + 2));
}

// English month names with their numbers.
const WordTable<int>& EnglishMonths() {
  static const auto* m = new WordTable<int>{
      {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
      {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},      {"mar", 3},
      {"apr", 4},     {"jun", 6},      {"jul", 7},       {"aug", 8},      {"sep", 9},
      {"sept", 9},    {"oct", 10},     {"nov", 11},      {"dec", 12}};
  return *m;
}

int EnglishMonth(const TextToken& t) {
  if (t.kind != TokenKind::kWord || !t.upper_initial) return 0;
  return EnglishMonths().ValueOr(t.lower, 0);
}

// Words that may precede a year-less "d/m" and are part of the date expression.
bool IsDayPrefixWord(std::string_view w) {
  static const auto* s = new WordSet{
      "ngày", "hôm", "mùng", "mồng", "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng"};
  return s->Contains(w);
}
// Words that may precede a year-less "d/m" but stay outside the expression.
bool IsDayContextWord(std::string_view w) {
  static const auto* s = new WordSet{
      "vào", "từ", "đến", "tới", "trước", "sau", "hồi", "lúc", "on", "since", "until", "by"};
  return s->Contains(w);
}
bool IsPeriodPrefixWord(std::string_view w) { return w == "cuối" || w == "đầu" || w == "giữa"; }
bool IsEnglishMonthContext(std::string_view w) {
  static const auto* s = new WordSet{
      "in", "since", "until", "till", "by", "last", "this", "next", "early", "late", "mid", "of",
      "during", "from", "to", "before", "after", "through", "between", "and", "or"};
  return s->Contains(w);
}
// A number right before a period word makes it a duration ("80 năm", "hai tuần qua").
bool IsCountBefore(const Tokens& t, size_t i) {
  if (i == 0) return false;
  const TextToken& p = t[i - 1];
  if (p.kind == TokenKind::kDigits) return true;
  static const auto* s = new WordSet{
      "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "trăm",
      "nghìn", "vài", "mấy", "nhiều", "những", "các", "hàng", "mỗi", "chục"};
  return p.kind == TokenKind::kWord && s->Contains(p.lower);
}

// "năm 2024", "năm ngoái", "/2024", "-2024" after a month or quarter: sets r's year
// fields and returns the new end, or `j` when nothing follows.
size_t ReadYearSuffix(const Tokens& t, size_t j, RawDate* r) {
  bool sep = IsPunctT(t, j, "/") || IsDashT(t, j) || IsPunctT(t, j, ".");  // "6/2024", "6-2024", "6.2024"
  bool glued_after = GluedT(t, j + 2) && t[j + 2].kind != TokenKind::kPunct;
  if (sep && GluedT(t, j) && GluedT(t, j + 1) && IsYear(t, j + 1) && !glued_after) {
    r->year = Value(t[j + 1]);
    return j + 2;
  }
  if (IsWordT(t, j, "năm")) {
    if (IsPlainYear(t, j + 1)) {
      r->year = Value(t[j + 1]);
      return j + 2;
    }
    static const auto* offsets = new std::unordered_map<std::string, int>{
        {"ngoái", -1}, {"trước", -1}, {"nay", 0}, {"sau", 1}, {"tới", 1}};
    if (j + 1 < t.size() && t[j + 1].kind == TokenKind::kWord && offsets->count(t[j + 1].lower)) {
      r->rel = RawDate::Rel::kYearOffset;
      r->offset = offsets->at(t[j + 1].lower);
      return j + 2;
    }
  }
  if (IsPunctT(t, j, ",") && IsPlainYear(t, j + 1)) {
    r->year = Value(t[j + 1]);
    return j + 2;
  }
  // English: "December last year", "June this year".
  if ((IsWordT(t, j, "last") || IsWordT(t, j, "this") || IsWordT(t, j, "next")) && IsWordT(t, j + 1, "year")) {
    r->rel = RawDate::Rel::kYearOffset;
    r->offset = t[j].lower == "last" ? -1 : t[j].lower == "this" ? 0 : 1;
    return j + 2;
  }
  if (IsPlainYear(t, j) && !GluedT(t, j)) {  // "June 2024"
    r->year = Value(t[j]);
    return j + 1;
  }
  return j;
}

// Whether a date can start at token `t`: digits, or a first word one of the
// matchers of DateScanner accepts (MatchRelativeWords, MatchThang, MatchQuy,
// MatchNam, MatchEnglishRelative, MatchEnglishMonth). Keep in step with them:
// the scanner tries no matcher at any other token, which spares it most words.
bool MayStartDate(const TextToken& t) {
  if (t.kind == TokenKind::kDigits) return true;
  if (t.kind != TokenKind::kWord) return false;
  if (t.word_id != kWordNotLookedUp) {  // the vocabulary flagged its word: no lookup
    return (t.word_flags & kDateStartWord) || ((t.word_flags & kMonthNameWord) && t.upper_initial);
  }
  static const auto* first_words = new WordSet(DateStartWords());
  return first_words->Contains(t.lower) || EnglishMonth(t) != 0;
}

class DateScanner {
 public:
  DateScanner(std::string_view text, const Tokens& tokens) : text_(text), t_(tokens) {}

  std::vector<RawDate> Run() {
    std::vector<RawDate> out;
    size_t consumed = 0;
    for (size_t i = 0; i < t_.size();) {
      RawDate r;
      if (Match(i, consumed, &r)) {
        out.push_back(r);
        consumed = i = r.e;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool Match(size_t i, size_t consumed, RawDate* r) {
    using Matcher = bool (DateScanner::*)(size_t, RawDate*);
    static constexpr Matcher kMatchers[] = {
        &DateScanner::MatchRelativeWords, &DateScanner::MatchNumeric,
        &DateScanner::MatchThang,         &DateScanner::MatchQuy,
        &DateScanner::MatchNam,           &DateScanner::MatchEnglishMonth,
        &DateScanner::MatchEnglishDayMonth, &DateScanner::MatchEnglishRelative,
        &DateScanner::MatchBareYear};
    if (!MayStartDate(t_[i])) return false;
    bool ok = false;
    consumed_ = consumed;
    for (Matcher m : kMatchers) {
      *r = RawDate();  // each matcher starts afresh
      r->b = i;
      if ((this->*m)(i, r)) {
        ok = true;
        break;
      }
    }
    if (!ok) return false;
    // "cuối tháng 4", "đầu năm nay", "giữa quý 2"
    if (r->b == i && i > consumed && t_[i - 1].kind == TokenKind::kWord &&
        IsPeriodPrefixWord(t_[i - 1].lower) &&
        (t_[i].lower == "tháng" || t_[i].lower == "năm" || t_[i].lower == "quý"))
      r->b = i - 1;
    return true;
  }

  // "hôm qua", "hôm nay", "sáng nay", "tối qua", "tuần trước", "ngày mai".
  bool MatchRelativeWords(size_t i, RawDate* r) {
    if (t_[i].kind != TokenKind::kWord || i + 1 >= t_.size()) return false;
    std::string_view w = t_[i].lower;
    std::string_view n = t_[i + 1].lower;
    bool day_word = w == "hôm" || w == "sáng" || w == "trưa" || w == "chiều" || w == "tối" ||
                    w == "đêm" || w == "khuya";
    if (day_word && (n == "qua" || n == "nay" || (w == "hôm" && n == "kia"))) {
      r->offset = n == "qua" ? -1 : n == "nay" ? 0 : -2;
    } else if (w == "ngày" && n == "mai") {
      r->offset = 1;
    } else if (w == "tuần" && !IsCountBefore(t_, i) &&
               (n == "trước" || n == "qua" || n == "này" || n == "sau" || n == "tới")) {
      r->offset = n == "trước" || n == "qua" ? -7 : n == "này" ? 0 : 7;
      r->month_result = true;
    } else {
      return false;
    }
    r->e = i + 2;
    // An explicit date right after wins: "hôm qua (9/11)", "tối qua 9/11".
    size_t k = IsPunctT(t_, r->e, "(") ? r->e + 1 : r->e;
    if (IsDigitsT(t_, k) && IsPunctT(t_, k + 1, "/") && IsDigitsT(t_, k + 2)) return false;
    if (i > 0 && IsWordT(t_, i - 1, "rạng") && w == "sáng") r->b = i - 1;
    r->rel = RawDate::Rel::kDayOffset;
    r->g = DateGranularity::kDay;
    return true;
  }

  // "19/6/2024", "23/10", "6/2024", "8-13/10", "2024-06-19", "ngày 23 tháng 10 năm 2024".
  bool MatchNumeric(size_t i, RawDate* r) {
    size_t consumed = consumed_;
    if (!IsDigitsT(t_, i)) return false;
    if (i > 0 && GluedT(t_, i)) {
      const TextToken& p = t_[i - 1];
      bool open = p.kind == TokenKind::kPunct && (p.lower == "(" || p.lower == "[" ||
                                                  p.lower == "\"" || p.lower == "\u201c");
      if (!open) return false;  // inside a code or number: "U23", "1.500"
    }
    size_t prefix = i;  // first token of the expression
    while (prefix > consumed && t_[prefix - 1].kind == TokenKind::kWord &&
           IsDayPrefixWord(t_[prefix - 1].lower) && i - prefix < 2)
      --prefix;
    bool context = prefix < i || (i > 0 && (IsPunctT(t_, i - 1, "(") || IsPunctT(t_, i - 1, ",") ||
                                            (t_[i - 1].kind == TokenKind::kWord &&
                                             IsDayContextWord(t_[i - 1].lower))));
    RawDate fresh = *r;
    if (MatchIso(i, r)) return true;
    *r = fresh;
    if (MatchSlash(i, context, /*dots=*/prefix < i, r)) {
      r->b = prefix;
      return true;
    }
    *r = fresh;
    if (prefix < i && MatchDayThang(i, r)) {
      r->b = prefix;
      return true;
    }
    return false;
  }

  bool MatchIso(size_t i, RawDate* r) {
    if (!IsYear(t_, i) || !IsDashT(t_, i + 1) || !GluedT(t_, i + 1) || !GluedT(t_, i + 2) ||
        !IsDigitsT(t_, i + 2) || t_[i + 2].lower.size() != 2)
      return false;
    int m = Value(t_[i + 2]);
    if (m < 1 || m > 12) return false;
    r->year = Value(t_[i]);
    r->month = m;
    r->g = DateGranularity::kMonth;
    r->e = i + 3;
    if (IsDashT(t_, i + 3) && GluedT(t_, i + 3) && GluedT(t_, i + 4) && IsDigitsT(t_, i + 4) &&
        t_[i + 4].lower.size() == 2) {
      int d = Value(t_[i + 4]);
      if (d < 1 || d > DaysInMonth(r->year, m)) return false;
      r->day = d;
      r->g = DateGranularity::kDay;
      r->e = i + 5;
    }
    return true;
  }

  // d/m/yyyy, d/m, m/yyyy, d1-d2/m[/yyyy]. Tokens must be glued together.
  // With a date word before it ("ngày 19.6.2024", "hôm 9.11") a dot separates too.
  bool MatchSlash(size_t i, bool context, bool dots, RawDate* r) {
    auto is_sep = [&](size_t k) { return IsPunctT(t_, k, "/") || (dots && IsPunctT(t_, k, ".")); };
    if (!is_sep(i + 1) && !IsDashT(t_, i + 1)) return false;  // one part only (the loop below would say so)
    std::vector<int> parts{Value(t_[i])};
    std::vector<size_t> lens{t_[i].lower.size()};
    size_t k = i + 1;
    bool range = false;
    if (IsDashT(t_, k) && GluedT(t_, k) && GluedT(t_, k + 1) && IsDigitsT(t_, k + 1) &&
        is_sep(k + 2)) {
      range = true;  // "8-13/10": keep the second day
      parts[0] = Value(t_[k + 1]);
      lens[0] = t_[k + 1].lower.size();
      k += 2;
    }
    while (is_sep(k) && GluedT(t_, k) && GluedT(t_, k + 1) && IsDigitsT(t_, k + 1) &&
           parts.size() < 3) {
      parts.push_back(Value(t_[k + 1]));
      lens.push_back(t_[k + 1].lower.size());
      k += 2;
    }
    if (parts.size() < 2 || lens[0] > 2) return false;
    // "24/7h", "1/2/3/4"; a sentence's final period after the date is fine.
    bool sep_continues = is_sep(k) && GluedT(t_, k + 1) && IsDigitsT(t_, k + 1);
    if (GluedT(t_, k) && (IsDigitsT(t_, k) || t_[k].kind == TokenKind::kWord || sep_continues ||
                          IsPunctT(t_, k, ":")))
      return false;
    r->e = k;
    if (parts.size() == 2 && lens[1] == 4) {  // m/yyyy
      if (range || parts[0] < 1 || parts[0] > 12 || !IsYear(t_, k - 1)) return false;
      r->year = parts[1], r->month = parts[0], r->g = DateGranularity::kMonth;
      return true;
    }
    if (lens[1] > 2 || (parts.size() == 3 && (lens[2] != 4 || !IsYear(t_, k - 1)))) return false;
    int d = parts[0], m = parts[1];
    if (m > 12 && d <= 12 && !range) std::swap(d, m);  // "6/19/2024" written month first
    if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(parts.size() == 3 ? parts[2] : 0, m)) return false;
    if (parts.size() == 2 && !context) return false;
    r->year = parts.size() == 3 ? parts[2] : 0;
    r->month = m;
    r->day = d;
    r->g = range ? DateGranularity::kMonth : DateGranularity::kDay;
    if (range) r->day = 0;
    return true;
  }

  // "ngày 23 tháng 10 [năm 2024]" (the caller checked the "ngày" prefix).
  bool MatchDayThang(size_t i, RawDate* r) {
    if (!IsWordT(t_, i + 1, "tháng") || !IsDigitsT(t_, i + 2)) return false;
    int d = Value(t_[i]), m = Value(t_[i + 2]);
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    r->day = d, r->month = m, r->g = DateGranularity::kDay;
    r->e = ReadYearSuffix(t_, i + 3, r);
    if (r->year && d > DaysInMonth(r->year, m)) return false;
    return true;
  }

  // "tháng 6/2024", "tháng 6 năm 2024", "tháng 10 năm ngoái", "tháng 5", "tháng trước".
  bool MatchThang(size_t i, RawDate* r) {
    if (!IsWordT(t_, i, "tháng") || IsCountBefore(t_, i)) return false;
    if (i + 1 < t_.size() && t_[i + 1].kind == TokenKind::kWord) {
      std::string_view n = t_[i + 1].lower;
      if (n != "trước" && n != "này" && n != "sau" && n != "tới") return false;
      r->rel = RawDate::Rel::kMonthOffset;
      r->offset = n == "trước" ? -1 : n == "này" ? 0 : 1;
      r->g = DateGranularity::kMonth;
      r->e = i + 2;
      return true;
    }
    if (!IsDigitsT(t_, i + 1) || t_[i + 1].lower.size() > 2) return false;
    int m = Value(t_[i + 1]);
    if (m < 1 || m > 12) return false;
    // "tháng 8-13/10" or "tháng 6/2024" glued forms other than a year are not ours.
    r->month = m;
    r->g = DateGranularity::kMonth;
    r->e = ReadYearSuffix(t_, i + 2, r);
    if (r->e == i + 2 && GluedT(t_, i + 2) && (IsPunctT(t_, i + 2, "/") || IsDigitsT(t_, i + 2)))
      return false;
    return true;
  }

  // "quý II năm 2025", "quý 2/2025", "quý 3".
  bool MatchQuy(size_t i, RawDate* r) {
    if (!IsWordT(t_, i, "quý") || i + 1 >= t_.size()) return false;
    static const auto* roman = new std::unordered_map<std::string, int>{
        {"i", 1}, {"ii", 2}, {"iii", 3}, {"iv", 4}};
    const TextToken& n = t_[i + 1];
    int q = 0;
    if (n.kind == TokenKind::kDigits && n.lower.size() == 1) q = Value(n);
    if (n.kind == TokenKind::kWord && roman->count(n.lower)) q = roman->at(n.lower);
    if (q < 1 || q > 4) return false;
    r->quarter = q;
    r->g = DateGranularity::kQuarter;
    r->e = ReadYearSuffix(t_, i + 2, r);
    return true;
  }

  // "năm 2024", "năm ngoái", "năm nay", "năm sau".
  bool MatchNam(size_t i, RawDate* r) {
    if (!IsWordT(t_, i, "năm") || IsCountBefore(t_, i)) return false;
    if (i > 0 && (IsWordT(t_, i - 1, "thập") || IsWordT(t_, i - 1, "những"))) return false;
    size_t e = ReadYearSuffix(t_, i, r);
    if (e == i) return false;
    r->e = e;
    r->g = DateGranularity::kYear;
    return true;
  }

  // "June 19, 2024", "June 2024", "April 28", "last August", "December last year", "in May".
  bool MatchEnglishMonth(size_t i, RawDate* r) {
    int m = EnglishMonth(t_[i]);
    if (!m) return false;
    size_t j = i + 1;
    if (IsPunctT(t_, j, ".") && GluedT(t_, j) && t_[i].lower.size() <= 4) ++j;  // "Sept."
    r->month = m;
    r->g = DateGranularity::kMonth;
    if (IsDigitsT(t_, j) && t_[j].lower.size() <= 2 && !IsPlainYear(t_, j)) {
      int d = Value(t_[j]);
      if (d < 1 || d > 31) return false;
      ++j;
      if (GluedT(t_, j) && t_[j].kind == TokenKind::kWord &&
          (t_[j].lower == "st" || t_[j].lower == "nd" || t_[j].lower == "rd" || t_[j].lower == "th"))
        ++j;
      r->day = d;
      r->g = DateGranularity::kDay;
      r->e = ReadYearSuffix(t_, j, r);
      return !r->year || d <= DaysInMonth(r->year, m);
    }
    r->e = ReadYearSuffix(t_, j, r);
    if (r->e != j) return true;
    std::string prev = i > 0 && t_[i - 1].kind == TokenKind::kWord ? t_[i - 1].lower : "";
    if (!IsEnglishMonthContext(prev)) return false;
    if (prev == "last") {
      r->b = i - 1;
      r->rel = RawDate::Rel::kLastMonthName;
    }
    if (prev == "early" || prev == "late" || prev == "mid" || prev == "next") r->b = i - 1;
    r->forward = prev == "by" || prev == "until" || prev == "till" || prev == "next";
    return true;
  }

  // "19 June 2024", "19 June".
  bool MatchEnglishDayMonth(size_t i, RawDate* r) {
    if (!IsDigitsT(t_, i) || t_[i].lower.size() > 2) return false;
    size_t j = i + 1;
    if (GluedT(t_, j) && j < t_.size() && t_[j].kind == TokenKind::kWord &&
        (t_[j].lower == "st" || t_[j].lower == "nd" || t_[j].lower == "rd" || t_[j].lower == "th"))
      ++j;
    int m = j < t_.size() ? EnglishMonth(t_[j]) : 0;
    int d = Value(t_[i]);
    if (!m || d < 1 || d > 31) return false;
    r->day = d, r->month = m, r->g = DateGranularity::kDay;
    r->e = ReadYearSuffix(t_, j + 1, r);
    return !r->year || d <= DaysInMonth(r->year, m);
  }

  // "yesterday", "today", "last month", "this year", "last week".
  bool MatchEnglishRelative(size_t i, RawDate* r) {
    if (t_[i].kind != TokenKind::kWord) return false;
    std::string_view w = t_[i].lower;
    r->e = i + 1;
    if (w == "yesterday" || w == "today" || w == "tomorrow") {
      r->rel = RawDate::Rel::kDayOffset;
      r->offset = w == "yesterday" ? -1 : w == "today" ? 0 : 1;
      r->g = DateGranularity::kDay;
      return true;
    }
    if ((w != "last" && w != "this" && w != "next") || i + 1 >= t_.size()) return false;
    int sign = w == "last" ? -1 : w == "this" ? 0 : 1;
    std::string_view n = t_[i + 1].lower;
    r->e = i + 2;
    if (n == "year") {
      r->rel = RawDate::Rel::kYearOffset, r->offset = sign, r->g = DateGranularity::kYear;
    } else if (n == "month") {
      r->rel = RawDate::Rel::kMonthOffset, r->offset = sign, r->g = DateGranularity::kMonth;
    } else if (n == "week") {
      r->rel = RawDate::Rel::kDayOffset, r->offset = 7 * sign, r->month_result = true;
      r->g = DateGranularity::kDay;
    } else {
      return false;
    }
    return true;
  }

  // "in 2024", "since 2022", "by 2030".
  bool MatchBareYear(size_t i, RawDate* r) {
    if (!IsPlainYear(t_, i) || i == 0 || t_[i - 1].kind != TokenKind::kWord) return false;
    static const auto* s = new WordSet{
        "in", "since", "until", "till", "by", "during", "early", "late", "mid", "before", "after",
        "through", "from", "year"};
    if (!s->Contains(t_[i - 1].lower)) return false;
    if (GluedT(t_, i + 1) && t_[i + 1].kind != TokenKind::kPunct) return false;
    r->year = Value(t_[i]);
    r->g = DateGranularity::kYear;
    r->e = i + 1;
    return true;
  }

  std::string_view text_;
  const Tokens& t_;
  size_t consumed_ = 0;  // tokens before this index belong to earlier mentions
};

// Year for a year-less month/day/quarter. `key` is (month, day) of the mention.
std::optional<int> InferYear(const RawDate& r, const DateContext& ctx) {
  int m = r.g == DateGranularity::kQuarter ? (r.quarter - 1) * 3 + 1 : r.month;
  int m_last = r.g == DateGranularity::kQuarter ? m + 2 : m;
  if (ctx.published) {
    const PartialDate& p = *ctx.published;
    if (!HasMonth(p) && p.granularity != DateGranularity::kQuarter) return p.year;
    int pm = StartMonth(p);
    bool day_cmp = r.g == DateGranularity::kDay && p.granularity == DateGranularity::kDay;
    if (r.forward) {
      bool at_or_after = day_cmp ? std::tie(m, r.day) >= std::tie(pm, p.day) : m_last >= pm;
      return at_or_after ? p.year : p.year + 1;
    }
    bool not_after = day_cmp ? std::tie(m, r.day) <= std::tie(pm, p.day) : m <= pm;
    return not_after ? p.year : p.year - 1;
  }
  if (ctx.anchor) {
    const PartialDate& a = *ctx.anchor;
    if (!HasMonth(a) && a.granularity != DateGranularity::kQuarter) return a.year;
    int am = StartMonth(a);
    bool day_cmp = r.g == DateGranularity::kDay && a.granularity == DateGranularity::kDay;
    bool at_or_after = day_cmp ? std::tie(m, r.day) >= std::tie(am, a.day) : m_last >= am;
    return at_or_after ? a.year : a.year + 1;
  }
  return std::nullopt;
}

// Resolves a raw match; nullopt when the context cannot place it.
std::optional<PartialDate> Resolve(const RawDate& r, const DateContext& ctx, bool* relative,
                                   bool* year_inferred) {
  const std::optional<PartialDate>& p = ctx.published;
  *relative = r.rel != RawDate::Rel::kNone;
  *year_inferred = false;
  PartialDate out;
  out.granularity = r.g;
  out.month = r.month, out.day = r.day, out.quarter = r.quarter, out.year = r.year;
  switch (r.rel) {
    case RawDate::Rel::kNone:
      if (r.year) return out;
      {
        std::optional<int> y = InferYear(r, ctx);
        if (!y) return std::nullopt;
        out.year = *y;
      }
      *relative = *year_inferred = true;
      if (r.g == DateGranularity::kDay && out.day > DaysInMonth(out.year, out.month)) return std::nullopt;
      return out;
    case RawDate::Rel::kYearOffset:
      if (!p) return std::nullopt;
      out.year = p->year + r.offset;
      return out;
    case RawDate::Rel::kMonthOffset: {
      if (!p || !HasMonth(*p)) return std::nullopt;
      int idx = p->year * 12 + (p->month - 1) + r.offset;
      return Month(idx / 12, idx % 12 + 1);
    }
    case RawDate::Rel::kDayOffset: {
      if (!p || !HasMonth(*p)) return std::nullopt;
      if (p->granularity != DateGranularity::kDay) return Month(p->year, p->month);
      int y, m, d;
      CivilFromDays(DaysFromCivil(p->year, p->month, p->day) + r.offset, &y, &m, &d);
      return r.month_result ? Month(y, m) : Day(y, m, d);
    }
    case RawDate::Rel::kLastMonthName:
      if (!p || !HasMonth(*p)) return std::nullopt;
      return Month(r.month < p->month ? p->year : p->year - 1, r.month);
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> DateStartWords() {
  return {"hôm", "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "ngày", "tuần",  // MatchRelativeWords
          "tháng", "quý", "năm",                                                  // MatchThang, MatchQuy, MatchNam
          "yesterday", "today", "tomorrow", "last", "this", "next"};             // MatchEnglishRelative
}

std::vector<std::string> EnglishMonthNames() {
  std::vector<std::string> out;
  for (const auto& [name, month] : EnglishMonths().entries()) out.push_back(name);
  return out;
}

std::vector<DateMention> FindDates(std::string_view text, const DateContext& ctx) {
  return FindDates(text, TokenizeText(text), ctx);
}

std::vector<DateMention> FindDates(std::string_view text, const std::vector<TextToken>& t, const DateContext& ctx) {
  std::vector<RawDate> raws = DateScanner(text, t).Run();
  std::vector<DateMention> out;
  for (const RawDate& r : raws) {
    DateMention m;
    std::optional<PartialDate> d = Resolve(r, ctx, &m.relative, &m.year_inferred);
    if (!d) continue;
    m.date = *d;
    m.begin = t[r.b].begin;
    m.end = t[r.e - 1].end;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<PartialDate> InferAnchor(std::string_view text) {
  return InferAnchor(text, TokenizeText(text));
}

std::optional<PartialDate> InferAnchor(std::string_view text, const std::vector<TextToken>& tokens) {
  std::optional<PartialDate> best_fine, best_year;
  auto key = [](const PartialDate& p) {
    return std::make_tuple(p.year, StartMonth(p), p.day, static_cast<int>(p.granularity));
  };
  for (const RawDate& r : DateScanner(text, tokens).Run()) {
    if (r.rel != RawDate::Rel::kNone || r.year == 0) continue;
    bool relative, inferred;
    std::optional<PartialDate> d = Resolve(r, DateContext{}, &relative, &inferred);
    if (!d) continue;
    std::optional<PartialDate>& best = d->granularity == DateGranularity::kYear ? best_year : best_fine;
    if (!best || key(*d) > key(*best)) best = d;
  }
  return best_fine ? best_fine : best_year;
}

}  // namespace claimcheck
