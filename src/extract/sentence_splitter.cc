#include "extract/sentence_splitter.h"

#include <cctype>

namespace claimcheck {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// An ASCII byte the splitter looks at: a line end or a terminator. Every other
// ASCII byte is passed over without decoding.
bool IsSignificantAscii(char c) { return c == '\n' || c == '.' || c == '!' || c == '?'; }

// The first byte at or after `i` that the splitter must look at: a significant
// ASCII byte or the first byte of U+2026 (E2). Other code points are stepped
// over by the length DecodeAt would give them, so the result is the same.
size_t NextSignificant(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (IsSignificantAscii(s[i])) return i;
      ++i;
      continue;
    }
    if (c == 0xE2) return i;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    i += i + n > s.size() ? 1 : n;
  }
  return i;
}

// Decodes the code point starting at `i` (valid UTF-8 assumed); sets *len.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  if (c < 0x80) { *len = 1; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (i + n > s.size()) { *len = 1; return c; }
  char32_t cp = c & (0x3F >> (n - 1));
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

// Whether the code point can start a new sentence: an upper-case letter
// (ASCII or Latin-1/Latin Extended/Vietnamese capitals), a digit, or an
// opening quote or bracket.
bool StartsSentence(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= '0' && cp <= '9') return true;
  if (cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 || cp == 0xAB) return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;            // Latin-1 capitals
  if (cp >= 0x100 && cp <= 0x24F) return (cp % 2) == 0 && cp != 0x138;  // Latin Extended: capitals are even (mostly)
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return (cp % 2) == 0;            // Vietnamese: capitals are even
  return false;
}

bool IsClosingQuote(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

// The word (letters and dots) that ends right before byte `i`.
std::string_view WordBefore(std::string_view s, size_t i) {
  size_t b = i;
  while (b > 0 && !IsSpace(s[b - 1]) && s[b - 1] != '\n' && s[b - 1] != '(' && s[b - 1] != '"') --b;
  return s.substr(b, i - b);
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text,
                                         const std::unordered_set<std::string>& abbreviations) {
  std::vector<SentenceSpan> out;
  int paragraph = 0;
  size_t start = 0;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && (IsSpace(text[b]) || text[b] == '\n')) ++b;
    while (e > b && (IsSpace(text[e - 1]) || text[e - 1] == '\n')) --e;
    if (e > b) out.push_back({b, e, paragraph});
  };
  size_t i = 0;
  while (i < text.size()) {
    i = NextSignificant(text, i);
    if (i >= text.size()) break;
    char c = text[i];
    if (c == '\n') {
      emit(start, i);
      ++paragraph;
      start = i + 1;
      ++i;
      continue;
    }
    size_t len = 1;
    char32_t cp = DecodeAt(text, i, &len);
    bool terminator = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
    if (!terminator) {
      i += len;
      continue;
    }
    size_t end = i + len;
    // Absorb repeated terminators and closing quotes: `."`, `?!`, `...`.
    while (end < text.size()) {
      size_t l2 = 1;
      char32_t next = DecodeAt(text, end, &l2);
      if (next == '.' || next == '!' || next == '?' || next == 0x2026 || IsClosingQuote(next)) {
        end += l2;
      } else {
        break;
      }
    }
    // Period between digits: "10.000", "1.5".
    if (cp == '.' && i > 0 && IsDigit(text[i - 1]) && i + 1 < text.size() && IsDigit(text[i + 1])) {
      i = end;
      continue;
    }
    size_t j = end;
    while (j < text.size() && IsSpace(text[j])) ++j;
    bool at_end = j >= text.size() || text[j] == '\n';
    bool splits = at_end;
    if (!at_end) {
      size_t l3 = 1;
      splits = StartsSentence(DecodeAt(text, j, &l3));
    }
    if (splits && cp == '.') {
      std::string_view word = WordBefore(text, i);
      std::string key(word);
      while (!key.empty() && key.front() == '.') key.erase(key.begin());
      if (abbreviations.count(key)) splits = false;
      // An initial: a single capital letter ("J. Smith"), or dotted letters ("U.S.").
      if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) splits = false;
    }
    if (splits) {
      emit(start, end);
      start = end;
    }
    i = end;
  }
  emit(start, text.size());
  return out;
}

}  // namespace claimcheck
