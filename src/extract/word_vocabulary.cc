#include "extract/word_vocabulary.h"

#include "extract/date_parser.h"

namespace claimcheck {

WordVocabulary::WordVocabulary() {
  Flag(NumberStartWords(), kNumberStartWord);
  Flag(DateStartWords(), kDateStartWord);
  Flag(EnglishMonthNames(), kMonthNameWord);
}

void WordVocabulary::Flag(const std::vector<std::string>& words, uint8_t flag) {
  for (const std::string& w : words) {
    Add(w);
    slots_[SlotOf(w)].flags |= flag;
  }
}

uint64_t WordVocabulary::Hash(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

size_t WordVocabulary::SlotOf(std::string_view word) const {
  size_t mask = slots_.size() - 1;
  size_t k = Hash(word) & mask;
  while (slots_[k].id != kUnknownWord && slots_[k].word != word) k = (k + 1) & mask;
  return k;
}

void WordVocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_ = std::vector<Slot>(old.size() * 2);
  for (Slot& s : old) {
    if (s.id != kUnknownWord) slots_[SlotOf(s.word)] = std::move(s);
  }
}

int WordVocabulary::Add(const std::string& word) {
  size_t k = SlotOf(word);
  if (slots_[k].id != kUnknownWord) return slots_[k].id;
  if ((size_ + 1) * 2 > slots_.size()) {
    Grow();
    k = SlotOf(word);
  }
  slots_[k] = Slot{word, static_cast<int>(size_), 0};
  return static_cast<int>(size_++);
}

int WordVocabulary::Find(const std::string& word) const { return slots_[SlotOf(word)].id; }

void WordVocabulary::Assign(std::vector<TextToken>* tokens) const {
  for (TextToken& t : *tokens) {
    const Slot& s = slots_[SlotOf(t.lower)];
    t.word_id = s.id;
    t.word_flags = s.flags;
  }
}

}  // namespace claimcheck
