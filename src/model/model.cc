#include <array>

#include "base/strings.h"
#include "model/claim.h"
#include "model/conflict.h"
#include "model/copy_memory.h"
#include "model/document.h"

namespace claimcheck {
namespace {

constexpr std::array<std::string_view, 8> kQualifierNames = {
    "exact", "approx", "more_than", "at_least", "nearly", "at_most", "range", "vague"};
constexpr std::array<std::string_view, 3> kSeverityNames = {"conflict", "divergence", "info"};

std::string Bound(const std::optional<double>& v) { return v ? FormatNumber(*v) : "*"; }

}  // namespace

std::string Document::ToString() const {
  return file + " outlet=" + outlet + " published=" + published + " lang=" + language +
         " hash=" + content_hash + " chars=" + std::to_string(text.size());
}

std::string_view ClaimKindName(ClaimKind k) { return k == ClaimKind::kCount ? "count" : "date"; }

std::optional<ClaimKind> ParseClaimKind(std::string_view s) {
  if (s == "count") return ClaimKind::kCount;
  if (s == "date") return ClaimKind::kDate;
  return std::nullopt;
}

std::string_view QualifierName(Qualifier q) { return kQualifierNames[static_cast<size_t>(q)]; }

std::optional<Qualifier> ParseQualifier(std::string_view s) {
  for (size_t i = 0; i < kQualifierNames.size(); ++i) {
    if (kQualifierNames[i] == s) return static_cast<Qualifier>(i);
  }
  return std::nullopt;
}

std::string Claim::ToString() const {
  std::string out(ClaimKindName(kind));
  out += " " + metric + "/" + subject + " ";
  if (kind == ClaimKind::kDate) {
    out += date;
  } else {
    out += FormatNumber(value) + " " + std::string(QualifierName(qualifier)) + " [" + Bound(low) +
           "," + Bound(high) + "]";
    if (!unit.empty()) out += " " + unit;
  }
  if (!as_of.empty()) out += " as_of=" + as_of + (as_of_inferred ? "~" : "");
  if (!attributed_to.empty()) out += " by=" + attributed_to;
  out += " \"" + quote + "\"";
  return out;
}

std::string_view SeverityName(Severity s) { return kSeverityNames[static_cast<size_t>(s)]; }

std::optional<Severity> ParseSeverity(std::string_view s) {
  for (size_t i = 0; i < kSeverityNames.size(); ++i) {
    if (kSeverityNames[i] == s) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

std::string Conflict::ToString() const {
  auto side = [](const ClaimRef& r) {
    return r.claim.file + ":" +
           (r.claim.kind == ClaimKind::kDate ? r.claim.date : FormatNumber(r.claim.value));
  };
  return std::string(SeverityName(severity)) + " " + rule_id + " " + metric + "/" + subject + " " +
         side(a) + " vs " + side(b);
}

std::string CopyMemory::ToString() const {
  return "copies options=" + options + " upto=" + std::to_string(upto) + " digest=" + digest +
         " pairs=" + std::to_string(pairs.size());
}

}  // namespace claimcheck
