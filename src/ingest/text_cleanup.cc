#include "ingest/text_cleanup.h"

#include <algorithm>

#include "base/strings.h"
#include "base/unicode.h"

namespace claimcheck {

std::string NormalizeLineEnds(std::string_view text) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.find('\r') == std::string_view::npos) return std::string(text);  // most texts: a copy
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

namespace {

// Bytes of the fixed-width space or zero-width character at the start of `rest`
// (U+00A0, U+2007, U+2009, U+202F become ' '; U+200B, U+FEFF are dropped), or 0.
size_t SpecialSpaceLength(std::string_view rest, bool* dropped) {
  *dropped = false;
  switch (static_cast<unsigned char>(rest[0])) {
    case 0xC2:
      return StartsWith(rest, "\xC2\xA0") ? 2 : 0;
    case 0xE2:
      if (StartsWith(rest, "\xE2\x80\x87") || StartsWith(rest, "\xE2\x80\x89") ||
          StartsWith(rest, "\xE2\x80\xAF")) {
        return 3;
      }
      *dropped = StartsWith(rest, "\xE2\x80\x8B");
      return *dropped ? 3 : 0;
    case 0xEF:
      *dropped = StartsWith(rest, "\xEF\xBB\xBF");
      return *dropped ? 3 : 0;
    default:
      return 0;
  }
}

}  // namespace

std::string NormalizeSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;  // text[copied, i) is still to be appended
  size_t i = FindNonAscii(text);
  while (i < text.size()) {
    bool dropped = false;
    size_t length = SpecialSpaceLength(text.substr(i), &dropped);
    if (length > 0) {
      out.append(text.data() + copied, i - copied);
      if (!dropped) out += ' ';
      copied = i + length;
    }
    i = FindNonAscii(text, i + std::max<size_t>(length, 1));
  }
  out.append(text.data() + copied, text.size() - copied);
  return out;
}

std::string TidyLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank_pending = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) newline = text.size();
    std::string_view line = text.substr(start, newline - start);
    start = newline + 1;
    size_t end = line.find_last_not_of(" \t\f\v");
    line = end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
    if (line.empty()) {
      blank_pending = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    out += line;
  }
  return out;
}

std::string CutClutter(std::string_view text, const std::vector<std::string>& markers) {
  if (markers.empty()) return std::string(text);
  std::vector<std::string> lowered;
  for (const std::string& m : markers) lowered.push_back(ToLowerUtf8(Trim(m)));
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    if (!line.empty() && line.size() <= 80) {
      std::string key = ToLowerUtf8(line);
      for (const std::string& m : lowered) {
        if (key == m) return std::string(text.substr(0, start));
      }
    }
    start = end + 1;
  }
  return std::string(text);
}

LineColumn LocateOffset(std::string_view text, size_t offset) {
  LineColumn where;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    bool lone_cr = text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
    if (text[i] == '\n' || lone_cr) {
      ++where.line;
      line_start = i + 1;
    }
  }
  where.column = static_cast<int>(offset - line_start) + 1;
  return where;
}

}  // namespace claimcheck
