#include "base/unicode.h"

#include <utf8proc.h>

#include <cstdlib>

namespace claimcheck {
namespace {

std::string MapWith(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(s);
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
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

std::string NormalizeNfc(std::string_view s) { return MapWith(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string ToLowerUtf8(std::string_view s) {
  return MapWith(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
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
