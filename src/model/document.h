// Document: one article as it flows from ingest to the store. Plain data; the
// text is already valid UTF-8 in NFC, so byte offsets into it are stable.
#pragma once

#include <cstdint>
#include <string>

namespace claimcheck {

struct Document {
  int64_t id = 0;            // store row id; 0 until stored
  std::string file;          // the name it is stored under: the path below the folder read
                             // ("outlet_a/story.txt"), the base name of a file given on its
                             // own, or the url of a feed line ("<feed name>:<line>" without one)
  std::string path;          // where it was read from (for messages); "feed.jsonl:12" for feed lines
  std::string url;           // may be empty
  std::string outlet;        // e.g. "vnexpress.net", "Military Watch"; may be empty
  std::string language;      // "vi", "en" or "" when unknown
  std::string published;     // YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown
  std::string title;         // may be empty
  std::string text;          // NFC-normalised UTF-8 body, page clutter removed
  std::string content_hash;  // 16 hex digits over the normalised text and metadata
  std::string raw_hash;      // 16 hex digits over the bytes it was read from (ingest sets it)

  // One line: "file outlet=... published=... lang=... hash=... chars=N".
  std::string ToString() const;
};

}  // namespace claimcheck
