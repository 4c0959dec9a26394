#include "ingest/document_builder.h"

#include <cstdio>

#include "base/strings.h"
#include "base/unicode.h"
#include "ingest/metadata_detector.h"
#include "ingest/text_cleanup.h"

namespace claimcheck {

std::string Megabytes(uintmax_t bytes) {
  if (bytes < 100 * 1024) return std::to_string(bytes) + " bytes";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

std::optional<Document> DocumentFromText(std::string_view raw, Document meta,
                                         const IngestOptions& options, Diagnostic* error) {
  error->file = meta.path;
  error->level = Diagnostic::Level::kError;
  const bool needs_repair = NeedsUtf8Repair(raw);  // false for almost every text: no repair pass
  if (std::optional<size_t> bad = needs_repair ? FindInvalidUtf8(raw) : std::nullopt) {
    LineColumn where = LocateOffset(raw, *bad);
    error->line = where.line;
    error->column = where.column;
    error->message = "invalid UTF-8 (byte offset " + std::to_string(*bad) + ")";
    return std::nullopt;
  }
  if (raw.size() > options.max_document_bytes) {
    error->line = 0;
    error->message = "text is " + Megabytes(raw.size()) + ", over the " +
                     Megabytes(options.max_document_bytes) + " limit for one document; not processed";
    return std::nullopt;
  }
  std::string repaired;
  if (needs_repair) repaired = RepairUtf8(raw).text;
  std::string_view valid = needs_repair ? std::string_view(repaired) : raw;
  std::string text = NormalizeSpaces(NormalizeNfc(NormalizeLineEnds(valid)));
  std::string token_date = TakeDateToken(&text);
  text = TidyLines(CutClutter(text, options.clutter_markers));
  if (text.empty()) {
    error->line = 0;
    error->message = "empty document (no text after removing page clutter)";
    return std::nullopt;
  }
  Document doc = std::move(meta);
  doc.id = 0;
  for (std::string* field : {&doc.url, &doc.outlet, &doc.language, &doc.published, &doc.title}) {
    *field = FindInvalidUtf8(*field) ? std::string() : NormalizeNfc(Trim(*field));
  }
  if (doc.published.empty()) doc.published = token_date;
  if (doc.published.empty()) doc.published = DetectDateline(text);
  if (doc.outlet.empty()) doc.outlet = DetectOutlet(text, options.source_prefixes);
  if (doc.language.empty()) doc.language = DetectLanguage(text);
  if (doc.title.empty()) doc.title = DetectTitle(text);
  doc.text = std::move(text);
  doc.content_hash = ContentHash(doc);
  return doc;
}

std::string ContentHash(const Document& document) {
  // FNV-1a of text + (kSep + field)..., hashed piece by piece instead of joined.
  const std::string_view kSep = "\x1f";  // unit separator: cannot occur in the fields
  uint64_t h = Fnv1a64(document.text);
  for (const std::string* field : {&document.url, &document.outlet, &document.published,
                                   &document.title, &document.language}) {
    h = Fnv1a64(*field, Fnv1a64(kSep, h));
  }
  return Hex64(h);
}

}  // namespace claimcheck
