// NormalizeNfc and ToLowerUtf8 take a piecewise fast path (src/base/unicode.cc);
// they must give exactly what one utf8proc_map call over the whole text gives.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/unicode.h"

namespace claimcheck {
namespace {

std::string Reference(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(s);
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

void ExpectSame(const std::string& s) {
  EXPECT_EQ(NormalizeNfc(s), Reference(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE)) << s;
  EXPECT_EQ(ToLowerUtf8(s), Reference(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)) << s;
}

TEST(UnicodePiecesTest, MatchesWholeTextUtf8proc) {
  const char* cases[] = {
      "",
      "plain ASCII, With Capitals 123.",
      "Khoảng 600 binh sĩ Triều Tiên THIỆT MẠNG",
      "e\xCC\x81 decomposed at the start: Vie\xCC\xA3\xCC\x82t",    // e + acute; e + dot below + circumflex
      "A\xCC\x8A and \xE2\x84\xAB (Angstrom sign) and \xE2\x84\xAA (Kelvin)",
      "stra\xC3\x9F" "e GROSS \xC3\x9F",                              // casefold sharp s
      "\xCC\x81 leading combining mark",
      "tab\tnew\nline\r and NUL \0 inside",
      "\xC4\x90\xE1\xBB\x93ng Nai \xC4\x91\xC3\xB4ng",
      "invalid \xFF byte in the middle \xC3\x89",
  };
  for (const char* c : cases) ExpectSame(c);
  ExpectSame(std::string("with\0nul", 8));
}

TEST(UnicodePiecesTest, MatchesOnSharedArticles) {
  std::filesystem::path dir = std::filesystem::path(CLAIMCHECK_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    ExpectSame(text);
    // And in its decomposed form, so composition across pieces is exercised.
    ExpectSame(Reference(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
    ++files;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace claimcheck
