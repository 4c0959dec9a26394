// CopyMemory: the text copies an earlier check found, kept so that the next check
// over the same documents (unchanged) and more joins only the new documents with the
// others: a pair of texts is judged on the two texts alone, so the pairs among the old
// ones stand. Written by the engine (FindCopyGroups), kept by the store. Plain data.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace claimcheck {

struct CopyMemory {
  std::string options;  // the copy options that decide a pair (CopyOptionsKey); empty: no memory
  int64_t upto = 0;     // it covers the documents with an id up to this one ...
  std::string digest;   // ... whose (id, file, content hash) digest this is (DocumentsDigest)
  // Files joined as copies by their text (not by credit lines): a spanning forest of
  // the groups, each pair (smaller file, larger file), sorted.
  std::vector<std::pair<std::string, std::string>> pairs;

  // "copies options=... upto=N digest=... pairs=K"
  std::string ToString() const;
};

}  // namespace claimcheck
