#include "report/json.h"

#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

namespace claimcheck {
namespace {

using json = nlohmann::ordered_json;  // keys stay in the documented order

// Integral values as integers ("600", not "600.0"); NaN/inf as null.
json Number(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 9.0e15) return static_cast<int64_t>(v);
  return v;
}

json Optional(const std::optional<double>& v) { return v ? Number(*v) : json(nullptr); }

json ClaimObject(const Claim& c) {
  const bool is_date = c.kind == ClaimKind::kDate;
  json o = json::object();
  o["id"] = c.id;
  o["document_id"] = c.document_id;
  o["file"] = c.file;
  o["metric"] = c.metric;
  o["subject"] = c.subject;
  o["kind"] = std::string(ClaimKindName(c.kind));
  o["value"] = is_date ? json(nullptr) : Number(c.value);
  o["qualifier"] = std::string(QualifierName(c.qualifier));
  o["low"] = Optional(c.low);
  o["high"] = Optional(c.high);
  o["unit"] = c.unit;
  o["date"] = is_date ? c.date : "";
  o["as_of"] = c.as_of;
  o["as_of_inferred"] = c.as_of_inferred;
  o["attributed_to"] = c.attributed_to;
  o["quote"] = c.quote;
  o["sentence"] = c.sentence;
  o["span_begin"] = c.span_begin;
  o["span_end"] = c.span_end;
  o["confidence"] = Number(c.confidence);
  o["pattern_id"] = c.pattern_id;
  return o;
}

json SideObject(const ClaimRef& r) {
  json o = json::object();
  o["outlet"] = r.outlet;
  o["published"] = r.published;
  o["url"] = r.url;
  o["claim"] = ClaimObject(r.claim);
  return o;
}

json ConflictObject(const Conflict& k) {
  json o = json::object();
  o["conflict_id"] = k.id;
  o["rule"] = k.rule_id;
  o["severity"] = std::string(SeverityName(k.severity));
  o["metric"] = k.metric;
  o["subject"] = k.subject;
  o["status"] = k.status;
  o["note"] = k.note;
  o["explanation"] = k.explanation;
  o["explanation_vi"] = k.explanation_vi;
  o["likely_value"] = k.likely_value;
  o["support_a"] = k.support_a;
  o["support_b"] = k.support_b;
  o["trust_a"] = k.trust_a;
  o["trust_b"] = k.trust_b;
  o["series"] = k.series;
  o["a"] = SideObject(k.a);
  o["b"] = SideObject(k.b);
  return o;
}

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

template <typename T, typename F>
std::string ToArray(const std::vector<T>& items, F to_object) {
  json array = json::array();
  for (const T& item : items) array.push_back(to_object(item));
  return Dump(array, 2) + "\n";
}

template <typename T, typename F>
std::string ToLines(const std::vector<T>& items, F to_object) {
  std::string out;
  for (const T& item : items) out += Dump(to_object(item), -1) + "\n";
  return out;
}

}  // namespace

std::string ClaimsToJson(const std::vector<Claim>& claims) { return ToArray(claims, ClaimObject); }
std::string ClaimsToJsonLines(const std::vector<Claim>& claims) {
  return ToLines(claims, ClaimObject);
}
std::string ConflictsToJson(const std::vector<Conflict>& conflicts) {
  return ToArray(conflicts, ConflictObject);
}
std::string ConflictsToJsonLines(const std::vector<Conflict>& conflicts) {
  return ToLines(conflicts, ConflictObject);
}

}  // namespace claimcheck
