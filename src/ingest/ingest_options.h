// IngestOptions: the data that steers ingest (page-clutter markers, source-line
// prefixes), loaded from the plain-text files in rules/ingest/. Plain data; the
// pure ingest functions take it by const reference.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"

namespace claimcheck {

struct IngestOptions {
  // Lines that start page clutter ("Cùng chuyên mục", "Read more"): the text is cut
  // from the first line equal to one of them (after trim, ignoring case). NFC.
  std::vector<std::string> clutter_markers;
  // Prefixes of a source line ("Nguồn:", "Theo", "Source:"); see DetectOutlet. NFC.
  std::vector<std::string> source_prefixes;
  // Size limits, so that one hostile input cannot take the run's time or memory
  // (extraction holds 30 to 150 bytes per byte of a document's text). News articles
  // are tens of kilobytes; bigger inputs are refused with a message naming the limit.
  size_t max_document_bytes = 2u << 20;  // an article's text (DocumentFromText)
  size_t max_file_bytes = 32u << 20;     // a text or HTML file, or one feed line, as read
  // Incremental runs: called (on the reading thread) with each input's raw hash
  // (Document::raw_hash: a feed line as read, or a file's decoded text with its
  // manifest entry) before it is parsed; true skips the input unread (it is stored
  // unchanged, so its earlier warnings are not repeated). Unset: every input is read.
  std::function<bool(const std::string& raw_hash)> skip_unchanged;
};

// Reads clutter_markers.txt and source_prefixes.txt from `rules_dir`/ingest/, or from
// `rules_dir` itself when it has no ingest/ subfolder (so both "rules" and
// "rules/ingest" work). Format: one entry per line, trimmed; blank lines and lines
// starting with '#' are ignored. Errors: a missing file -> kNotFound; invalid UTF-8 or
// a line over 80 bytes -> kInvalidInput whose message starts with "path:line: ".
Result<IngestOptions> LoadIngestOptions(const std::string& rules_dir);

// Parses one list file's contents (the format above); `path` is used in messages only.
Result<std::vector<std::string>> ParseIngestList(std::string_view contents,
                                                 const std::string& path);

}  // namespace claimcheck
