// Sentence segmentation for Vietnamese and English news text that survives
// numbers ("10.000", "1,5 triệu"), dates ("10/01/2026") and abbreviations
// ("TP.", "Mr."). Pure; works on byte offsets of NFC UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace claimcheck {

struct SentenceSpan {
  size_t begin = 0;  // byte offsets in the text; [begin, end) has no leading/trailing space
  size_t end = 0;
  int paragraph = 0; // index of the paragraph (blank-line or line separated block)
};

// Splits `text` into sentences. A sentence ends at a line break, or at . ! ? …
// followed by an upper-case letter, a digit, a quote or the end, unless the
// period sits between digits or follows one of `abbreviations` (case-sensitive,
// without the period) or a single capital letter (an initial).
std::vector<SentenceSpan> SplitSentences(std::string_view text,
                                         const std::unordered_set<std::string>& abbreviations);

}  // namespace claimcheck
