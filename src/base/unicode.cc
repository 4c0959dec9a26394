#include "base/unicode.h"

#include <utf8proc.h>

#include <cstdlib>
#include <optional>
#include <unordered_map>

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
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool next_ascii = i + 1 >= n || static_cast<unsigned char>(s[i + 1]) < 0x80;
    if (c < 0x80 && next_ascii) {
      out += (fold && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
    std::string piece(s.substr(i, j - i));
    auto it = memo.find(piece);
    if (it == memo.end()) {
      std::optional<std::string> mapped = MapOnce(piece, options);
      if (!mapped) return std::string(s);  // invalid UTF-8: same answer as MapWith on the whole
      it = memo.emplace(std::move(piece), std::move(*mapped)).first;
    }
    out += it->second;
    i = j;
  }
  return out;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || cp < 0) return i;
    i += static_cast<size_t>(n);
  }
  return std::nullopt;
}

Utf8Repair RepairUtf8(std::string_view s) {
  Utf8Repair r;
  r.text.reserve(s.size());
  auto note = [&](size_t offset) {
    if (!r.changed()) r.first_offset = offset;
  };
  bool in_bad_run = false;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      in_bad_run = false;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7F) {
        note(i);
        ++r.dropped;
      } else {
        r.text += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || cp < 0) {
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
    r.text.append(s.substr(i, static_cast<size_t>(n)));
    i += static_cast<size_t>(n);
  }
  return r;
}

std::string NormalizeNfc(std::string_view s) {
  return MapComposed(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE, /*fold=*/false);
}

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

}  // namespace claimcheck
