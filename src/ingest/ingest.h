// The ingest stage: reads the user's inputs (text and HTML files, directories with
// an optional manifest.json, JSON Lines feeds) and streams them out as Documents with
// valid NFC text and the best metadata available. A bad input becomes a Diagnostic
// and reading goes on. The pure pieces live in document_builder.h, html_to_text.h,
// metadata_detector.h, text_cleanup.h, manifest.h and feed_line.h.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "ingest/document_builder.h"
#include "ingest/ingest_options.h"
#include "model/document.h"

namespace claimcheck {

// Reads every input in the order given and calls `emit` once per good document:
// - a directory: its files recursively, sorted by path (byte order); hidden files and
//   folders, manifest.json and non-text files (not .txt/.text/.html/.htm/.xhtml/
//   .jsonl/.ndjson, nor extension-less and free of NUL bytes) are skipped. A
//   manifest.json supplies url/outlet/language/published for the files it names (a
//   path relative to its own folder, or a base name found below it); the deepest
//   manifest wins. A manifest
//   entry naming a missing file is a warning naming manifest.json, its line and the entry
//   (the file may arrive later).
// - a .jsonl/.ndjson file: one article per line (see feed_line.h); file = the url, or
//   "<feed name>:<line>" without one; path = "<feed path>:<line>". Read line by line.
// - a .html/.htm/.xhtml file: ParseHtmlPage, then DocumentFromText with the page's
//   title, published time, site name (as outlet) and lang.
// - any other file: plain text through DocumentFromText.
// Document.file (the name a document is stored under) is the path below the folder
// read ("outlet_a/story.txt"; a file given on its own: its base name), Document.path
// the path as read. Names are unique within one call: a repeat of the same bytes (a
// folder given twice) is read once with a warning; another input under a taken name
// is an error and is not read (it would replace the first). Files are decoded
// first (DecodeInput: UTF-16 and windows-1258 converted, invalid UTF-8 repaired, NUL
// bytes dropped -- each a warning, the document is kept). Each bad input is an error
// reported to `sink` with its file and line, and reading goes on: missing, unreadable
// or not a regular file; empty; binary data; an unreadable 8-bit encoding; over the
// size limits (IngestOptions); a malformed feed line; a manifest that is not JSON.
// Returns the number of documents emitted.
// REQUIRES: sink != nullptr.
int IngestInputs(const std::vector<std::string>& inputs, const IngestOptions& options,
                 DiagnosticSink* sink, const std::function<void(Document)>& emit);

}  // namespace claimcheck
