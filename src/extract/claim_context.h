// Who and when around a claim: the subject that owns a count or an event, the
// source a figure is attributed to, and the time a count held. Pure helpers
// over a SentenceAnalysis.
#pragma once

#include <string>
#include <unordered_set>

#include "extract/compiled_lexicon.h"
#include "extract/document_context.h"
#include "extract/sentence_analysis.h"

namespace claimcheck {

// The subject nearest to token range [first, last) whose type is in `types`:
// one inside the range ("1,500 North Korean troops"), else one right after it
// ("binh sĩ Triều Tiên", or after a possessive marker: "binh sĩ của Nga"), else
// the nearest one before it, else the nearest one after it; "" when the
// sentence names none. `possessives` may be null (then only adjacency counts).
std::string NearestSubject(const SentenceAnalysis& s, size_t first, size_t last,
                           const std::unordered_set<std::string>& types, const PhraseSet* possessives);

// The source of the figure at token `at`: a known source named in the sentence
// (nearest, preferring one before), else the capitalised words after "theo" /
// "according to" or before "cho biết" / "said"; "" when none.
std::string FindAttribution(const SentenceAnalysis& s, size_t at, const CompiledLexicon& lex);

// The time the count at token `at` held: the nearest date before it in the
// sentence that does not start a period ("kể từ tháng 10"), else a date after
// an as-of marker ("tính đến 10/9"); "" when none.
std::string FindAsOf(const SentenceAnalysis& s, size_t at, const CompiledLexicon& lex);

}  // namespace claimcheck
