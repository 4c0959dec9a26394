// PhraseSet: a set of word phrases ("thiệt mạng", "more than") matched on whole
// tokens of a tokenised sentence, case-insensitively. Each phrase carries an
// integer payload (which entry it belongs to). Pure and immutable once built.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/number_parser.h"

namespace claimcheck {

struct PhraseMatch {
  size_t first = 0;  // index of the first token
  size_t last = 0;   // one past the last token
  int payload = 0;
};

class PhraseSet {
 public:
  // Adds `phrase` (tokenised like the text) with `payload`. Empty phrases are ignored.
  void Add(std::string_view phrase, int payload);
  bool empty() const { return by_first_.empty(); }

  // The longest phrase that starts at token `i`, if any.
  bool MatchAt(const std::vector<TextToken>& tokens, size_t i, PhraseMatch* out) const;
  // The longest phrase that ends exactly at token `end` (exclusive), if any.
  bool MatchEndingAt(const std::vector<TextToken>& tokens, size_t end, PhraseMatch* out) const;
  // All non-overlapping longest matches within tokens [from, to), left to right.
  std::vector<PhraseMatch> FindAll(const std::vector<TextToken>& tokens, size_t from, size_t to) const;

 private:
  struct Entry {
    std::vector<std::string> words;
    int payload;
  };
  bool Matches(const Entry& e, const std::vector<TextToken>& tokens, size_t i) const;
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
  size_t max_len_ = 0;
};

}  // namespace claimcheck
