// manifest.json: per-directory metadata for the articles in it, a JSON array of
// {file, url, outlet, language, published}. Parsing only; ingest.cc matches entries
// to files. One of the two users of nlohmann_json (with feed_line.cc).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace claimcheck {

struct ManifestEntry {
  int index = 0;          // 1-based position in the array (for messages)
  int line = 0;           // 1-based line of the entry's "file" value in the manifest; 0 if unknown
  std::string file;       // path relative to the manifest's directory, or a base name
  std::string url;
  std::string outlet;
  std::string language;
  std::string published;  // canonical (CanonicalDate); "" when null or absent
};

// Parses the manifest text. Errors go to `sink` naming `path`: unparsable JSON (with the
// line of the error) or a non-array -> no entries; an entry that is not an object, lacks
// a string "file", has a non-string field or an unreadable date -> that entry is
// skipped (or its date dropped). Unknown fields are ignored.
std::vector<ManifestEntry> ParseManifest(std::string_view json, const std::string& path,
                                         DiagnosticSink* sink);

}  // namespace claimcheck
