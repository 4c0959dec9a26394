// WordTable: a small immutable map from words to values, for the parsers' own
// fixed word lists (month names, number words, the words a date may start
// with). Looked up once or more per token, so it must be cheap: a lookup hashes
// the word once (FNV-1a) and compares only entries of the same length in its
// probe run. (GCC 12's std::unordered_set of up to 20 entries instead compares
// the word with every entry, one memcmp each: that was most of the date gate.)
// Immutable once built, so threads may share one.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimcheck {

template <typename T>
class WordTable {
 public:
  // A table of `entries`; a repeated word keeps its first value.
  WordTable(std::initializer_list<std::pair<std::string_view, T>> entries) {
    for (const auto& [word, value] : entries) pending_.emplace_back(std::string(word), value);
    Build();
  }
  // A table of `words`, each with `value` (a set: Contains).
  WordTable(std::initializer_list<std::string_view> words, T value) {
    for (std::string_view word : words) pending_.emplace_back(std::string(word), value);
    Build();
  }

  explicit WordTable(std::vector<std::pair<std::string, T>> entries) : pending_(std::move(entries)) { Build(); }

  // The value of `word`, or nullptr when it is not in the table.
  const T* Find(std::string_view word) const {
    for (size_t k = Hash(word) & mask_;; k = (k + 1) & mask_) {
      const Slot& s = slots_[k];
      if (!s.used) return nullptr;
      if (s.word.size() == word.size() && s.word == word) return &s.value;
    }
  }
  bool Contains(std::string_view word) const { return Find(word) != nullptr; }
  // The value of `word`, or `absent`.
  T ValueOr(std::string_view word, T absent) const {
    const T* v = Find(word);
    return v ? *v : absent;
  }
  // Every word with its value, in the order given (first occurrences).
  const std::vector<std::pair<std::string, T>>& entries() const { return pending_; }

 private:
  struct Slot {
    std::string word;
    T value{};
    bool used = false;
  };

  static uint64_t Hash(std::string_view word) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
  }

  void Build() {
    size_t capacity = 8;
    while (capacity < pending_.size() * 4) capacity *= 2;  // at most a quarter full: short probe runs
    slots_.assign(capacity, Slot());
    mask_ = capacity - 1;
    std::vector<std::pair<std::string, T>> kept;
    for (auto& [word, value] : pending_) {
      size_t k = Hash(word) & mask_;
      while (slots_[k].used && slots_[k].word != word) k = (k + 1) & mask_;
      if (slots_[k].used) continue;  // repeated: the first value stays
      slots_[k] = Slot{word, value, true};
      kept.emplace_back(word, value);
    }
    pending_ = std::move(kept);
  }

  std::vector<std::pair<std::string, T>> pending_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// A set of words: WordTable with no value to speak of.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : table_(words, true) {}
  explicit WordSet(const std::vector<std::string>& words) : table_(Entries(words)) {}
  bool Contains(std::string_view word) const { return table_.Contains(word); }

 private:
  static std::vector<std::pair<std::string, bool>> Entries(const std::vector<std::string>& words) {
    std::vector<std::pair<std::string, bool>> out;
    for (const std::string& w : words) out.emplace_back(w, true);
    return out;
  }
  WordTable<bool> table_;
};

}  // namespace claimcheck
