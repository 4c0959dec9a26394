// One line of a JSON Lines news feed: {"url", "outlet", "published", "title", "text",
// "language"}, all strings (or null) except that "text" is required. Parsing only;
// ingest.cc reads the feed line by line and builds the Documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "model/document.h"

namespace claimcheck {

struct FeedRecord {
  Document meta;     // url, outlet, published (canonical), title, language; file/path unset
  std::string text;  // the raw article text
};

// Makes one raw feed line ready to parse, the same way for `run` and for the
// `extract --jsonl` filter: a first-line (number 1) UTF-8 BOM and a trailing CR
// removed; invalid UTF-8 replaced with U+FFFD, or else NUL and control bytes
// dropped, each reported to `sink` as a warning at file:number:column. Returns
// false for a blank line (nothing to read, nothing reported).
bool PrepareFeedLine(const std::string& file, int number, std::string* line, DiagnosticSink* sink);

// Parses one feed line. Returns nullopt and sets `*error` to a one-line reason for bad
// JSON, a non-object, a missing or empty "text", or a field of the wrong type.
std::optional<FeedRecord> ParseFeedLine(std::string_view line, std::string* error);

}  // namespace claimcheck
