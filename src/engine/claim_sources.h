// Internal to the check stage (engine.cc): what the engine knows of each claim's
// document (ClaimInfo, Sources: identity, copy groups, outlet, time) and small
// helpers on claims (Value, ClaimBefore, SameUnit, Hex16).
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "engine/copy_detector.h"
#include "engine/date_point.h"
#include "model/claim.h"
#include "model/conflict.h"
#include "model/document.h"

namespace claimcheck::engine_internal {

// Numbers distinct strings 0, 1, 2, ... in the order they are first seen.
class Interner {
 public:
  int Id(std::string_view key) {
    auto it = ids_.find(key);
    if (it != ids_.end()) return it->second;
    const int id = static_cast<int>(keys_.size());
    keys_.emplace_back(key);
    ids_.emplace(keys_.back(), id);
    return id;
  }
  size_t size() const { return keys_.size(); }
  const std::string& Key(int id) const { return keys_[static_cast<size_t>(id)]; }

 private:
  std::deque<std::string> keys_;  // owns the keys; a deque never moves them
  std::unordered_map<std::string_view, int> ids_;
};

// What the engine knows about each claim's document, computed once per claim. The
// views point into the documents and claims, which outlive the check.
struct ClaimInfo {
  const Document* doc = nullptr;
  std::string_view file;           // the document's file (the claim's own when unknown)
  int document = -1;               // id of the document (by file)
  int source = -1;                 // id of its copy group, else of its document
  int outlet = -1;                 // independent source for truth discovery (see SourceKey)
  std::optional<DatePoint> time;   // as_of, else the publication date
  std::string_view time_text;      // the string `time` was parsed from
  bool time_stated = false;        // as_of given in the text (not inferred)
  int unit = 0;                    // id of the claim's unit; kNoUnit when it has none
};
inline constexpr int kNoUnit = 0;

// What the engine knows about the documents: lookup, identity and copy groups.
class Sources {
 public:
  // Ids (document, source, outlet) are numbered in the order the claims first use them.
  Sources(const std::vector<Document>& documents, const std::vector<std::vector<std::string>>& groups,
          const std::vector<Claim>& claims) {
    std::unordered_map<int64_t, const Document*> by_id;
    std::unordered_map<std::string_view, const Document*> by_file;
    for (const auto& d : documents) {
      if (d.id != 0) by_id[d.id] = &d;  // the last document with an id wins
      by_file.emplace(d.file, &d);      // the first document with a file wins
    }
    std::unordered_map<std::string_view, std::string_view> canonical;  // file -> first file of its copy group
    for (const auto& g : groups) {
      for (const auto& f : g) canonical[f] = g.front();
    }
    Interner document_ids, source_ids, unit_ids;
    Interner& outlet_ids = outlet_ids_;
    unit_ids.Id("");  // kNoUnit
    // Each file's three ids, computed when a claim first names it.
    struct FileIds {
      int document, source, outlet;
    };
    std::unordered_map<std::string_view, FileIds> file_ids;
    auto ids_of_file = [&](std::string_view file) -> const FileIds* {
      auto [ids, added] = file_ids.try_emplace(file);
      if (added) {
        ids->second.document = document_ids.Id(file);
        auto g = canonical.find(file);
        std::string_view first = g == canonical.end() ? file : g->second;
        ids->second.source = source_ids.Id(first);
        // The outlet of the group's first document stands for the whole group.
        auto fd = by_file.find(first);
        ids->second.outlet = outlet_ids.Id(fd != by_file.end() && !fd->second->outlet.empty()
                                               ? "outlet:" + NormalizeSourceName(fd->second->outlet)
                                               : "file:" + std::string(first));
      }
      return &ids->second;  // a map's values stay where they are
    };
    // Per document (by its place in `documents`): its file's ids once looked up, so a
    // claim of a known document costs no string hash.
    std::vector<const FileIds*> ids_of_document(documents.size(), nullptr);
    info_.resize(claims.size());
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      ClaimInfo& in = info_[i];
      if (c.document_id != 0) {
        auto it = by_id.find(c.document_id);
        if (it != by_id.end()) in.doc = it->second;
      }
      if (!in.doc) {
        auto it = by_file.find(c.file);
        if (it != by_file.end()) in.doc = it->second;
      }
      in.file = in.doc ? std::string_view(in.doc->file) : std::string_view(c.file);
      const FileIds* ids = nullptr;
      if (in.doc) {
        const FileIds*& known = ids_of_document[static_cast<size_t>(in.doc - documents.data())];
        if (!known) known = ids_of_file(in.file);
        ids = known;
      } else {
        ids = ids_of_file(in.file);
      }
      in.document = ids->document;
      in.source = ids->source;
      in.outlet = ids->outlet;
      in.unit = unit_ids.Id(c.unit);
      if (!c.as_of.empty()) {
        in.time_text = c.as_of;
        in.time_stated = !c.as_of_inferred;
      } else if (in.doc && !in.doc->published.empty()) {
        in.time_text = in.doc->published;
      }
      if (!in.time_text.empty()) in.time = ParseDatePoint(in.time_text);
    }
  }

  const ClaimInfo& Info(size_t i) const { return info_[i]; }
  size_t outlets() const { return outlet_ids_.size(); }
  // The outlet's key ("outlet:<name>", or "file:<first file of its copy group>" when
  // the document names no outlet): what a row's trust_key_a/b hold.
  const std::string& OutletKey(int outlet) const { return outlet_ids_.Key(outlet); }

  // True when the two claims come from one document or from copies of each other.
  bool SameSource(size_t x, size_t y) const { return info_[x].source == info_[y].source; }

  ClaimRef Ref(const Claim& c, size_t i) const {
    ClaimRef r;
    r.claim = c;
    if (const Document* d = info_[i].doc) {
      if (r.claim.file.empty()) r.claim.file = d->file;
      r.outlet = d->outlet;
      r.published = d->published;
      r.url = d->url;
    }
    return r;
  }

  std::string_view OutletOf(size_t i) const { return info_[i].doc ? std::string_view(info_[i].doc->outlet) : ""; }
  std::string_view LanguageOf(size_t i) const {
    return info_[i].doc ? std::string_view(info_[i].doc->language) : "";
  }
  // The file a conflict names for claim i (its own, else its document's): what Ref() puts in.
  const std::string& RefFile(const Claim& c, size_t i) const {
    return c.file.empty() && info_[i].doc ? info_[i].doc->file : c.file;
  }

 private:
  std::vector<ClaimInfo> info_;
  Interner outlet_ids_;  // ClaimInfo::outlet's keys
};

inline std::string Value(const Claim& c) {
  if (c.kind == ClaimKind::kDate) return c.date;
  auto bound = [](const std::optional<double>& v) { return v ? FormatNumber(*v) : "*"; };
  return FormatNumber(c.value) + std::string(QualifierName(c.qualifier)) + bound(c.low) + bound(c.high);
}

// v as 16 lower-case hex digits, as Hex64 (base/strings.h) writes it, without printf.
inline std::string Hex16(uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = kDigits[v & 0xf];
  return out;
}

inline bool ClaimBefore(const Claim& x, const Claim& y) {
  return std::tie(x.file, x.span_begin, x.quote, x.value, x.date) <
         std::tie(y.file, y.span_begin, y.quote, y.value, y.date);
}

inline bool SameUnit(const Claim& x, const Claim& y) {
  return x.unit.empty() || y.unit.empty() || x.unit == y.unit;
}

}  // namespace claimcheck::engine_internal
