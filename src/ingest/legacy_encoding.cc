#include "ingest/legacy_encoding.h"

#include "base/unicode.h"

namespace claimcheck {
namespace {

// Windows-1258, bytes 0x80-0xFF (Microsoft's published table; 0 = undefined).
constexpr char16_t kWindows1258High[128] = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
    0x02C6, 0x2030, 0x0000, 0x2039, 0x0152, 0x0000, 0x0000, 0x0000,  // 0x88
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
    0x02DC, 0x2122, 0x0000, 0x203A, 0x0153, 0x0000, 0x0000, 0x0178,  // 0x98
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,  // 0xA0
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // 0xA8
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  // 0xB0
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,  // 0xB8
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,  // 0xC0
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,  // 0xC8
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,  // 0xD0
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,  // 0xD8
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,  // 0xE0
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,  // 0xE8
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,  // 0xF0
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,  // 0xF8
};

constexpr char32_t kReplacement = 0xFFFD;

// The combining tone marks of Windows-1258: grave, acute, tilde, hook above, dot below.
bool IsToneMark(unsigned char b) {
  return b == 0xCC || b == 0xEC || b == 0xDE || b == 0xD2 || b == 0xF2;
}

// Bytes whose Windows-1258 letter exists only for Vietnamese (Ă ă Đ đ Ơ ơ Ư ư ₫).
bool IsVietnameseOnly(unsigned char b) {
  return b == 0xC3 || b == 0xE3 || b == 0xD0 || b == 0xF0 || b == 0xD5 || b == 0xF5 ||
         b == 0xDD || b == 0xFD || b == 0xFE;
}

// Windows-1258 letters used in Vietnamese words (vowels with or without a precomposed
// tone, and the Vietnamese-only letters).
bool IsVietnameseLetter(unsigned char b) {
  switch (b) {
    case 0xC0: case 0xC1: case 0xC2: case 0xC8: case 0xC9: case 0xCA: case 0xCD: case 0xD3:
    case 0xD4: case 0xD9: case 0xDA: case 0xE0: case 0xE1: case 0xE2: case 0xE8: case 0xE9:
    case 0xEA: case 0xED: case 0xF3: case 0xF4: case 0xF9: case 0xFA:
      return true;
    default:
      return IsVietnameseOnly(b);
  }
}

bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

}  // namespace

char32_t Windows1258CodePoint(unsigned char b) {
  return b < 0x80 ? b : kWindows1258High[b - 0x80];
}

std::string Windows1258ToUtf8(std::string_view bytes, int* replaced) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  int bad = 0;
  for (char c : bytes) {
    char32_t cp = Windows1258CodePoint(static_cast<unsigned char>(c));
    if (cp == 0 && c != '\0') {
      cp = kReplacement;
      ++bad;
    }
    AppendUtf8(cp, &out);
  }
  if (replaced != nullptr) *replaced = bad;
  return out;
}

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian, int* replaced) {
  std::string out;
  out.reserve(bytes.size());
  int bad = 0;
  auto unit = [&](size_t i) -> char32_t {
    unsigned char a = static_cast<unsigned char>(bytes[i]);
    unsigned char b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (char32_t(a) << 8 | b) : (char32_t(b) << 8 | a);
  };
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 < bytes.size()) {
        char32_t low = unit(i + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), &out);
          i += 2;
          continue;
        }
      }
      u = kReplacement;
      ++bad;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      u = kReplacement;
      ++bad;
    }
    AppendUtf8(u, &out);
  }
  if (i < bytes.size()) {  // a final odd byte
    AppendUtf8(kReplacement, &out);
    ++bad;
  }
  if (replaced != nullptr) *replaced = bad;
  return out;
}

LegacyGuess GuessLegacyEncoding(std::string_view bytes) {
  size_t high = 0, undefined = 0, tcvn_range = 0, vietnamese = 0, only_vietnamese = 0;
  size_t marked = 0;  // tone marks right after a letter
  unsigned char previous = ' ';
  for (char ch : bytes) {
    unsigned char b = static_cast<unsigned char>(ch);
    if (b >= 0x80) {
      ++high;
      if (Windows1258CodePoint(b) == 0) ++undefined;
      if (b >= 0xA0 && b <= 0xBF) ++tcvn_range;
      if (IsVietnameseLetter(b)) ++vietnamese;
      if (IsVietnameseOnly(b)) ++only_vietnamese;
      if (IsToneMark(b) && (IsAsciiLetter(previous) || IsVietnameseLetter(previous))) ++marked;
    }
    previous = b;
  }
  if (high == 0) return LegacyGuess::kWindows1258;  // plain ASCII reads the same everywhere
  if (tcvn_range * 2 >= high) return LegacyGuess::kTcvn3;
  if (undefined > 0) return LegacyGuess::kOther;
  // Vietnamese: tone marks after letters and Vietnamese letters make up most high bytes.
  if (marked + only_vietnamese > 0 && (marked + vietnamese) * 10 >= high * 7) {
    return LegacyGuess::kWindows1258;
  }
  // No Vietnamese at all: windows-1258 and windows-1252 agree on every byte that is
  // neither a tone mark nor a Vietnamese-only letter (quotes, dashes, é, à, ...).
  if (marked + only_vietnamese == 0) {
    for (char ch : bytes) {
      unsigned char b = static_cast<unsigned char>(ch);
      if (IsToneMark(b)) return LegacyGuess::kOther;
    }
    return LegacyGuess::kWindows1258;
  }
  return LegacyGuess::kOther;
}

std::string LegacyGuessName(LegacyGuess guess) {
  switch (guess) {
    case LegacyGuess::kWindows1258: return "windows-1258";
    case LegacyGuess::kTcvn3: return "TCVN3 (ABC)";
    case LegacyGuess::kOther: break;
  }
  return "an 8-bit code page other than windows-1258";
}

}  // namespace claimcheck
