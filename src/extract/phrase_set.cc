#include "extract/phrase_set.h"

#include <algorithm>

namespace claimcheck {

void PhraseSet::Add(std::string_view phrase, int payload, WordVocabulary* vocabulary) {
  std::vector<TextToken> tokens = TokenizeText(phrase);
  if (tokens.empty()) return;
  vocabulary_ = vocabulary;
  Entry e;
  e.payload = payload;
  for (const TextToken& t : tokens) e.words.push_back(vocabulary->Add(t.lower));
  max_len_ = std::max(max_len_, e.words.size());
  size_t word = static_cast<size_t>(e.words.front());
  if (first_bits_.size() <= word / 64) first_bits_.resize(word / 64 + 1, 0);
  first_bits_[word / 64] |= uint64_t{1} << (word % 64);
  auto pos = std::lower_bound(first_words_.begin(), first_words_.end(), e.words.front());
  size_t k = static_cast<size_t>(pos - first_words_.begin());
  if (pos == first_words_.end() || *pos != e.words.front()) {
    first_words_.insert(pos, e.words.front());
    buckets_.insert(buckets_.begin() + static_cast<std::ptrdiff_t>(k), std::vector<Entry>());
  }
  std::vector<Entry>& bucket = buckets_[k];
  bucket.push_back(std::move(e));
  // Longest first, so the first match found is the longest.
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

int PhraseSet::FindId(const TextToken& t) const {
  return vocabulary_ ? vocabulary_->Find(t.lower) : kUnknownWord;
}

const std::vector<PhraseSet::Entry>* PhraseSet::Starting(int id) const {
  if (!MayStart(id)) return nullptr;
  auto pos = std::lower_bound(first_words_.begin(), first_words_.end(), id);
  if (pos == first_words_.end() || *pos != id) return nullptr;
  return &buckets_[static_cast<size_t>(pos - first_words_.begin())];
}

bool PhraseSet::Matches(const Entry& e, const std::vector<TextToken>& tokens, size_t i) const {
  if (i + e.words.size() > tokens.size()) return false;
  for (size_t k = 1; k < e.words.size(); ++k) {  // the first word is the bucket's
    if (IdOf(tokens[i + k]) != e.words[k]) return false;
  }
  return true;
}

bool PhraseSet::LongestAt(const std::vector<TextToken>& tokens, size_t i, PhraseMatch* out) const {
  const std::vector<Entry>* bucket = Starting(IdOf(tokens[i]));
  if (!bucket) return false;
  for (const Entry& e : *bucket) {
    if (Matches(e, tokens, i)) {
      *out = {i, i + e.words.size(), e.payload};
      return true;
    }
  }
  return false;
}

bool PhraseSet::MatchEndingAt(const std::vector<TextToken>& tokens, size_t end, PhraseMatch* out) const {
  if (first_words_.empty()) return false;
  size_t lo = end > max_len_ ? end - max_len_ : 0;
  for (size_t start = lo; start < end; ++start) {  // earliest start = longest phrase
    if (!MayStart(IdOf(tokens[start]))) continue;
    const std::vector<Entry>* bucket = Starting(IdOf(tokens[start]));
    if (!bucket) continue;
    for (const Entry& e : *bucket) {
      if (start + e.words.size() == end && Matches(e, tokens, start)) {
        *out = {start, end, e.payload};
        return true;
      }
    }
  }
  return false;
}

std::vector<PhraseMatch> PhraseSet::FindAll(const std::vector<TextToken>& tokens, size_t from,
                                            size_t to) const {
  std::vector<PhraseMatch> out;
  if (first_words_.empty()) return out;
  to = std::min(to, tokens.size());
  for (size_t i = from; i < to;) {
    PhraseMatch m;
    if (MatchAt(tokens, i, &m) && m.last <= to) {
      out.push_back(m);
      i = m.last;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace claimcheck

namespace claimcheck {

bool PhraseSet::AnyIn(const std::vector<TextToken>& tokens, size_t from, size_t to) const {
  if (first_words_.empty()) return false;
  to = std::min(to, tokens.size());
  // FindAll's first match is at the first token whose longest match ends by `to`.
  for (size_t i = from; i < to; ++i) {
    PhraseMatch m;
    if (MatchAt(tokens, i, &m) && m.last <= to) return true;
  }
  return false;
}

}  // namespace claimcheck
