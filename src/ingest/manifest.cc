#include "ingest/manifest.h"

#include <nlohmann/json.hpp>

#include "ingest/metadata_detector.h"
#include "ingest/text_cleanup.h"

namespace claimcheck {
namespace {

using Json = nlohmann::json;

// Reads optional string field `key` into *out; false when it has another type.
bool ReadString(const Json& entry, const char* key, std::string* out) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

// The line of the first `"file": "<name>"` in `json`, for messages; 0 when not found.
int EntryLine(std::string_view json, const std::string& file) {
  std::string quoted = Json(file).dump();
  for (size_t pos = json.find(quoted); pos != std::string_view::npos;
       pos = json.find(quoted, pos + 1)) {
    size_t before = json.find_last_not_of(" \t\r\n", pos == 0 ? 0 : pos - 1);
    if (before != std::string_view::npos && json[before] == ':') {
      return LocateOffset(json, pos).line;
    }
  }
  return 0;
}

std::optional<ManifestEntry> ReadEntry(const Json& item, int index, int line,
                                       const std::string& path, DiagnosticSink* sink) {
  std::string where = "manifest entry " + std::to_string(index);
  if (!item.is_object()) {
    sink->Error(path, line, where + ": not an object");
    return std::nullopt;
  }
  ManifestEntry entry;
  entry.index = index;
  entry.line = line;
  std::string published;
  if (!ReadString(item, "file", &entry.file) || entry.file.empty()) {
    sink->Error(path, line, where + ": \"file\" must be a non-empty string");
    return std::nullopt;
  }
  where += " (\"" + entry.file + "\")";
  if (!ReadString(item, "url", &entry.url) || !ReadString(item, "outlet", &entry.outlet) ||
      !ReadString(item, "language", &entry.language) ||
      !ReadString(item, "published", &published)) {
    sink->Error(path, line, where + ": url, outlet, language and published must be strings or null");
    return std::nullopt;
  }
  entry.published = CanonicalDate(published);
  if (!published.empty() && entry.published.empty()) {
    sink->Warning(path, line, where + ": unreadable date \"" + published + "\" ignored");
  }
  return entry;
}

}  // namespace

std::vector<ManifestEntry> ParseManifest(std::string_view json, const std::string& path,
                                         DiagnosticSink* sink) {
  Json root;
  try {
    root = Json::parse(json.begin(), json.end());
  } catch (const Json::parse_error& e) {
    size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    LineColumn where = LocateOffset(json, offset);
    sink->Report({Diagnostic::Level::kError, path, where.line, where.column,
                  std::string("not valid JSON, so no entry of it is used: ") + e.what(), ""});
    return {};
  }
  if (!root.is_array()) {
    sink->Error(path, 1, "manifest must be a JSON array of entries");
    return {};
  }
  std::vector<ManifestEntry> entries;
  int index = 0;
  for (const Json& item : root) {
    auto file = item.is_object() ? item.find("file") : item.end();
    int line = (file != item.end() && file->is_string())
                   ? EntryLine(json, file->get<std::string>())
                   : 0;
    if (auto entry = ReadEntry(item, ++index, line, path, sink)) entries.push_back(*entry);
  }
  return entries;
}

}  // namespace claimcheck
