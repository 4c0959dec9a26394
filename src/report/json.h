// JSON exports of claims and conflicts: a pretty-printed array, or JSON Lines
// (one compact object per line). Pure; field names match the CSV columns.
// Invalid UTF-8 in text fields is replaced (U+FFFD), never thrown.
#pragma once

#include <string>
#include <vector>

#include "model/claim.h"
#include "model/conflict.h"

namespace claimcheck {

// Claim object: {id, document_id, file, metric, subject, kind, value, qualifier,
// low, high, unit, date, as_of, as_of_inferred, attributed_to, quote, sentence,
// span_begin, span_end, confidence, pattern_id}. value is null for dates,
// low/high null when unbounded; integral numbers are written without ".0".
std::string ClaimsToJson(const std::vector<Claim>& claims);       // "[...]\n", 2-space indent
std::string ClaimsToJsonLines(const std::vector<Claim>& claims);  // "{...}\n" per claim

// Conflict object: {conflict_id, rule, severity, metric, subject, status, note,
// explanation, explanation_vi, a, b} where a/b are {outlet, published, url, claim}.
std::string ConflictsToJson(const std::vector<Conflict>& conflicts);
std::string ConflictsToJsonLines(const std::vector<Conflict>& conflicts);

}  // namespace claimcheck
