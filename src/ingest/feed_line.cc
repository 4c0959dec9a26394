#include "ingest/feed_line.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "ingest/metadata_detector.h"

namespace claimcheck {
namespace {

using Json = nlohmann::json;

bool ReadString(const Json& record, const char* key, std::string* out, std::string* error) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *error = std::string("field \"") + key + "\" must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

}  // namespace

std::optional<FeedRecord> ParseFeedLine(std::string_view line, std::string* error) {
  Json record;
  try {
    record = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error& e) {
    *error = "malformed JSON at byte " + std::to_string(e.byte) + " of the line";
    return std::nullopt;
  }
  if (!record.is_object()) {
    *error = "a feed line must be a JSON object";
    return std::nullopt;
  }
  FeedRecord out;
  std::string published;
  if (!ReadString(record, "url", &out.meta.url, error) ||
      !ReadString(record, "outlet", &out.meta.outlet, error) ||
      !ReadString(record, "published", &published, error) ||
      !ReadString(record, "title", &out.meta.title, error) ||
      !ReadString(record, "language", &out.meta.language, error) ||
      !ReadString(record, "text", &out.text, error)) {
    return std::nullopt;
  }
  if (Trim(out.text).empty()) {
    *error = "missing or empty \"text\"";
    return std::nullopt;
  }
  out.meta.published = CanonicalDate(published);
  if (!published.empty() && out.meta.published.empty()) {
    *error = "unreadable \"published\" date \"" + published + "\"";
    return std::nullopt;
  }
  return out;
}

}  // namespace claimcheck
