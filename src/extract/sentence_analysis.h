// SentenceAnalysis: everything the claim finders need to know about one
// sentence: its tokens, number and date mentions, the subjects and sources it
// names, and its clauses. Built once per sentence, read by count_extractor and
// event_extractor.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/compiled_lexicon.h"
#include "extract/date_parser.h"
#include "extract/number_parser.h"

namespace claimcheck {

struct SubjectMention {
  size_t first = 0, last = 0;  // token range [first, last)
  std::string name;            // canonical subject, e.g. "north_korea", "phong_chau_bridge"
  std::string type;            // country | province | person | structure ...
  bool in_pair = false;        // half of a hyphenated pair ("Triều Tiên-Nga"): names a relation, not an actor
};

struct SourceMention {
  size_t first = 0, last = 0;
  std::string name;            // canonical source, e.g. "NIS"
};

struct NumberAt {
  NumberMention number;
  size_t first = 0, last = 0;  // token range covered by the number
};

struct DateAt {
  DateMention date;
  size_t first = 0, last = 0;
};

struct SentenceAnalysis {
  std::string_view text;         // the sentence
  size_t offset = 0;             // its byte offset in the document text
  std::vector<TextToken> tokens; // spans relative to `text`
  std::vector<int> clause_of;    // clause index of each token
  std::vector<SubjectMention> subjects;
  std::vector<SourceMention> sources;
  std::vector<NumberAt> numbers; // not overlapping any date
  std::vector<DateAt> dates;

  // Index of the first token whose begin >= byte (tokens.size() when none).
  size_t TokenAtOrAfter(size_t byte) const;
  // Whether the sentence has a number or a date: no claim comes from one without.
  bool HasFigures() const { return !numbers.empty() || !dates.empty(); }
};

// Analyses `sentence` (which starts at `offset` in its document). `tokens` are
// TokenizeText(sentence), looked up in lex.vocabulary. A sentence without
// figures (!HasFigures()) is left at that: its subjects, sources and clauses
// are not looked for.
SentenceAnalysis AnalyseSentence(std::string_view sentence, size_t offset, std::vector<TextToken> tokens,
                                 const CompiledLexicon& lex, const DateContext& dates);

}  // namespace claimcheck
