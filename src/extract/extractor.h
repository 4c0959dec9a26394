// Extractor: the extract stage's entry point. Turns one Document into the
// quantified claims it makes (counts with their intervals, dated events), using
// only the knowledge in the lexicon (rules/lexicon, rules/topics).
//
// Start here to follow a claim: SentenceAnalysis (sentence_analysis.h) reads a
// sentence's numbers, dates, subjects and sources; count_extractor.h decides
// which numbers are counts of which metric; event_extractor.h dates events.
#pragma once

#include <memory>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "extract/compiled_lexicon.h"
#include "model/claim.h"
#include "model/document.h"
#include "rulebook/lexicon.h"

namespace claimcheck {

class Extractor {
 public:
  // Compiles `lexicon` once. Errors (bad event patterns) go to `sink` with file:line.
  static Result<std::unique_ptr<Extractor>> Create(Lexicon lexicon, DiagnosticSink* sink);

  // All claims of `doc`, in text order, with byte spans into doc.text. Pure and
  // thread-safe: several threads may call it on one Extractor.
  // Relative and year-less dates resolve against doc.published, else against the
  // latest date the text writes in full, else against `fallback_reference`
  // (YYYY[-MM[-DD]]; the caller's best guess, e.g. the newest publication date
  // of the batch); claims resolved that way get a lower confidence.
  std::vector<Claim> Extract(const Document& doc, const std::string& fallback_reference = "") const;

  // True when `doc` has no publication date and writes no full date: its
  // relative dates can only be resolved with a fallback reference.
  bool NeedsReference(const Document& doc) const;

  const CompiledLexicon& lexicon() const { return *lexicon_; }

 private:
  explicit Extractor(std::unique_ptr<CompiledLexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  std::unique_ptr<CompiledLexicon> lexicon_;
};

}  // namespace claimcheck
