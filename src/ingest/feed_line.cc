#include "ingest/feed_line.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "base/unicode.h"
#include "ingest/flat_json.h"
#include "ingest/metadata_detector.h"

namespace claimcheck {
namespace {

using Json = nlohmann::json;

// The string fields of a record, as read (published not yet canonical).
struct RawFields {
  FeedRecord record;
  std::string published;
};

// The field a record key fills, or nullptr for a key the record ignores.
std::string* FieldFor(std::string_view key, RawFields* fields) {
  if (key == "url") return &fields->record.meta.url;
  if (key == "outlet") return &fields->record.meta.outlet;
  if (key == "published") return &fields->published;
  if (key == "title") return &fields->record.meta.title;
  if (key == "language") return &fields->record.meta.language;
  if (key == "text") return &fields->record.text;
  return nullptr;
}

// The fast path: a flat object whose record fields are strings or null. Returns false
// when the line needs the full parser (anything else, including every error).
bool ReadFlat(std::string_view line, RawFields* fields) {
  bool wrong_type = false;
  bool flat = ReadFlatJsonObject(line, [&](const FlatMember& m) {
    std::string* field = FieldFor(m.key, fields);
    if (field == nullptr) return;
    if (m.kind == FlatMember::Kind::kString) {
      *field = std::move(*m.value);  // a repeated key: the last one wins, as in nlohmann::json
    } else if (m.kind == FlatMember::Kind::kNull) {
      field->clear();
    } else {
      wrong_type = true;  // the full parser words the error
    }
  });
  return flat && !wrong_type;
}

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

// The full path: nlohmann::json, with its error messages.
bool ReadWithJsonParser(std::string_view line, RawFields* fields, std::string* error) {
  Json record;
  try {
    record = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error& e) {
    *error = "malformed JSON at byte " + std::to_string(e.byte) + " of the line";
    return false;
  }
  if (!record.is_object()) {
    *error = "a feed line must be a JSON object";
    return false;
  }
  FeedRecord& out = fields->record;
  return ReadString(record, "url", &out.meta.url, error) &&
         ReadString(record, "outlet", &out.meta.outlet, error) &&
         ReadString(record, "published", &fields->published, error) &&
         ReadString(record, "title", &out.meta.title, error) &&
         ReadString(record, "language", &out.meta.language, error) &&
         ReadString(record, "text", &out.text, error);
}

}  // namespace

std::optional<FeedRecord> ParseFeedLine(std::string_view line, std::string* error) {
  RawFields fields;
  if (!ReadFlat(line, &fields)) {
    fields = RawFields();
    if (!ReadWithJsonParser(line, &fields, error)) return std::nullopt;
  }
  FeedRecord& out = fields.record;
  if (Trim(out.text).empty()) {
    *error = "missing or empty \"text\"";
    return std::nullopt;
  }
  out.meta.published = CanonicalDate(fields.published);
  if (!fields.published.empty() && out.meta.published.empty()) {
    *error = "unreadable \"published\" date \"" + fields.published + "\"";
    return std::nullopt;
  }
  return std::move(out);
}

bool PrepareFeedLine(const std::string& file, int number, std::string* line, DiagnosticSink* sink) {
  if (number == 1 && StartsWith(*line, "\xEF\xBB\xBF")) line->erase(0, 3);
  if (!line->empty() && line->back() == '\r') line->pop_back();
  if (Trim(*line).empty()) return false;
  if (!NeedsUtf8Repair(*line)) return true;  // valid UTF-8 without control bytes
  if (std::optional<size_t> bad = FindInvalidUtf8(*line)) {
    Utf8Repair repair = RepairUtf8(*line);
    sink->Report({Diagnostic::Level::kWarning, file, number, static_cast<int>(*bad) + 1,
                  "invalid UTF-8: " + std::to_string(repair.replaced) + " bad byte sequence" +
                      (repair.replaced == 1 ? "" : "s") + " replaced with U+FFFD",
                  ""});
    *line = std::move(repair.text);
  } else if (Utf8Repair repair = RepairUtf8(*line); repair.dropped > 0) {
    sink->Report({Diagnostic::Level::kWarning, file, number, static_cast<int>(repair.first_offset) + 1,
                  std::to_string(repair.dropped) + " NUL or control byte" + (repair.dropped == 1 ? "" : "s") +
                      " dropped",
                  ""});
    *line = std::move(repair.text);
  }
  return true;
}

}  // namespace claimcheck
