#include "model/conflict_ids.h"

#include <algorithm>

#include "base/strings.h"

namespace claimcheck {

std::optional<uint64_t> CanonicalHex64(std::string_view text) {
  if (text.size() != 16) return std::nullopt;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  return ParseHex64(text);
}

void ConflictIdTable::Add(std::string_view id, std::string_view value) {
  std::optional<uint64_t> id_number = CanonicalHex64(id);
  std::optional<uint64_t> value_number = CanonicalHex64(value);
  if (id_number && value_number) {
    numbers_.push_back(Numbers{*id_number, *value_number});
  } else {
    texts_.push_back(Texts{std::string(id), std::string(value)});
  }
}

void ConflictIdTable::Seal() {
  // An id added twice can sit in both vectors (once with a Hex64 value, once
  // with another): the number stays. (SaveConflicts may be given an id twice;
  // the engine's ids and the stored ones are unique.)
  std::stable_sort(numbers_.begin(), numbers_.end(), [](const Numbers& x, const Numbers& y) { return x.id < y.id; });
  numbers_.erase(std::unique(numbers_.begin(), numbers_.end(),
                             [](const Numbers& x, const Numbers& y) { return x.id == y.id; }),
                 numbers_.end());
  numbers_.shrink_to_fit();
  std::stable_sort(texts_.begin(), texts_.end(), [](const Texts& x, const Texts& y) { return x.id < y.id; });
  texts_.erase(std::unique(texts_.begin(), texts_.end(), [](const Texts& x, const Texts& y) { return x.id == y.id; }),
               texts_.end());
  std::vector<Texts> kept;
  for (Texts& t : texts_) {
    std::optional<uint64_t> number = CanonicalHex64(t.id);
    if (!number || !std::binary_search(numbers_.begin(), numbers_.end(), Numbers{*number, 0},
                                       [](const Numbers& x, const Numbers& y) { return x.id < y.id; })) {
      kept.push_back(std::move(t));
    }
  }
  texts_ = std::move(kept);
  slots_.Build(numbers_.size(), [&](size_t p) { return numbers_[p].id; });
}

std::optional<size_t> ConflictIdTable::Find(std::string_view id) const {
  if (std::optional<uint64_t> number = CanonicalHex64(id)) {
    if (std::optional<size_t> position = slots_.Find(*number, [&](size_t p) { return numbers_[p].id; })) {
      return position;
    }
  }
  auto it = std::lower_bound(texts_.begin(), texts_.end(), id, [](const Texts& x, std::string_view y) { return x.id < y; });
  if (it == texts_.end() || it->id != id) return std::nullopt;
  return numbers_.size() + static_cast<size_t>(it - texts_.begin());
}

std::string ConflictIdTable::IdAt(size_t position) const {
  if (position < numbers_.size()) return Hex64(numbers_[position].id);
  return texts_.at(position - numbers_.size()).id;
}

std::string ConflictIdTable::ValueAt(size_t position) const {
  if (position < numbers_.size()) return Hex64(numbers_[position].value);
  return texts_.at(position - numbers_.size()).value;
}

bool ConflictIdTable::ValueEquals(size_t position, std::string_view value) const {
  if (position < numbers_.size()) {
    std::optional<uint64_t> number = CanonicalHex64(value);
    return number && *number == numbers_[position].value;
  }
  return texts_.at(position - numbers_.size()).value == value;
}

void StoredRowHashes::Add(std::string_view id, std::string_view core, std::string_view inputs) {
  std::optional<uint64_t> i = CanonicalHex64(id), c = CanonicalHex64(core), n = CanonicalHex64(inputs);
  if (i && c && n) entries_.push_back(Entry{*i, *c, *n});
}

void StoredRowHashes::Seal() {
  slots_.Build(entries_.size(), [&](size_t p) { return entries_[p].id; });
}

const StoredRowHashes::Entry* StoredRowHashes::Find(uint64_t id) const {
  const std::optional<size_t> p = slots_.Find(id, [&](size_t q) { return entries_[q].id; });
  return p ? &entries_[*p] : nullptr;
}

}  // namespace claimcheck
