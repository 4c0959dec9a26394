#include "extract/phrase_set.h"

#include <algorithm>

namespace claimcheck {

void PhraseSet::Add(std::string_view phrase, int payload) {
  std::vector<TextToken> tokens = TokenizeText(phrase);
  if (tokens.empty()) return;
  Entry e;
  e.payload = payload;
  for (const TextToken& t : tokens) e.words.push_back(t.lower);
  max_len_ = std::max(max_len_, e.words.size());
  auto& bucket = by_first_[e.words.front()];
  bucket.push_back(std::move(e));
  // Longest first, so the first match found is the longest.
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

bool PhraseSet::Matches(const Entry& e, const std::vector<TextToken>& tokens, size_t i) const {
  if (i + e.words.size() > tokens.size()) return false;
  for (size_t k = 0; k < e.words.size(); ++k) {
    if (tokens[i + k].lower != e.words[k]) return false;
  }
  return true;
}

bool PhraseSet::MatchAt(const std::vector<TextToken>& tokens, size_t i, PhraseMatch* out) const {
  if (i >= tokens.size()) return false;
  auto it = by_first_.find(tokens[i].lower);
  if (it == by_first_.end()) return false;
  for (const Entry& e : it->second) {
    if (Matches(e, tokens, i)) {
      *out = {i, i + e.words.size(), e.payload};
      return true;
    }
  }
  return false;
}

bool PhraseSet::MatchEndingAt(const std::vector<TextToken>& tokens, size_t end, PhraseMatch* out) const {
  bool found = false;
  size_t lo = end > max_len_ ? end - max_len_ : 0;
  for (size_t start = lo; start < end; ++start) {  // earliest start = longest phrase
    auto it = by_first_.find(tokens[start].lower);
    if (it == by_first_.end()) continue;
    for (const Entry& e : it->second) {
      if (start + e.words.size() == end && Matches(e, tokens, start)) {
        *out = {start, end, e.payload};
        found = true;
        break;
      }
    }
    if (found) break;
  }
  return found;
}

std::vector<PhraseMatch> PhraseSet::FindAll(const std::vector<TextToken>& tokens, size_t from,
                                            size_t to) const {
  std::vector<PhraseMatch> out;
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
