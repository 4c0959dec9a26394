// WordVocabulary: every lower-cased word of the lexicon's phrases, numbered
// when the lexicon is compiled. A sentence's tokens are looked up once
// (TextToken::word_id); the phrase sets then compare integers instead of
// strings, and a word that no phrase contains (kUnknownWord) is rejected by
// every set at once. Immutable after compilation, so threads may share it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/number_parser.h"

namespace claimcheck {

class WordVocabulary {
 public:
  // The id of `word` (lower-cased, as TextToken::lower), numbering it when new.
  int Add(const std::string& word);
  // The id of `word`, or kUnknownWord.
  int Find(const std::string& word) const;
  // Sets word_id of every token to the id of its `lower` (kUnknownWord when absent).
  void Assign(std::vector<TextToken>* tokens) const;
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, int> ids_;
};

}  // namespace claimcheck
