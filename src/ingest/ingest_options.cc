#include "ingest/ingest_options.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "base/unicode.h"

namespace claimcheck {
namespace {

constexpr size_t kMaxEntryBytes = 80;

Result<std::vector<std::string>> LoadList(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return ParseIngestList(buffer.str(), path.string());
}

}  // namespace

Result<std::vector<std::string>> ParseIngestList(std::string_view contents,
                                                 const std::string& path) {
  std::vector<std::string> entries;
  std::vector<std::string> lines = Split(contents, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string where = path + ":" + std::to_string(i + 1) + ": ";
    if (FindInvalidUtf8(lines[i])) return Status::InvalidInput(where + "invalid UTF-8");
    std::string_view line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    if (line.size() > kMaxEntryBytes) {
      return Status::InvalidInput(where + "entry longer than " + std::to_string(kMaxEntryBytes) +
                                  " bytes");
    }
    entries.push_back(NormalizeNfc(line));
  }
  return entries;
}

Result<IngestOptions> LoadIngestOptions(const std::string& rules_dir) {
  std::filesystem::path dir(rules_dir);
  std::error_code ec;
  if (std::filesystem::is_directory(dir / "ingest", ec)) dir /= "ingest";
  Result<std::vector<std::string>> markers = LoadList(dir / "clutter_markers.txt");
  if (!markers.ok()) return markers.status();
  Result<std::vector<std::string>> prefixes = LoadList(dir / "source_prefixes.txt");
  if (!prefixes.ok()) return prefixes.status();
  IngestOptions options;
  options.clutter_markers = std::move(*markers);
  options.source_prefixes = std::move(*prefixes);
  return options;
}

}  // namespace claimcheck
