// Count claims: which numbers of a sentence count something the vocabulary
// names ("khoảng 600 binh sĩ Triều Tiên đã thiệt mạng" -> killed/north_korea,
// about 600), with the interval their qualifier allows.
#pragma once

#include <vector>

#include "extract/compiled_lexicon.h"
#include "extract/document_context.h"
#include "extract/sentence_analysis.h"
#include "model/claim.h"

namespace claimcheck {

// Appends the count claims of sentence `s` to `out`. A number becomes a claim
// when a metric's nouns and cues match around it (see MetricEntry); names
// ("Trung đoàn 528"), measures ("170mm"), ages and durations ("80 năm") never do.
void FindCountClaims(const SentenceAnalysis& s, const CompiledLexicon& lex, const DocumentContext& doc,
                     std::vector<Claim>* out);

// Applies the `same_figure` refinements over one document's claims: a count
// whose value the document also gives under the refinement's metric takes that
// metric ("sent 1,500 special forces" beside "another 1,500 troops").
void RelabelSameFigures(const CompiledLexicon& lex, std::vector<Claim>* claims);

// The interval [low, high] a qualifier gives to a stated value (nullopt = unbounded).
void IntervalFor(Qualifier q, double value, std::optional<double> range_high, std::optional<double>* low,
                 std::optional<double>* high);

}  // namespace claimcheck
