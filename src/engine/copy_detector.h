// Copy detection: which documents are the same article (republished, or the
// same page captured with and without its chrome). Claims from copies count as
// one source, so the engine never compares them with each other. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/copy_memory.h"
#include "model/document.h"

namespace claimcheck {

// Hashed word shingles of `text`: lower-cased words (split at ASCII and common
// Unicode punctuation and spaces), every run of `words` consecutive words hashed
// to a feature id below kShingleDimension. Sorted, unique. A text shorter than
// `words` words yields no shingle.
inline constexpr uint32_t kShingleDimension = 1u << 24;
std::vector<uint32_t> Shingles(std::string_view text, int words);

struct CopyOptions {
  double min_similarity = 0.6;  // containment |A∩B| / min(|A|,|B|) at which two texts are copies
  int shingle_words = 5;
  size_t min_shingles = 10;     // a text with fewer shingles is never judged a copy
  // Credit lines ("Nguồn: VnExpress", "Theo Military Watch"): see CreditedSource(). Empty:
  // attribution is not used.
  std::vector<std::string> credit_prefixes;
  // Texts are shingled on up to this many threads (2 at most), and the sets joined on
  // this many (1: the caller's only). The groups do not depend on it.
  int threads = 2;
  // For tests and benchmarks: join the documents a copy memory does not cover with
  // the prefix filter over every document's features (as a full join does) instead
  // of an index of the new documents' features only. The groups are the same.
  bool join_new_by_prefix_filter = false;
};

// A source name as compared between outlets and credit lines: lower-cased, trimmed,
// trailing punctuation dropped; a domain ("www.vnexpress.net") becomes its first
// label ("vnexpress").
std::string NormalizeSourceName(std::string_view name);

// The original source a document credits: the first whole line of the text that has
// at most 6 words and starts with one of `prefixes` (case-insensitive; longest prefix
// first), normalised; "" when there is none. A sentence that merely cites someone
// ("Theo KCNA, hiệp ước ...") is longer and never counts.
std::string CreditedSource(std::string_view text, const std::vector<std::string>& prefixes);

// The copy options that decide whether two texts are copies, and the version of the
// shingles and of the pair test, as one string: a CopyMemory holds for these only.
std::string CopyOptionsKey(const CopyOptions& options);

// A digest of the stored documents with an id in (0, upto]: their ids, files and
// content hashes in id order, and their number ("0123456789abcdef/N").
std::string DocumentsDigest(const std::vector<Document>& documents, int64_t upto);

// What copy detection reads of a document's text: its shingles (Shingles) and the
// source it credits (CreditedSource, when options.credit_prefixes are set).
struct CopyFeatures {
  std::vector<uint32_t> shingles;
  std::string credit;
};
CopyFeatures CopyFeaturesOf(std::string_view text, const CopyOptions& options);

// Groups of document files (each group size >= 2, files sorted, groups sorted by
// their first file) that are one source, closed transitively (union-find): texts that
// are copies, and (with credit_prefixes) documents crediting the same original source,
// each joined by the one document whose outlet is that source when exactly one is.
// Documents sharing a file name are treated as one document.
// Exact, and near-linear on real archives: pairs are found by prefix filtering (each
// text probes only its rarest shingles, as many as a copy must share, against the texts
// at least as large), never by comparing every pair.
//
// `earlier`, when given, is a memory an earlier call made: it is used when its options
// are CopyOptionsKey(options) and the documents it covers (ids up to earlier->upto) are
// here with the digest it recorded. The pairs among those stand (a pair is judged on
// its two texts alone), so only the pairs with a document it does not cover are looked
// for. The groups are the same with or without it. `now`, when given, receives the
// memory of this call: every text copy pair as a spanning forest, over every document;
// empty (no options) when a document has no id or two share a file.
std::vector<std::vector<std::string>> FindCopyGroups(const std::vector<Document>& documents,
                                                     const CopyOptions& options,
                                                     const CopyMemory* earlier = nullptr,
                                                     CopyMemory* now = nullptr);

// FindCopyGroups over each document's features computed beforehand (features[i] is
// CopyFeaturesOf(documents[i].text, options)): the texts are not read, so a caller can
// let each go once its features are taken. The same groups and memory.
std::vector<std::vector<std::string>> FindCopyGroups(const std::vector<Document>& documents,
                                                     std::vector<CopyFeatures>&& features,
                                                     const CopyOptions& options,
                                                     const CopyMemory* earlier = nullptr,
                                                     CopyMemory* now = nullptr);

}  // namespace claimcheck
