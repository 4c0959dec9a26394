// DocumentFromText: the pure core of ingest. Turns one article's raw bytes plus
// whatever metadata a manifest, feed or HTML page supplied into a Document with
// clean NFC text, detected metadata and a content hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "ingest/ingest_options.h"
#include "model/document.h"

namespace claimcheck {

// Builds a Document from `raw` (the bytes as read) and `meta`, whose file, path, url,
// outlet, language, published and title are kept when non-empty (meta.text, id and
// content_hash are ignored). Steps: reject a text over options.max_document_bytes and
// invalid UTF-8 (files are repaired before, see
// input_decoder.h); drop NUL and other control bytes (RepairUtf8); drop a BOM; CRLF/CR -> LF;
// NFC; take a leading " date YYYY-MM[-DD]" token out of the text; cut page clutter
// (options.clutter_markers); tidy blank lines; then fill the empty metadata fields:
// published from the date token, else a dateline (DetectDateline); outlet from a source
// line (DetectOutlet); language (DetectLanguage); title (DetectTitle). Finally
// content_hash = ContentHash(document). Fixed-width spaces become ' ' (NormalizeSpaces).
// On failure returns nullopt and fills `*error` (file = meta.path, the line and column of
// the first invalid byte, or line 0 for an empty text). REQUIRES: error != nullptr.
std::optional<Document> DocumentFromText(std::string_view raw, Document meta,
                                         const IngestOptions& options, Diagnostic* error);

// 16 hex digits of FNV-1a over the text, url, outlet, published, title and language, so
// that a change to any of them is a change to the document.
std::string ContentHash(const Document& document);

// "2.0 MB" (MiB, one decimal; "812 bytes" below 100 KB), for size messages.
std::string Megabytes(uintmax_t bytes);

}  // namespace claimcheck
