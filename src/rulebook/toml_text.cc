#include "rulebook/toml_text.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "base/unicode.h"

namespace claimcheck {

bool CheckTomlIsUtf8(std::string_view text, const std::string& file_name, DiagnosticSink* sink) {
  const std::optional<size_t> bad = FindInvalidUtf8(text);
  if (!bad) return true;
  const size_t newline_before = text.rfind('\n', *bad);
  const size_t line_begin = newline_before == std::string_view::npos ? 0 : newline_before + 1;
  size_t line_end = text.find('\n', *bad);
  if (line_end == std::string_view::npos) line_end = text.size();
  Diagnostic d;
  d.file = file_name;
  d.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_begin), '\n'));
  // The column counts characters of the line as shown (valid text before the byte).
  const std::string before = RepairUtf8(text.substr(line_begin, *bad - line_begin)).text;
  int column = 1;
  for (size_t i = 0; i < before.size(); i += Utf8SequenceLength(before, i)) ++column;
  d.column = column;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
  d.message = std::string("not UTF-8 (byte ") + byte +
              "): rules files are UTF-8 text; save the file as UTF-8 and run again";
  d.source_line = RepairUtf8(text.substr(line_begin, line_end - line_begin)).text;
  sink->Report(std::move(d));
  return false;
}

std::optional<std::string> ReadRulesFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

}  // namespace claimcheck
