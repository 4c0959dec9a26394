// Event-date claims: "hai nước đã ký hiệp ước ... hồi tháng 6/2024" ->
// treaty_signed/russia_north_korea 2024-06. Which events exist, and the words
// that reveal them, are data (rules/topics/*.toml, EventEntry).
#pragma once

#include <vector>

#include "extract/compiled_lexicon.h"
#include "extract/document_context.h"
#include "extract/sentence_analysis.h"
#include "model/claim.h"

namespace claimcheck {

// Appends the dated events of sentence `s` to `out`, in text order. Dates and
// event triggers of one clause are paired nearest first (a date after its
// trigger is preferred; a fronted date clause, "Vào tháng 10 năm ngoái, ...",
// may date the next clause); ties go to the event listed first. A date serves
// one event and a trigger one date. A date separated from the trigger by a
// reporting verb ("Ngày 12/11, KCNA đưa tin, ...") is the report's, not the event's.
void FindEventClaims(const SentenceAnalysis& s, const CompiledLexicon& lex, const DocumentContext& doc,
                     std::vector<Claim>* out);

}  // namespace claimcheck
