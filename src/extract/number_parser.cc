#include "extract/number_parser.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "base/unicode.h"
#include "extract/word_table.h"

namespace claimcheck {

// ---------------------------------------------------------------- tokenizer

namespace {

// Decodes the code point at s[i] (valid UTF-8) and returns its byte length.
size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = 1;
  char32_t v = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *cp = v;
  return len;
}

bool IsSpaceCodePoint(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

// Letters: ASCII letters and non-ASCII code points outside the punctuation and
// symbol blocks (good enough for Vietnamese, other Latin, Cyrillic, CJK).
bool IsLetterCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  return true;
}

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The code point at s[i] and its length: DecodeUtf8 with ASCII decided inline.
size_t CodePointAt(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  return DecodeUtf8(s, i, cp);
}

// Whether a word made of letters like `cp` is its own ToLowerUtf8: ASCII
// lower-case letters, and the precomposed Latin letters (U+00C0-U+024F,
// U+1E00-U+1EFF, Vietnamese included) that ToLowerUtf8 leaves as they are,
// found once by asking it. (These are starters that compose with no letter
// after them, so a word of them is left as it is too.) False for any other
// code point: such words are lower-cased by ToLowerUtf8.
bool LowersToItself(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  static const std::vector<bool>* table = [] {
    auto* t = new std::vector<bool>(0x1F00, false);
    auto mark = [&](char32_t from, char32_t to) {
      for (char32_t c = from; c < to; ++c) {
        std::string s;
        AppendUtf8(c, &s);
        (*t)[c] = IsLetterCodePoint(c) && ToLowerUtf8(s) == s;
      }
    };
    mark(0xC0, 0x250);
    mark(0x1E00, 0x1F00);
    return t;
  }();
  return cp < table->size() && (*table)[cp];
}

// What WordEnd saw of a word's letters.
struct WordScan {
  bool ascii = true;         // all ASCII
  bool lowers_to_self = true;  // every letter LowersToItself: the word is its own lower-case form
  void Add(char32_t cp) {
    ascii = ascii && cp < 0x80;
    lowers_to_self = lowers_to_self && LowersToItself(cp);
  }
};

// End of the word whose first letter ends at `i`: letters follow, ASCII ones
// tested without decoding. Each letter after the first is added to *scan.
size_t WordEnd(std::string_view text, size_t i, WordScan* scan) {
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!IsAsciiLetter(c)) break;
      scan->lowers_to_self = scan->lowers_to_self && c >= 'a';
      ++i;
      continue;
    }
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    if (!IsLetterCodePoint(cp)) break;
    scan->Add(cp);
    i += len;
  }
  return i;
}

// ToLowerUtf8 of a non-ASCII word, remembered per thread: news text repeats the
// same few thousand words, and one lookup is cheaper than mapping the word
// piece by piece again. Bounded like ToLowerUtf8's own memo.
std::string LowerWord(std::string_view word) {
  thread_local std::unordered_map<std::string, std::string> memo;
  if (memo.size() > 200000) memo.clear();
  std::string key(word);
  auto it = memo.find(key);
  if (it == memo.end()) it = memo.emplace(std::move(key), ToLowerUtf8(word)).first;
  return it->second;
}

}  // namespace

std::vector<TextToken> TokenizeText(std::string_view text) {
  std::vector<TextToken> out;
  out.reserve(text.size() / 4);
  bool space = true, line = true;
  WordScan scan;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    size_t len = CodePointAt(text, i, &cp);
    if (IsSpaceCodePoint(cp)) {
      space = true;
      if (cp == '\n') line = true;
      i += len;
      continue;
    }
    TextToken& t = out.emplace_back();
    t.begin = i;
    t.space_before = space;
    t.line_start = line;
    space = line = false;
    if (cp >= '0' && cp <= '9') {
      t.kind = TokenKind::kDigits;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    } else if (IsLetterCodePoint(cp)) {
      t.kind = TokenKind::kWord;
      scan = WordScan();
      scan.Add(cp);
      i = WordEnd(text, i + len, &scan);
    } else {
      t.kind = TokenKind::kPunct;
      i += len;
    }
    t.end = i;
    std::string_view raw = text.substr(t.begin, t.end - t.begin);
    if (t.kind == TokenKind::kWord) {
      if (scan.lowers_to_self) {  // what ToLowerUtf8 gives (see LowersToItself)
        t.lower.assign(raw);
      } else if (scan.ascii) {  // likewise, without its piecewise mapping
        t.lower.assign(raw);
        for (char& c : t.lower) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
      } else {
        t.lower = LowerWord(raw);
      }
      t.upper_initial = t.lower.compare(0, len, raw.substr(0, len)) != 0;
      t.no_lower_ascii = t.upper_initial && std::none_of(raw.begin(), raw.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    } else {
      t.lower.assign(raw);
    }
  }
  return out;
}

// ---------------------------------------------------------------- mention

std::string NumberMention::ToString() const {
  std::string s = FormatNumber(value);
  if (high) s += "-" + FormatNumber(*high);
  if (percent) s += " percent";
  if (vague) {
    s += " vague";
  } else if (high) {
    s += " range";
  }
  if (words) s += " words";
  s += " \"" + text + "\"";
  return s;
}

// ---------------------------------------------------------------- scanner

namespace {

using Tokens = std::vector<TextToken>;

const WordTable<double>& ScaleWords() {
  static const auto* m = new WordTable<double>{
      {"chục", 10},   {"trăm", 100},      {"nghìn", 1e3},      {"ngàn", 1e3},
      {"vạn", 1e4},   {"triệu", 1e6},     {"tỷ", 1e9},         {"tỉ", 1e9},
      {"hundred", 100}, {"thousand", 1e3}, {"million", 1e6},   {"billion", 1e9},
      {"trillion", 1e12}, {"bn", 1e9},    {"mn", 1e6}};
  return *m;
}

bool IsMonthName(const TextToken& t) {
  static const auto* s = new WordSet{
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec"};
  return t.kind == TokenKind::kWord && t.upper_initial && s->Contains(t.lower);
}

// Nouns that make a lone "năm" mean five ("năm người") rather than "year".
bool IsCountedNoun(std::string_view w) {
  static const auto* s = new WordSet{
      "người", "binh", "lính", "quân", "chiến", "sĩ", "chiếc", "con", "cái", "quả", "khẩu",
      "tên", "lần", "nước", "quốc", "tỉnh", "thành", "xe", "tàu", "máy", "ngày", "tuần",
      "tháng", "giờ", "phút", "km", "tấn", "đơn", "vụ", "đợt", "trường", "lữ", "sư", "tiểu",
      "trung", "đại", "nhóm", "phái", "nghị", "điểm", "triệu", "tỷ", "nghìn", "ngàn"};
  return s->Contains(w);
}

// Words after which a lone "năm" is the noun "year" ("cuối năm", "những năm").
bool IsYearDeterminer(std::string_view w) {
  static const auto* s = new WordSet{
      "những", "các", "mỗi", "hằng", "hàng", "cả", "nhiều", "vài", "mấy", "cuối", "đầu",
      "giữa", "suốt", "qua", "trong", "của", "sang", "tới", "đến", "từ", "vào", "hồi", "năm"};
  return s->Contains(w);
}

// Words after which a number is a date part or an ordinal, not a count.
bool IsDatePartWord(std::string_view w) {
  return w == "năm" || w == "tháng" || w == "ngày" || w == "quý" || w == "mùng" ||
         w == "mồng" || w == "thứ";
}

// Words after which a number names a provision or a document: "Article 51", "Điều 4".
bool IsReferenceWord(const TextToken& t) {
  static const auto* s = new WordSet{"article", "section", "chapter", "resolution", "khoản", "chương"};
  return s->Contains(t.lower) || (t.lower == "điều" && t.upper_initial);
}

// Words before a day or month that may be written with dots ("ngày 19.6.2024").
bool IsDotDateWord(std::string_view w) {
  return w == "ngày" || w == "hôm" || w == "tháng" || w == "mùng" || w == "mồng" ||
         w == "sáng" || w == "trưa" || w == "chiều" || w == "tối" || w == "đêm";
}

bool IsYearPreposition(std::string_view w) {
  static const auto* s = new WordSet{
      "in", "since", "until", "till", "by", "during", "from", "early", "late", "mid", "year",
      "before", "after", "through", "of"};
  return s->Contains(w);
}

bool IsPunct(const Tokens& t, size_t i, std::string_view p) {
  return i < t.size() && t[i].kind == TokenKind::kPunct && t[i].lower == p;
}
bool IsDash(const Tokens& t, size_t i) {
  return IsPunct(t, i, "-") || IsPunct(t, i, "\u2013") || IsPunct(t, i, "\u2014");
}
bool IsWord(const Tokens& t, size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == TokenKind::kWord && t[i].lower == w;
}
bool IsDigits(const Tokens& t, size_t i) {
  return i < t.size() && t[i].kind == TokenKind::kDigits;
}
bool Glued(const Tokens& t, size_t i) { return i < t.size() && !t[i].space_before; }
int DigitsValue(const TextToken& t) {
  return t.lower.size() > 6 ? 1000000 : std::atoi(t.lower.c_str());
}
bool IsYearToken(const TextToken& t) {
  if (t.kind != TokenKind::kDigits || t.lower.size() != 4) return false;
  int y = DigitsValue(t);
  return y >= 1900 && y <= 2100;
}

// "km2", "m3": a length unit glued to a one-digit exponent at t[k], t[k+1].
bool IsUnitWithExponent(const Tokens& t, size_t k, size_t chunk_end) {
  std::string_view w = t[k].lower;
  if (!(w == "km" || w == "m" || w == "cm" || w == "mm") || !IsDigits(t, k + 1)) return false;
  if (t[k + 1].lower != "2" && t[k + 1].lower != "3") return false;
  return k + 2 >= chunk_end || t[k + 2].kind == TokenKind::kPunct;
}

// Whether a digits token is among t[b, last]: only then can MarkDateOrCodeChunk
// of the chunk [b, last) mark anything (a unit word ending the chunk looks at
// the token after it: "km 2").
bool DigitsThrough(const Tokens& t, size_t b, size_t last) {
  for (size_t k = b; k <= last && k < t.size(); ++k) {
    if (t[k].kind == TokenKind::kDigits) return true;
  }
  return false;
}

// Marks digits tokens of date/time/code chunks. A chunk is a run of tokens with
// no whitespace between them.
void MarkDateOrCodeChunk(const Tokens& t, size_t b, size_t e, std::vector<bool>* skip) {
  if (!DigitsThrough(t, b, e)) return;  // nothing it could mark
  bool bad = false;
  for (size_t k = b; k < e && !bad; ++k) {
    if (t[k].kind == TokenKind::kDigits) {
      bool next_digits = k + 2 < e && IsDigits(t, k + 2);
      if (next_digits && (IsPunct(t, k + 1, "/") || IsPunct(t, k + 1, ":"))) bad = true;
      // 2024-06-19, 2024-06, 2020-2024, 6-2024
      if (next_digits && IsDash(t, k + 1) &&
          ((IsYearToken(t[k]) && t[k + 2].lower.size() <= 2) ||
           (IsYearToken(t[k + 2]) && (t[k].lower.size() <= 2 || IsYearToken(t[k])))))
        bad = true;
      // 11h30, 3M22; but "100km2" is 100 with a unit exponent.
      if (k + 2 < e && t[k + 1].kind == TokenKind::kWord && IsDigits(t, k + 2)) {
        if (IsUnitWithExponent(t, k + 1, e)) {
          (*skip)[k + 2] = true;
          k += 2;
          continue;
        }
        bad = true;
      }
    } else if (t[k].kind == TokenKind::kWord) {
      if (IsUnitWithExponent(t, k, e)) {
        (*skip)[k + 1] = true;
        ++k;
        continue;
      }
      // U23, MiG-29, Chonma-2
      if (k + 1 < e && IsDigits(t, k + 1)) bad = true;
      if (k + 2 < e && IsDash(t, k + 1) && IsDigits(t, k + 2)) bad = true;
    }
  }
  if (!bad) return;
  for (size_t k = b; k < e; ++k) {
    if (t[k].kind == TokenKind::kDigits) (*skip)[k] = true;
  }
}

// End (exclusive) of the chunk that starts at token b.
size_t ChunkEnd(const Tokens& t, size_t b) {
  size_t e = b + 1;
  while (e < t.size() && !t[e].space_before) ++e;
  return e;
}

// A digit numeral with its separators read: "10.000", "1,5", "1,500.25".
struct Numeral {
  double value = 0;
  size_t end = 0;     // token index after the numeral
  bool plain = true;  // no separators
};

Numeral ReadNumeral(const Tokens& t, size_t i) {
  Numeral n;
  std::string digits = t[i].lower;
  size_t j = i + 1;
  std::string tsep;
  auto is_sep = [&](size_t k) { return IsPunct(t, k, ".") || IsPunct(t, k, ","); };
  if (digits.size() <= 3) {
    while (Glued(t, j) && is_sep(j) && Glued(t, j + 1) && IsDigits(t, j + 1) &&
           t[j + 1].lower.size() == 3 && (tsep.empty() || t[j].lower == tsep)) {
      tsep = t[j].lower;
      digits += t[j + 1].lower;
      j += 2;
      n.plain = false;
    }
  }
  if (Glued(t, j) && is_sep(j) && t[j].lower != tsep && Glued(t, j + 1) && IsDigits(t, j + 1)) {
    digits += "." + t[j + 1].lower;
    j += 2;
    n.plain = false;
  }
  n.value = std::strtod(digits.c_str(), nullptr);
  n.end = j;
  return n;
}

// A number with its scale and percent sign, no range.
struct Quantity {
  double value = 0;
  double scale = 1;  // product of the scale words read
  bool scaled = false;
  bool percent = false;
  size_t end = 0;
};

// Reads scale words at t[j...] ("trăm nghìn", "nghìn tỷ", glued "bn") into q.
void ReadScales(const Tokens& t, size_t j, Quantity* q) {
  const auto& scales = ScaleWords();
  while (j < t.size() && t[j].kind == TokenKind::kWord) {
    const double* scale = scales.Find(t[j].lower);
    if (!scale || *scale <= q->scale) break;
    // "chục"/"trăm" after digits only when glued to nothing else; "hundred" likewise.
    q->scale *= *scale;
    q->scaled = true;
    ++j;
  }
  q->end = j;
}

// Reads a percent marker at t[j]: "%", "phần trăm", "percent", "per cent".
size_t ReadPercent(const Tokens& t, size_t j, bool* percent) {
  if (IsPunct(t, j, "%")) {
    *percent = true;
    return j + 1;
  }
  if (IsWord(t, j, "phần") && IsWord(t, j + 1, "trăm")) {
    *percent = true;
    return j + 2;
  }
  if (IsWord(t, j, "percent")) {
    *percent = true;
    return j + 1;
  }
  if (IsWord(t, j, "per") && IsWord(t, j + 1, "cent")) {
    *percent = true;
    return j + 2;
  }
  return j;
}

Quantity ReadDigitQuantity(const Tokens& t, size_t i) {
  Numeral n = ReadNumeral(t, i);
  Quantity q;
  q.value = n.value;
  size_t j = n.end;
  if (Glued(t, j) && t[j].kind == TokenKind::kWord && !ScaleWords().Contains(t[j].lower)) {
    q.end = j;  // a glued unit: "170mm", "42.400ha"
    return q;
  }
  ReadScales(t, j, &q);
  q.end = ReadPercent(t, q.end, &q.percent);
  q.value *= q.scale;
  if (q.percent) q.value /= 100;
  return q;
}

// Number word tables shared by the readers below and MayStartNumberWords.
const std::unordered_map<std::string, int>& ViUnits() {
  static const auto* m = new std::unordered_map<std::string, int>{
      {"một", 1}, {"hai", 2}, {"ba", 3}, {"bốn", 4}, {"năm", 5},
      {"sáu", 6}, {"bảy", 7}, {"bẩy", 7}, {"tám", 8}, {"chín", 9}};
  return *m;
}
const std::unordered_map<std::string, int>& EnSmall() {
  static const auto* m = new std::unordered_map<std::string, int>{
      {"one", 1},       {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
      {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
      {"eleven", 11},   {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
      {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}};
  return *m;
}
const std::unordered_map<std::string, int>& EnTens() {
  static const auto* m = new std::unordered_map<std::string, int>{
      {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
      {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
  return *m;
}
const std::unordered_map<std::string, double>& EnPlural() {
  static const auto* m = new std::unordered_map<std::string, double>{
      {"tens", 10}, {"dozens", 24}, {"hundreds", 100}, {"thousands", 1e3},
      {"millions", 1e6}, {"billions", 1e9}};
  return *m;
}

// Vietnamese number words. Returns the value and sets *end (exclusive token index).
std::optional<double> ReadViWords(const Tokens& t, size_t i, size_t* end) {
  const auto* units = &ViUnits();
  static const auto* after_tens = new std::unordered_map<std::string, int>{
      {"mốt", 1}, {"tư", 4}, {"lăm", 5}, {"nhăm", 5}};
  static const auto* big = new std::unordered_map<std::string, double>{
      {"nghìn", 1e3}, {"ngàn", 1e3}, {"vạn", 1e4}, {"triệu", 1e6}, {"tỷ", 1e9}, {"tỉ", 1e9}};
  enum Last { kStart, kUnit, kTens, kTensUnit, kHundred, kLinh, kScale };
  auto is_multiplier = [&](size_t k) {
    return IsWord(t, k, "mươi") || IsWord(t, k, "trăm") || IsWord(t, k, "chục") ||
           (k < t.size() && big->count(t[k].lower));
  };
  Last last = kStart;
  double total = 0, group = 0, last_scale = 0, best = 0;
  int pending = -1;
  size_t best_end = i;
  auto complete = [&](size_t k) {
    best = total + group + std::max(pending, 0);
    best_end = k + 1;
  };
  for (size_t k = i; k < t.size() && t[k].kind == TokenKind::kWord; ++k) {
    const std::string& w = t[k].lower;
    auto u = units->find(w);
    auto at = after_tens->find(w);
    auto bg = big->find(w);
    if (u != units->end()) {
      if (last == kTens && w != "năm") {
        group += u->second;
        last = kTensUnit;
      } else if (last == kLinh) {
        group += u->second;
        last = kTensUnit;
      } else if (last == kStart || ((last == kHundred || last == kScale) && is_multiplier(k + 1))) {
        pending = u->second;
        last = kUnit;
      } else {
        break;
      }
    } else if (at != after_tens->end()) {
      if (last != kTens) break;
      group += at->second;
      last = kTensUnit;
    } else if (w == "mười") {
      if (last != kStart && last != kHundred && last != kScale) break;
      group += 10;
      last = kTens;
    } else if (w == "mươi" || w == "chục") {
      if (last != kUnit || (w == "mươi" && pending < 2)) break;
      group += pending * 10;
      pending = -1;
      last = w == "mươi" ? kTens : kTensUnit;
    } else if (w == "trăm") {
      if (last != kUnit) break;
      group += pending * 100;
      pending = -1;
      last = kHundred;
    } else if (w == "linh" || w == "lẻ") {
      if (last != kHundred && last != kScale) break;
      last = kLinh;
      continue;  // incomplete until a unit follows
    } else if (bg != big->end()) {
      if (pending >= 0) group += pending;
      pending = -1;
      if (group == 0 && last == kScale && bg->second > last_scale) {
        total *= bg->second;
        last_scale *= bg->second;
      } else if (group > 0 && (last_scale == 0 || bg->second < last_scale)) {
        total += group * bg->second;
        group = 0;
        last_scale = bg->second;
      } else {
        break;
      }
      last = kScale;
    } else if (w == "rưỡi") {
      if (last == kScale) {
        total += last_scale / 2;
      } else if (last == kHundred) {
        group += 50;
      } else {
        break;
      }
      complete(k);
      break;
    } else if (w == "nửa") {
      if (last == kStart || (last == kUnit && pending == 1 && total == 0 && group == 0)) {
        *end = k + 1;
        return 0.5;
      }
      break;
    } else {
      break;
    }
    complete(k);
  }
  if (best_end == i) return std::nullopt;
  *end = best_end;
  return best;
}

// English number words ("twenty-one", "a hundred", "two million", "half").
std::optional<double> ReadEnWords(const Tokens& t, size_t i, size_t* end) {
  const auto* small = &EnSmall();
  const auto* tens = &EnTens();
  static const auto* big = new std::unordered_map<std::string, double>{
      {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}};
  enum Last { kStart, kA, kUnit, kTeen, kTens, kTensUnit, kHundred, kScale, kAnd };
  auto is_number_word = [&](size_t k) {
    return k < t.size() && (small->count(t[k].lower) || tens->count(t[k].lower));
  };
  Last last = kStart;
  double total = 0, group = 0, best = 0, last_scale = 0;
  size_t best_end = i;
  for (size_t k = i; k < t.size(); ++k) {
    if (last == kTens && IsPunct(t, k, "-") && Glued(t, k) && Glued(t, k + 1) &&
        k + 1 < t.size() && small->count(t[k + 1].lower) && small->at(t[k + 1].lower) < 10) {
      continue;  // "twenty-one"
    }
    if (t[k].kind != TokenKind::kWord) break;
    const std::string& w = t[k].lower;
    bool fresh = last == kStart || last == kHundred || last == kScale || last == kAnd;
    auto s = small->find(w);
    auto tn = tens->find(w);
    auto bg = big->find(w);
    if (s != small->end()) {
      if (s->second < 10 && last == kTens) {
        group += s->second;
        last = kTensUnit;
      } else if (fresh) {
        group += s->second;
        last = s->second < 10 ? kUnit : kTeen;
      } else {
        break;
      }
    } else if (tn != tens->end()) {
      if (!fresh) break;
      group += tn->second;
      last = kTens;
    } else if (w == "hundred") {
      if (last == kA) {
        group = 100;
      } else if (last == kUnit || last == kTeen) {
        double unit = std::fmod(group, 100);
        group = group - unit + unit * 100;
      } else {
        break;
      }
      last = kHundred;
    } else if (bg != big->end()) {
      if (last == kA) {
        group = 1;
      } else if (last == kStart || last == kScale || last == kAnd || group == 0) {
        break;
      }
      if (last_scale != 0 && bg->second >= last_scale) break;
      total += group * bg->second;
      group = 0;
      last_scale = bg->second;
      last = kScale;
    } else if (w == "dozen") {
      if (last == kA) {
        group = 12;
      } else if (last == kUnit) {
        group *= 12;
      } else {
        break;
      }
      last = kTensUnit;
    } else if (w == "a") {
      if (last != kStart) break;
      size_t n = k + 1;
      if (!(IsWord(t, n, "hundred") || IsWord(t, n, "dozen") ||
            (n < t.size() && big->count(t[n].lower))))
        break;
      last = kA;
      continue;
    } else if (w == "and") {
      if ((last != kHundred && last != kScale) || !is_number_word(k + 1)) break;
      last = kAnd;
      continue;
    } else if (w == "half") {
      if (last != kStart) break;
      *end = k + 1;
      return 0.5;
    } else {
      break;
    }
    best = total + group;
    best_end = k + 1;
  }
  if (best_end == i) return std::nullopt;
  *end = best_end;
  return best;
}

// Vague amounts: "hàng nghìn", "vài trăm", "hundreds of thousands", "several hundred".
bool ReadVague(const Tokens& t, size_t i, NumberMention* m, size_t* end) {
  static const auto* vi_scales = new std::unordered_map<std::string, double>{
      {"chục", 10}, {"trăm", 100}, {"nghìn", 1e3}, {"ngàn", 1e3},
      {"vạn", 1e4}, {"triệu", 1e6}, {"tỷ", 1e9},   {"tỉ", 1e9}};
  const auto* en_plural = &EnPlural();
  static const auto* en_scales = new std::unordered_map<std::string, double>{
      {"hundred", 100}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};
  const std::string& w = t[i].lower;
  double low_factor = 0, scale = 1;
  size_t k = i + 1;
  auto read_chain = [&](const std::unordered_map<std::string, double>& table) {
    while (k < t.size() && t[k].kind == TokenKind::kWord) {
      auto it = table.find(t[k].lower);
      if (it == table.end() || it->second <= scale) break;
      scale *= it->second;
      ++k;
    }
  };
  if (w == "hàng" || w == "vài" || w == "mấy") {
    read_chain(*vi_scales);
    low_factor = w == "hàng" ? 1 : 2;
  } else if (w == "several" || (w == "a" && IsWord(t, i + 1, "few"))) {
    if (w == "a") ++k;
    read_chain(*en_scales);
    low_factor = 2;
  } else if (en_plural->count(w)) {
    scale = en_plural->at(w);
    if (IsWord(t, k, "of") && k + 1 < t.size() && en_plural->count(t[k + 1].lower) &&
        en_plural->at(t[k + 1].lower) >= 1000) {
      scale *= en_plural->at(t[k + 1].lower);
      k += 2;
    } else if (w == "tens") {
      return false;
    }
    low_factor = 1;
  }
  if (low_factor == 0 || scale == 1) return false;
  bool dozens = w == "dozens";
  m->value = scale * low_factor;
  m->high = dozens ? scale / 24 * 100 : scale * 10;
  m->vague = true;
  m->words = true;
  *end = k;
  return true;
}

// Whether a number in words can start at token `t`: the first words ReadVague,
// ReadViWords and ReadEnWords accept (their tables and the words they test by
// name at their start). One lookup spares the readers' own lookups for the
// many words that start no number.
bool MayStartNumberWords(const TextToken& t) {
  if (t.word_id != kWordNotLookedUp) return t.word_flags & kNumberStartWord;  // flagged by the vocabulary
  static const auto* s = new WordSet(NumberStartWords());
  return s->Contains(t.lower);
}

class NumberScanner {
 public:
  NumberScanner(std::string_view text, const Tokens& tokens, bool lenient)
      : text_(text), t_(tokens), lenient_(lenient), skip_(t_.size(), false) {
    for (size_t b = 0; b < t_.size(); b = ChunkEnd(t_, b)) MarkDateOrCodeChunk(t_, b, ChunkEnd(t_, b), &skip_);
    MarkDateParts();
  }

  std::vector<NumberMention> Run() {
    std::vector<NumberMention> out;
    size_t i = 0;
    while (i < t_.size()) {
      NumberMention m;
      size_t end = i;
      bool found = false;
      if (t_[i].kind == TokenKind::kDigits && !skip_[i]) {
        found = ReadDigits(i, &m, &end);
      } else if (t_[i].kind == TokenKind::kWord) {
        found = ReadWords(i, &m, &end);
      }
      if (!found) {
        ++i;
        continue;
      }
      m.end = t_[end - 1].end;
      m.text = std::string(text_.substr(m.begin, m.end - m.begin));
      out.push_back(std::move(m));
      i = end;
    }
    return out;
  }

 private:
  // Marks numbers that are parts of dates or ordinals: "năm 2024", "tháng 6",
  // "June 19, 2024", "19 June", "in 2024", "thứ 7".
  void MarkDateParts() {
    if (lenient_) return;
    for (size_t k = 0; k < t_.size(); ++k) {
      if (t_[k].kind != TokenKind::kDigits) continue;
      bool plain = !(Glued(t_, k + 1) && (IsPunct(t_, k + 1, ".") || IsPunct(t_, k + 1, ",")) &&
                     Glued(t_, k + 2) && IsDigits(t_, k + 2));
      if (!plain && k > 0 && t_[k - 1].kind == TokenKind::kWord && IsDotDateWord(t_[k - 1].lower)) {
        // "ngày 19.6.2024", "tháng 6.2024", "hôm 9.11": dotted dates, not decimals.
        for (size_t d = k; d < t_.size() && (d == k || !t_[d].space_before); ++d) {
          if (t_[d].kind == TokenKind::kDigits) skip_[d] = true;
        }
        continue;
      }
      if (!plain) continue;
      if (k + 1 < t_.size() && IsMonthName(t_[k + 1]) && DigitsValue(t_[k]) <= 31) skip_[k] = true;
      if (k == 0) continue;
      const TextToken& prev = t_[k - 1];
      size_t pm = IsPunct(t_, k - 1, ".") && k >= 2 ? k - 2 : k - 1;  // "Sept. 5"
      if (prev.kind == TokenKind::kWord && IsDatePartWord(prev.lower)) skip_[k] = true;
      if (prev.kind == TokenKind::kWord && IsReferenceWord(prev)) skip_[k] = true;
      if (IsMonthName(t_[pm])) {
        skip_[k] = true;
        if (IsPunct(t_, k + 1, ",") && k + 2 < t_.size() && IsYearToken(t_[k + 2])) skip_[k + 2] = true;
      }
      if (IsYearToken(t_[k]) && prev.kind == TokenKind::kWord && IsYearPreposition(prev.lower))
        skip_[k] = true;
      // the second year of "năm 2020 đến 2024", "in 2020 to 2024", "2020 - 2024"
      bool connector = IsDash(t_, k - 1) || IsWord(t_, k - 1, "đến") || IsWord(t_, k - 1, "tới") ||
                       IsWord(t_, k - 1, "to") || IsWord(t_, k - 1, "and");
      if (IsYearToken(t_[k]) && connector && k >= 2 && skip_[k - 2] && IsYearToken(t_[k - 2]))
        skip_[k] = true;
    }
  }

  bool ReadDigits(size_t i, NumberMention* m, size_t* end) {
    Quantity q = ReadDigitQuantity(t_, i);
    m->begin = t_[i].begin;
    m->value = q.value;
    m->percent = q.percent;
    *end = q.end;
    TryRange(i, q, m, end);
    return true;
  }

  // Extends a digit quantity into a range: "10.000-12.000", "10-12 nghìn",
  // "từ 200 đến 300", "200 to 300", "between 200 and 300".
  void TryRange(size_t i, const Quantity& low, NumberMention* m, size_t* end) {
    size_t j = low.end;
    std::string prefix = i > 0 && t_[i - 1].kind == TokenKind::kWord ? t_[i - 1].lower : "";
    bool connector = IsDash(t_, j) || IsWord(t_, j, "đến") || IsWord(t_, j, "tới") ||
                     IsWord(t_, j, "to") || (prefix == "between" && IsWord(t_, j, "and"));
    if (!connector || !IsDigits(t_, j + 1) || skip_[j + 1]) return;
    if (IsDash(t_, j) && IsDash(t_, j + 2)) return;  // "1-2-3"
    Quantity high = ReadDigitQuantity(t_, j + 1);
    double lo = low.value, hi = high.value;
    bool percent = low.percent || high.percent;
    if (!low.scaled && high.scaled) lo *= high.scale;
    if (!low.scaled && low.percent != high.percent) lo = high.percent ? lo / 100 : lo;
    if (!high.scaled && low.scaled) hi *= low.scale;
    if (!high.percent && low.percent) hi /= 100;
    if (!(lo < hi)) return;
    m->value = lo;
    m->high = hi;
    m->percent = percent;
    *end = high.end;
    if (prefix == "từ" || prefix == "from" || prefix == "between") m->begin = t_[i - 1].begin;
  }

  bool ReadWords(size_t i, NumberMention* m, size_t* end) {
    const TextToken& w = t_[i];
    if (!MayStartNumberWords(w)) return false;
    std::string prev = i > 0 && t_[i - 1].kind == TokenKind::kWord ? t_[i - 1].lower : "";
    m->begin = w.begin;
    if (ReadVague(t_, i, m, end)) return true;
    if (!lenient_ && (prev == "thứ" || prev == "tháng" || prev == "mùng" || prev == "mồng"))
      return false;
    std::optional<double> v = ReadViWords(t_, i, end);
    if (!v) v = ReadEnWords(t_, i, end);
    if (!v) return false;
    if (!lenient_ && !PlausibleWords(i, *end)) return false;
    m->value = *v;
    m->words = true;
    bool percent = false;
    *end = ReadPercent(t_, *end, &percent);
    if (percent) {
      m->percent = true;
      m->value /= 100;
    }
    return true;
  }

  // Context rules for one-word numbers that are usually something else.
  bool PlausibleWords(size_t i, size_t end) const {
    if (end - i != 1) return true;
    const TextToken& w = t_[i];
    const TextToken* next = end < t_.size() ? &t_[end] : nullptr;
    bool next_word = next && next->kind == TokenKind::kWord;
    bool prev_word = i > 0 && t_[i - 1].kind == TokenKind::kWord;
    if (w.upper_initial && prev_word && next_word && next->upper_initial) return false;  // "Ba Lan"
    if (w.lower == "một" && next_word && (next->lower == "số" || next->lower == "cách")) return false;
    if (w.lower == "năm") {
      if (!next_word || !IsCountedNoun(next->lower)) return false;
      if (i > 0 && (t_[i - 1].kind == TokenKind::kDigits ||
                    (prev_word && IsYearDeterminer(t_[i - 1].lower))))
        return false;
    }
    return true;
  }

  std::string_view text_;
  const Tokens& t_;
  bool lenient_;
  std::vector<bool> skip_;
};

}  // namespace

std::vector<std::string> NumberStartWords() {
  std::vector<std::string> words{
      "hàng", "vài", "mấy", "several", "a",  // ReadVague
      "mười", "nửa",                         // ReadViWords, besides the units
      "half"};                               // ReadEnWords ("a" above), besides small and tens
  for (const auto& [word, value] : ViUnits()) words.push_back(word);
  for (const auto& [word, value] : EnSmall()) words.push_back(word);
  for (const auto& [word, value] : EnTens()) words.push_back(word);
  for (const auto& [word, value] : EnPlural()) words.push_back(word);
  return words;
}

std::vector<NumberMention> FindNumbers(std::string_view text) {
  return FindNumbers(text, TokenizeText(text));
}

std::vector<NumberMention> FindNumbers(std::string_view text, const std::vector<TextToken>& tokens) {
  return NumberScanner(text, tokens, /*lenient=*/false).Run();
}

std::optional<double> ParseNumber(std::string_view text) {
  std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return std::nullopt;
  Tokens tokens = TokenizeText(trimmed);
  std::vector<NumberMention> all = NumberScanner(trimmed, tokens, /*lenient=*/true).Run();
  if (all.size() != 1 || all[0].begin != 0 || all[0].end != trimmed.size()) return std::nullopt;
  return all[0].value;
}

bool LooksLikeDateOrCode(std::string_view text, size_t pos) {
  Tokens t = TokenizeText(text);
  for (size_t b = 0; b < t.size(); b = ChunkEnd(t, b)) {
    size_t e = ChunkEnd(t, b);
    if (pos < t[b].begin || pos >= t[e - 1].end) continue;
    std::vector<bool> skip(t.size(), false);
    MarkDateOrCodeChunk(t, b, e, &skip);
    for (size_t k = b; k < e; ++k) {
      if (t[k].kind == TokenKind::kDigits && t[k].end > pos) return skip[k];
    }
    return false;
  }
  return false;
}

}  // namespace claimcheck
