// Helpers for the store tests: hand-built documents, claims and conflicts,
// and temporary database files that clean up after themselves.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/claim.h"
#include "model/conflict.h"
#include "model/document.h"
#include "store/store.h"

namespace claimcheck {

// A document named `file` with outlet "<file>.example" and text `text`;
// content_hash is derived from `text` so different texts differ.
Document MakeDocument(const std::string& file, const std::string& text);

// A count claim "killed/north_korea" of `value` (approx, [value,value]).
Claim MakeClaim(double value, const std::string& quote, size_t span_begin = 0);

// A conflict `id` between two stored claims (ClaimRef outlets left empty so
// the store fills them from the documents).
Conflict MakeConflict(const std::string& id, const Claim& a, const Claim& b);

// A unique path in the temp directory; the file and its -wal/-shm siblings
// are removed when the object dies.
class TempDbPath {
 public:
  TempDbPath();
  ~TempDbPath();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Opens `path` or fails the current test.
std::unique_ptr<Store> OpenOrDie(const std::string& path);

// "<file>#<id>:<value>" for each claim, joined by spaces (ids and values in one line).
std::string Summary(const std::vector<Claim>& claims);

}  // namespace claimcheck
