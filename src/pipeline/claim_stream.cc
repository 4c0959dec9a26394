#include "pipeline/claim_stream.h"

#include <nlohmann/json.hpp>

namespace claimcheck {
namespace {

using nlohmann::json;

json OptionalNumber(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Reads `key` of `object` into `*out`, checking its type. Throws json::exception
// (type_error) on a wrong type; a missing key leaves `*out` as it is.
template <typename T>
void Read(const json& object, const char* key, T* out) {
  auto it = object.find(key);
  if (it != object.end() && !it->is_null()) *out = it->get<T>();
}

std::optional<double> ReadOptionalNumber(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}

}  // namespace

std::string ClaimStreamLine(const Document& doc, const std::vector<Claim>& claims) {
  json claims_json = json::array();
  for (const Claim& c : claims) {
    claims_json.push_back({
        {"kind", ClaimKindName(c.kind)},
        {"metric", c.metric},
        {"subject", c.subject},
        {"value", c.value},
        {"qualifier", QualifierName(c.qualifier)},
        {"low", OptionalNumber(c.low)},
        {"high", OptionalNumber(c.high)},
        {"unit", c.unit},
        {"date", c.date},
        {"as_of", c.as_of},
        {"as_of_inferred", c.as_of_inferred},
        {"attributed_to", c.attributed_to},
        {"quote", c.quote},
        {"sentence", c.sentence},
        {"span_begin", c.span_begin},
        {"span_end", c.span_end},
        {"confidence", c.confidence},
        {"pattern_id", c.pattern_id},
    });
  }
  json line = {
      {"file", doc.file},         {"path", doc.path},
      {"url", doc.url},           {"outlet", doc.outlet},
      {"language", doc.language}, {"published", doc.published},
      {"title", doc.title},       {"content_hash", doc.content_hash},
      {"text", doc.text},         {"claims", std::move(claims_json)},
  };
  return line.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<ClaimStreamRecord> ParseClaimStreamLine(std::string_view line, std::string* error) {
  json parsed = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    *error = "not valid JSON";
    return std::nullopt;
  }
  if (!parsed.is_object()) {
    *error = "not a JSON object";
    return std::nullopt;
  }
  ClaimStreamRecord record;
  try {
    Document& d = record.doc;
    Read(parsed, "file", &d.file);
    Read(parsed, "path", &d.path);
    Read(parsed, "url", &d.url);
    Read(parsed, "outlet", &d.outlet);
    Read(parsed, "language", &d.language);
    Read(parsed, "published", &d.published);
    Read(parsed, "title", &d.title);
    Read(parsed, "content_hash", &d.content_hash);
    Read(parsed, "text", &d.text);
    if (d.file.empty() || d.content_hash.empty()) {
      *error = "\"file\" and \"content_hash\" are required";
      return std::nullopt;
    }
    auto claims = parsed.find("claims");
    if (claims != parsed.end() && !claims->is_null()) {
      if (!claims->is_array()) {
        *error = "\"claims\" is not an array";
        return std::nullopt;
      }
      for (const json& cj : *claims) {
        if (!cj.is_object()) {
          *error = "a claim is not a JSON object";
          return std::nullopt;
        }
        Claim c;
        c.file = d.file;
        std::string kind, qualifier;
        Read(cj, "kind", &kind);
        Read(cj, "qualifier", &qualifier);
        std::optional<ClaimKind> k = ParseClaimKind(kind);
        std::optional<Qualifier> q = ParseQualifier(qualifier);
        if (!k || !q) {
          *error = "a claim has an unknown kind or qualifier (\"" + kind + "\", \"" + qualifier + "\")";
          return std::nullopt;
        }
        c.kind = *k;
        c.qualifier = *q;
        Read(cj, "metric", &c.metric);
        Read(cj, "subject", &c.subject);
        Read(cj, "value", &c.value);
        c.low = ReadOptionalNumber(cj, "low");
        c.high = ReadOptionalNumber(cj, "high");
        Read(cj, "unit", &c.unit);
        Read(cj, "date", &c.date);
        Read(cj, "as_of", &c.as_of);
        Read(cj, "as_of_inferred", &c.as_of_inferred);
        Read(cj, "attributed_to", &c.attributed_to);
        Read(cj, "quote", &c.quote);
        Read(cj, "sentence", &c.sentence);
        Read(cj, "span_begin", &c.span_begin);
        Read(cj, "span_end", &c.span_end);
        Read(cj, "confidence", &c.confidence);
        Read(cj, "pattern_id", &c.pattern_id);
        record.claims.push_back(std::move(c));
      }
    }
  } catch (const nlohmann::json::exception& e) {
    *error = std::string("a field has the wrong type: ") + e.what();
    return std::nullopt;
  }
  return record;
}

}  // namespace claimcheck
