// Copy detection: which documents are the same article (republished, or the
// same page captured with and without its chrome). Claims from copies count as
// one source, so the engine never compares them with each other. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// Groups of document files (each group size >= 2, files sorted, groups sorted by
// their first file) that are one source, closed transitively (union-find): texts that
// are copies, and (with credit_prefixes) documents crediting the same original source,
// each joined by the one document whose outlet is that source when exactly one is.
// Documents sharing a file name are treated as one document.
// Exact, and near-linear on real archives: pairs are found by prefix filtering (each
// text probes only its rarest shingles, as many as a copy must share, against the texts
// at least as large), never by comparing every pair.
std::vector<std::vector<std::string>> FindCopyGroups(const std::vector<Document>& documents,
                                                     const CopyOptions& options);

}  // namespace claimcheck
