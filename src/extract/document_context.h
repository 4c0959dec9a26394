// DocumentContext: what the claim finders know about the whole document while
// reading one of its sentences: its topics, the countries it is mostly about
// (the fallback subject) and the reference for relative dates.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "extract/compiled_lexicon.h"
#include "extract/date_parser.h"
#include "model/document.h"

namespace claimcheck {

struct DocumentContext {
  const Document* doc = nullptr;
  std::unordered_set<std::string> topics;    // active topics; empty = none detected
  std::vector<std::string> countries;        // countries named in the text, most frequent first
  DateContext dates;                         // publication date, or the anchor the text gives

  // Whether an entry of `topic` ("" = any) applies to this document.
  bool Allows(const std::string& topic) const {
    return topic.empty() || topics.empty() || topics.count(topic) > 0;
  }
};

// Builds the context of `doc`: topics whose keywords occur at least twice,
// country mentions counted over the text, the date reference. `tokens` are
// TokenizeText(doc.text), looked up in lex.vocabulary.
DocumentContext MakeDocumentContext(const Document& doc, const std::vector<TextToken>& tokens,
                                    const CompiledLexicon& lex);

}  // namespace claimcheck
