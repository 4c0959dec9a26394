// PhraseSet: a set of word phrases ("thiệt mạng", "more than") matched on whole
// tokens of a tokenised sentence, case-insensitively. Each phrase carries an
// integer payload (which entry it belongs to). Pure and immutable once built.
// Words are compared as ids of a WordVocabulary shared by all the sets of a
// lexicon: tokens looked up in that vocabulary (WordVocabulary::Assign) match
// without any string comparison; other tokens are looked up on the fly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/number_parser.h"
#include "extract/word_vocabulary.h"

namespace claimcheck {

struct PhraseMatch {
  size_t first = 0;  // index of the first token
  size_t last = 0;   // one past the last token
  int payload = 0;
};

class PhraseSet {
 public:
  // Adds `phrase` (tokenised like the text) with `payload`, numbering its words
  // in `vocabulary` (which must outlive the set and be the same for every Add).
  // Empty phrases are ignored.
  void Add(std::string_view phrase, int payload, WordVocabulary* vocabulary);
  bool empty() const { return first_words_.empty(); }

  // The longest phrase that starts at token `i`, if any. Inline: most tokens
  // start no phrase of a set, and a bit test says so without a call.
  bool MatchAt(const std::vector<TextToken>& tokens, size_t i, PhraseMatch* out) const {
    return i < tokens.size() && MayStart(IdOf(tokens[i])) && LongestAt(tokens, i, out);
  }
  // The longest phrase that ends exactly at token `end` (exclusive), if any.
  bool MatchEndingAt(const std::vector<TextToken>& tokens, size_t end, PhraseMatch* out) const;
  // All non-overlapping longest matches within tokens [from, to), left to right.
  std::vector<PhraseMatch> FindAll(const std::vector<TextToken>& tokens, size_t from, size_t to) const;
  // Whether FindAll(tokens, from, to) is not empty, without building it.
  bool AnyIn(const std::vector<TextToken>& tokens, size_t from, size_t to) const;

 private:
  struct Entry {
    std::vector<int> words;  // vocabulary ids
    int payload;
  };
  int IdOf(const TextToken& t) const {
    return t.word_id != kWordNotLookedUp ? t.word_id : FindId(t);
  }
  int FindId(const TextToken& t) const;  // IdOf for a token not looked up (nor in an empty set)
  // Whether some phrase starts with word `id`: its bit in first_bits_.
  bool MayStart(int id) const {
    size_t word = static_cast<size_t>(id);
    return id >= 0 && word / 64 < first_bits_.size() && (first_bits_[word / 64] >> (word % 64) & 1);
  }
  // MatchAt once MayStart said yes.
  bool LongestAt(const std::vector<TextToken>& tokens, size_t i, PhraseMatch* out) const;
  // The phrases whose first word is `id`, longest first; nullptr when none.
  const std::vector<Entry>* Starting(int id) const;
  bool Matches(const Entry& e, const std::vector<TextToken>& tokens, size_t i) const;

  std::vector<int> first_words_;             // sorted ids of the phrases' first words
  std::vector<uint64_t> first_bits_;         // the same as a bit set, to reject most words at once
  std::vector<std::vector<Entry>> buckets_;  // parallel to first_words_
  const WordVocabulary* vocabulary_ = nullptr;
  size_t max_len_ = 0;
};

}  // namespace claimcheck
