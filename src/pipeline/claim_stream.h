// The claim stream: the line format `claimcheck extract --jsonl` writes and
// `claimcheck ingest-claims` reads. One JSON object per document per line,
// carrying everything needed to rebuild its rows in the store:
//
//   {"file": ..., "path": ..., "url": ..., "outlet": ..., "language": ...,
//    "published": ..., "title": ..., "content_hash": ..., "text": ...,
//    "claims": [{"kind", "metric", "subject", "value", "qualifier", "low", "high",
//                "unit", "date", "as_of", "as_of_inferred", "attributed_to",
//                "quote", "sentence", "span_begin", "span_end", "confidence",
//                "pattern_id"}, ...]}
//
// low/high are null when unbounded. Store ids are never written (they belong to
// the database that loads the stream). The normalised text travels too, because
// the check stage's copy detection reads it. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/claim.h"
#include "model/document.h"

namespace claimcheck {

// One line (no trailing newline) for `doc` and its `claims`.
std::string ClaimStreamLine(const Document& doc, const std::vector<Claim>& claims);

struct ClaimStreamRecord {
  Document doc;               // id 0
  std::vector<Claim> claims;  // ids 0, file = doc.file
};

// Parses one line written by ClaimStreamLine. Returns nullopt and sets `*error`
// to a one-line reason for bad JSON or a missing/ill-typed field.
std::optional<ClaimStreamRecord> ParseClaimStreamLine(std::string_view line, std::string* error);

}  // namespace claimcheck
