#include "base/unicode.h"

#include <utf8proc.h>

#include <bit>
#include <bitset>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "base/strings.h"

namespace claimcheck {
namespace {

// utf8proc_map over `s`; nullopt when utf8proc rejects it (invalid UTF-8).
std::optional<std::string> MapOnce(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::nullopt;
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

std::string MapWith(std::string_view s, int options) {
  std::optional<std::string> mapped = MapOnce(s, options);
  return mapped ? std::move(*mapped) : std::string(s);
}

// Utf8SequenceLength on raw bytes: `avail` (> 0) bytes readable at p.
inline size_t SequenceLength(const unsigned char* p, size_t avail) {
  const unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2 || c > 0xF4) return 0;
  auto continuation = [&](size_t k) { return k < avail && (p[k] & 0xC0) == 0x80; };
  if (c < 0xE0) return continuation(1) ? 2 : 0;
  if (c < 0xF0) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
  if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
  if (c == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
  return 4;
}

// IsNfcInert is answered from a table over the code points below this limit.
constexpr char32_t kInertLimit = 0x20D0;

// The code points of the checked blocks that utf8proc itself keeps unchanged under NFC
// and that have combining class 0. The blocks are Latin-1 Supplement, Latin Extended-A
// and -B (U+00A0-U+024F), Latin Extended Additional (U+1E00-U+1EFF), General Punctuation
// and Currency Symbols (U+2000-U+20CF): none of their characters is the second half of a
// canonical composition (those are combining marks, Hangul jamo and a few Indic vowel
// signs), and each decomposes, if at all, to a Latin base letter and marks, so NFC
// composes it back to itself whatever stands before it.
std::bitset<kInertLimit> BuildInertTable() {
  std::bitset<kInertLimit> table;
  const std::pair<char32_t, char32_t> blocks[] = {{0xA0, 0x250}, {0x1E00, 0x1F00}, {0x2000, 0x20D0}};
  for (const auto& [first, last] : blocks) {
    for (char32_t cp = first; cp < last; ++cp) {
      if (utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0) continue;
      utf8proc_uint8_t buf[4];
      utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
      std::string one(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
      std::optional<std::string> nfc = MapOnce(one, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
      if (nfc && *nfc == one) table.set(cp);
    }
  }
  for (char32_t cp = 0; cp < 0x80; ++cp) table.set(cp);
  return table;
}

// The code point of the valid sequence of `length` bytes at p.
char32_t DecodeSequence(const unsigned char* p, size_t length) {
  switch (length) {
    case 1: return p[0];
    case 2: return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    case 3: return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    default: return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  }
}

const std::bitset<kInertLimit>& InertTable() {
  static const std::bitset<kInertLimit> table = BuildInertTable();
  return table;
}

// True when s[begin, end) is valid UTF-8 made of NFC-inert code points only.
bool AllNfcInert(std::string_view s, size_t begin, size_t end) {
  const std::bitset<kInertLimit>& inert = InertTable();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = begin; i < end;) {
    size_t length = SequenceLength(p + i, end - i);
    if (length == 0) return false;
    char32_t cp = DecodeSequence(p + i, length);
    if (cp >= kInertLimit || !inert.test(cp)) return false;
    i += length;
  }
  return true;
}

// Where the first piece of `s` (see MapComposed) that NFC might change begins: the
// piece holding the first code point that is not NFC-inert, or an invalid byte.
// s.size() when the whole text is its own NFC.
size_t FirstPieceToMap(std::string_view s) {
  const size_t n = s.size();
  for (size_t i = FindNonAscii(s); i < n;) {
    size_t run_end = i;  // the non-ASCII run [i, run_end)
    while (run_end < n && static_cast<unsigned char>(s[run_end]) >= 0x80) ++run_end;
    if (!AllNfcInert(s, i, run_end)) return i == 0 ? 0 : i - 1;  // the piece starts at the ASCII byte before
    i = FindNonAscii(s, run_end);
  }
  return n;
}

// True when byte c is one RepairUtf8 drops: a C0 control other than tab, LF, VT, FF
// and CR, or DEL.
bool IsDroppedControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7F;
}

// The bytes of `word` that CleanUtf8Prefix must look at: below 0x20, 0x7F, or 0x80 and
// above, each marked by its high bit. The lowest marked byte is exact (the borrows of
// the subtractions only mark bytes above a marked one).
uint64_t BytesToCheck(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  uint64_t x = word ^ (kOnes * 0x7F);
  uint64_t del = (x - kOnes) & ~x & kHigh;
  return (word & kHigh) | below_space | del;
}

// Length of the longest prefix of `s` that RepairUtf8 copies unchanged: valid sequences
// and no dropped control byte. Printable ASCII is skipped 8 bytes a step.
size_t CleanUtf8Prefix(std::string_view s) {
  static_assert(std::endian::native == std::endian::little, "the first byte of a word is its lowest");
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      uint64_t marked = BytesToCheck(word);
      if (marked == 0) {
        i += 8;
        continue;
      }
      i += static_cast<size_t>(std::countr_zero(marked)) / 8;  // the first byte to look at
    }
    if (p[i] < 0x80) {
      if (IsDroppedControl(p[i])) return i;
      ++i;
      continue;
    }
    size_t length = SequenceLength(p + i, n - i);
    if (length == 0) return i;
    i += length;
  }
  return n;
}

// MapWith for NFC (with or without case folding), fast on mostly-ASCII text:
// the same result, computed piecewise. Every ASCII character is a normalization
// boundary (a starter that never combines with what precedes it), so the text
// splits into pieces at ASCII characters; an all-ASCII stretch is copied (or
// lower-cased) byte by byte, and each piece holding non-ASCII characters (an
// ASCII letter plus the non-ASCII bytes up to the next ASCII one) goes through
// utf8proc once per thread and is then remembered (news text reuses the same few
// thousand Vietnamese syllable pieces). Profiling showed utf8proc_map on whole
// documents as the top cost of ingest and extract.
std::string MapComposed(std::string_view s, int options, bool fold) {
  thread_local std::unordered_map<std::string, std::string> cache[2];
  std::unordered_map<std::string, std::string>& memo = cache[fold ? 1 : 0];
  if (memo.size() > 200000) memo.clear();  // bounded: pathological inputs cannot grow it forever
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // [i, j): ASCII, copied (or lower-cased); its last byte starts the piece at j.
    const size_t j = FindNonAscii(s, i);
    const size_t piece_begin = j == n || j == i ? j : j - 1;
    if (fold) {
      for (size_t k = i; k < piece_begin; ++k) {
        char c = s[k];
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
    } else {
      out.append(s.data() + i, piece_begin - i);
    }
    if (piece_begin == n) break;
    size_t piece_end = j;
    while (piece_end < n && static_cast<unsigned char>(s[piece_end]) >= 0x80) ++piece_end;
    std::string_view piece = s.substr(piece_begin, piece_end - piece_begin);
    if (!fold && AllNfcInert(s, j, piece_end)) {
      out.append(piece);  // already NFC: no lookup
    } else {
      std::string key(piece);
      auto it = memo.find(key);
      if (it == memo.end()) {
        std::optional<std::string> mapped = MapOnce(piece, options);
        if (!mapped) return std::string(s);  // invalid UTF-8: same answer as MapWith on the whole
        it = memo.emplace(std::move(key), std::move(*mapped)).first;
      }
      out += it->second;
    }
    i = piece_end;
  }
  return out;
}

}  // namespace

size_t Utf8SequenceLength(std::string_view s, size_t pos) {
  return SequenceLength(reinterpret_cast<const unsigned char*>(s.data()) + pos, s.size() - pos);
}

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  size_t i = FindNonAscii(s);
  while (i < s.size()) {
    size_t length = Utf8SequenceLength(s, i);
    if (length == 0) return i;
    i = FindNonAscii(s, i + length);
  }
  return std::nullopt;
}

bool NeedsUtf8Repair(std::string_view s) { return CleanUtf8Prefix(s) != s.size(); }

Utf8Repair RepairUtf8(std::string_view s) {
  Utf8Repair r;
  r.text.reserve(s.size());
  size_t i = CleanUtf8Prefix(s);  // copied as is; the loop below starts at a character boundary
  r.text.append(s.data(), i);
  auto note = [&](size_t offset) {
    if (!r.changed()) r.first_offset = offset;
  };
  bool in_bad_run = false;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      in_bad_run = false;
      if (IsDroppedControl(c)) {
        note(i);
        ++r.dropped;
      } else {
        r.text += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t length = Utf8SequenceLength(s, i);
    if (length == 0) {
      if (!in_bad_run) {
        note(i);
        ++r.replaced;
        r.text += "\xEF\xBF\xBD";  // U+FFFD
      }
      in_bad_run = true;
      ++i;
      continue;
    }
    in_bad_run = false;
    r.text.append(s.substr(i, length));
    i += length;
  }
  return r;
}

std::string NormalizeNfc(std::string_view s) {
  // Most news text is already NFC: one scan, one copy.
  const size_t first = FirstPieceToMap(s);
  std::string out(s.substr(0, first));
  if (first < s.size()) out += MapComposed(s.substr(first), UTF8PROC_STABLE | UTF8PROC_COMPOSE, /*fold=*/false);
  return out;
}

bool IsNfcInert(char32_t cp) { return cp < kInertLimit && InertTable().test(cp); }

std::string ToLowerUtf8(std::string_view s) {
  return MapComposed(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, /*fold=*/true);
}

std::string StripDiacriticsLower(std::string_view s) {
  std::string decomposed =
      MapWith(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  // đ/Đ have no decomposition; map them by hand.
  std::string out;
  for (size_t i = 0; i < decomposed.size(); ++i) {
    unsigned char c = decomposed[i];
    if (c == 0xC4 && i + 1 < decomposed.size() &&
        (static_cast<unsigned char>(decomposed[i + 1]) == 0x91 ||
         static_cast<unsigned char>(decomposed[i + 1]) == 0x90)) {
      out += 'd';
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace claimcheck
