#include "extract/word_vocabulary.h"

namespace claimcheck {

int WordVocabulary::Add(const std::string& word) {
  auto [it, inserted] = ids_.emplace(word, static_cast<int>(ids_.size()));
  return it->second;
}

int WordVocabulary::Find(const std::string& word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? kUnknownWord : it->second;
}

void WordVocabulary::Assign(std::vector<TextToken>* tokens) const {
  for (TextToken& t : *tokens) t.word_id = Find(t.lower);
}

}  // namespace claimcheck
