#include "ingest/input_decoder.h"

#include <utility>

#include "base/strings.h"
#include "base/unicode.h"
#include "ingest/legacy_encoding.h"
#include "ingest/text_cleanup.h"

namespace claimcheck {
namespace {

constexpr size_t kSampleBytes = 64 * 1024;
// Fewer bad bytes than this never make a file "another encoding": they are repaired.
constexpr int kMinLegacyBytes = 4;

struct Magic {
  std::string_view prefix;
  const char* what;
};

constexpr Magic kMagics[] = {
    {"\x89PNG\r\n\x1A\n", "PNG image"},
    {"\xFF\xD8\xFF", "JPEG image"},
    {"GIF87a", "GIF image"},
    {"GIF89a", "GIF image"},
    {"%PDF-", "PDF document"},
    {"PK\x03\x04", "ZIP archive (or an office document)"},
    {"\x1F\x8B", "gzip archive"},
    {"BZh", "bzip2 archive"},
    {"\xFD" "7zXZ", "xz archive"},
    {"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
    {"\x7F" "ELF", "executable"},
    {std::string_view("SQLite format 3\0", 16), "SQLite database"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "old Microsoft Office document"},
};

// The bytes RepairUtf8 drops: C0 controls other than tab, LF, VT, FF, CR; and DEL.
bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7F;
}

// Counts valid multi-byte UTF-8 sequences and the bytes that start no valid sequence.
void CountUtf8(std::string_view s, size_t* good_multibyte, size_t* bad_bytes) {
  *good_multibyte = 0;
  *bad_bytes = 0;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len > 0 && i + len <= s.size() && !FindInvalidUtf8(s.substr(i, len)).has_value()) {
      ++*good_multibyte;
      i += len;
    } else {
      ++*bad_bytes;
      ++i;
    }
  }
}

Diagnostic Note(Diagnostic::Level level, std::string message, int line = 0, int column = 0) {
  Diagnostic d;
  d.level = level;
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  return d;
}

DecodedInput Refuse(std::string message) {
  DecodedInput out;
  out.diagnostics.push_back(Note(Diagnostic::Level::kError, std::move(message)));
  return out;
}

std::string Plural(size_t n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

std::string BinaryReason(std::string_view sample) {
  sample = sample.substr(0, kSampleBytes);
  for (const Magic& m : kMagics) {
    if (StartsWith(sample, m.prefix)) return m.what;
  }
  size_t controls = 0;
  for (char c : sample) controls += IsControl(static_cast<unsigned char>(c));
  // Text with a few stray NUL bytes stays far below this; random bytes are at ~11%.
  if (controls >= 4 && controls * 20 > sample.size()) {
    return std::to_string(controls * 100 / sample.size()) + "% control bytes";
  }
  return "";
}

std::string DetectUtf16(std::string_view sample, bool* has_bom) {
  *has_bom = true;
  if (StartsWith(sample, "\xFF\xFE")) return "utf-16le";
  if (StartsWith(sample, "\xFE\xFF")) return "utf-16be";
  *has_bom = false;
  sample = sample.substr(0, kSampleBytes);
  if (sample.size() < 16) return "";
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i + 1 < sample.size(); i += 2) {
    even_zero += sample[i] == '\0';
    odd_zero += sample[i + 1] == '\0';
  }
  size_t units = sample.size() / 2;
  if (odd_zero * 10 >= units * 3 && even_zero * 20 <= units) return "utf-16le";
  if (even_zero * 10 >= units * 3 && odd_zero * 20 <= units) return "utf-16be";
  return "";
}

DecodedInput DecodeInput(std::string_view raw) {
  if (raw.empty()) return Refuse("empty file");
  DecodedInput out;
  std::string converted;
  bool bom = false;
  std::string utf16 = DetectUtf16(raw, &bom);
  if (!utf16.empty()) {
    int replaced = 0;
    converted = Utf16ToUtf8(raw.substr(bom ? 2 : 0), utf16 == "utf-16be", &replaced);
    out.encoding = utf16;
    std::string note = std::string("read as ") + (utf16 == "utf-16be" ? "UTF-16BE" : "UTF-16LE") +
                       (bom ? " (byte-order mark)" : " (no byte-order mark; guessed from its zero bytes)");
    if (replaced > 0) {
      note += "; " + Plural(static_cast<size_t>(replaced), "unpaired surrogate") +
              " replaced with U+FFFD";
    }
    out.diagnostics.push_back(Note(Diagnostic::Level::kWarning, note));
  } else {
    if (std::string reason = BinaryReason(raw); !reason.empty()) {
      return Refuse("looks like binary data (" + reason + "); not read");
    }
    if (StartsWith(raw, "\xEF\xBB\xBF")) raw.remove_prefix(3);
    out.encoding = "utf-8";
    if (std::optional<size_t> first_bad = FindInvalidUtf8(raw)) {
      size_t good = 0, bad = 0;
      CountUtf8(raw, &good, &bad);
      bool legacy = false;
      if (bad > good) {
        LegacyGuess guess = GuessLegacyEncoding(raw);
        if (guess == LegacyGuess::kWindows1258) {
          int replaced = 0;
          converted = Windows1258ToUtf8(raw, &replaced);
          out.encoding = "windows-1258";
          out.diagnostics.push_back(
              Note(Diagnostic::Level::kWarning,
                   "not UTF-8: read as windows-1258 (Vietnamese legacy encoding)"));
          legacy = true;
        } else if (bad >= kMinLegacyBytes) {
          return Refuse("not UTF-8 (" + Plural(bad, "invalid byte") + ", " +
                        Plural(good, "valid multi-byte character") + "); suspected encoding: " +
                        LegacyGuessName(guess) + "; convert the file to UTF-8");
        }
      }
      if (!legacy) {
        Utf8Repair repair = RepairUtf8(raw);
        LineColumn where = LocateOffset(raw, *first_bad);
        out.diagnostics.push_back(
            Note(Diagnostic::Level::kWarning,
                 "invalid UTF-8: " + Plural(static_cast<size_t>(repair.replaced), "bad byte sequence") +
                     " replaced with U+FFFD (first at byte offset " + std::to_string(*first_bad) + ")",
                 where.line, where.column));
        converted = std::move(repair.text);  // also dropped the control bytes: count below
      }
    } else {
      converted = std::string(raw);
    }
  }
  // Control bytes: dropped after conversion (their count is taken from the converted text,
  // which still has them unless the UTF-8 repair above already dropped them).
  size_t controls = 0, first_control = std::string::npos;
  std::string_view scan = out.encoding == "utf-8" ? raw : std::string_view(converted);
  for (size_t i = 0; i < scan.size(); ++i) {
    if (IsControl(static_cast<unsigned char>(scan[i]))) {
      if (controls++ == 0) first_control = i;
    }
  }
  Utf8Repair cleaned = RepairUtf8(converted);
  out.text = std::move(cleaned.text);
  if (controls > 0) {
    LineColumn where = out.encoding == "utf-8" ? LocateOffset(raw, first_control) : LineColumn{0, 0};
    out.diagnostics.push_back(Note(Diagnostic::Level::kWarning,
                                   Plural(controls, "NUL or control byte") + " dropped",
                                   where.line, where.column));
  }
  out.ok = true;
  return out;
}

}  // namespace claimcheck
