// WordVocabulary: every lower-cased word of the lexicon's phrases, numbered
// when the lexicon is compiled. A sentence's tokens are looked up once
// (TextToken::word_id); the phrase sets then compare integers instead of
// strings, and a word that no phrase contains (kUnknownWord) is rejected by
// every set at once. It also holds the parsers' gate words (NumberStartWords,
// DateStartWords, EnglishMonthNames), so that Assign gives every token its
// WordFlag bits and the number and date scanners need no lookup of their own.
// Immutable after compilation, so threads may share it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/number_parser.h"

namespace claimcheck {

class WordVocabulary {
 public:
  // A vocabulary holding the parsers' gate words, with their WordFlag bits.
  WordVocabulary();
  // The id of `word` (lower-cased, as TextToken::lower), numbering it when new.
  int Add(const std::string& word);
  // The id of `word`, or kUnknownWord.
  int Find(const std::string& word) const;
  // Sets word_id of every token to the id of its `lower` (kUnknownWord when
  // absent) and word_flags to the word's WordFlag bits (0 when absent).
  void Assign(std::vector<TextToken>* tokens) const;
  size_t size() const { return size_; }

 private:
  // Open addressing (linear probing, at most half full): Assign looks up every
  // token of every document, and one FNV-1a hash plus a compare of the same
  // length is cheaper than std::unordered_map's hash, modulo and memcmp call.
  struct Slot {
    std::string word;
    int id = kUnknownWord;  // kUnknownWord: empty slot
    uint8_t flags = 0;      // WordFlag bits
  };
  void Flag(const std::vector<std::string>& words, uint8_t flag);  // adds them, with `flag`
  static uint64_t Hash(std::string_view word);
  size_t SlotOf(std::string_view word) const;  // its slot, or the empty slot where it would go
  void Grow();

  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t size_ = 0;
};

}  // namespace claimcheck
