// Conflict ids (and a short text per id, such as the stored content hash) held
// compactly while a save compares the found set with the stored one
// (Store::ConflictWriter). The engine writes ids and hashes as 16 lower-case hex
// digits (Hex64): such a text is held as its 64-bit number, 8 bytes instead of
// a heap string in a tree node (about 100 bytes; 850k ids at 100k articles).
// Any other text (an id a caller made up, a hash edited by hand, "") is held as
// text. Lookups are exact either way. Pure: no SQLite.
#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

// The number of a text Hex64 wrote: exactly 16 digits 0-9a-f. Upper case is not
// taken, so the number always turns back into the same text.
std::optional<uint64_t> CanonicalHex64(std::string_view text);

// Positions [0, n) of entries with 64-bit ids, found by the id's hash (linear
// probing, at most half full): one probe or two instead of a binary search's twenty
// over a million ids. An id given twice keeps its first position.
class IdSlots {
 public:
  // id_of(p): the id at position p.
  template <typename IdOf>
  void Build(size_t n, IdOf&& id_of) {
    size_t capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    slots_.assign(capacity, kEmpty);
    shift_ = 64 - std::countr_zero(capacity);
    for (size_t p = 0; p < n; ++p) {
      for (size_t h = Home(id_of(p));; h = (h + 1) & (capacity - 1)) {
        if (slots_[h] == kEmpty) {
          slots_[h] = static_cast<uint32_t>(p);
          break;
        }
        if (id_of(slots_[h]) == id_of(p)) break;
      }
    }
  }
  // The position holding `id`, nullopt when none (or before Build).
  template <typename IdOf>
  std::optional<size_t> Find(uint64_t id, IdOf&& id_of) const {
    if (slots_.empty()) return std::nullopt;
    for (size_t h = Home(id);; h = (h + 1) & (slots_.size() - 1)) {
      if (slots_[h] == kEmpty) return std::nullopt;
      if (id_of(slots_[h]) == id) return slots_[h];
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  size_t Home(uint64_t id) const { return static_cast<size_t>((id * 0x9E3779B97F4A7C15ull) >> shift_); }
  std::vector<uint32_t> slots_;
  int shift_ = 64;
};

// Ids, each with a value, filled with Add, then Seal'ed once; after that each id
// has a position in [0, size()) and the table does not change.
class ConflictIdTable {
 public:
  // Add(id) is for a table of ids alone: its values read as Hex64(0).
  void Add(std::string_view id) { Add(id, kNoValue); }
  // Add(Hex64(id)) without the text.
  void Add(uint64_t id) { numbers_.push_back(Numbers{id, 0}); }
  void Add(std::string_view id, std::string_view value);
  // Sorts by id. An id added more than once keeps one value: the first added in
  // Hex64 form if any, else the first added. Add must not be called after.
  void Seal();
  // The id's position, nullopt when it is not in the table. Only after Seal.
  std::optional<size_t> Find(std::string_view id) const;
  bool Contains(std::string_view id) const { return Find(id).has_value(); }
  std::string IdAt(size_t position) const;
  std::string ValueAt(size_t position) const;
  bool ValueEquals(size_t position, std::string_view value) const;
  size_t size() const { return numbers_.size() + texts_.size(); }

 private:
  static constexpr std::string_view kNoValue = "0000000000000000";
  struct Numbers {  // id and value both in Hex64 form
    uint64_t id;
    uint64_t value;
  };
  struct Texts {  // the rest
    std::string id;
    std::string value;
  };
  std::vector<Numbers> numbers_;  // sorted by id after Seal: positions [0, numbers_.size())
  std::vector<Texts> texts_;      // sorted by id after Seal: the positions after
  IdSlots slots_;                 // after Seal: numbers_ positions by id
};

// The stored active conflicts' row hashes by id (Conflict::core_hash and
// inputs_hash): what CheckOptions::stored compares a check's rows with. Only rows
// whose id and both hashes are in Hex64 form are held (one without a hash can never
// be taken as stored). One entry per id, both hashes beside it, found by hash.
class StoredRowHashes {
 public:
  struct Entry {
    uint64_t id, core, inputs;
  };
  void Add(std::string_view id, std::string_view core, std::string_view inputs);
  // Builds the lookup; an id added twice keeps its first entry. Add must not be called after.
  void Seal();
  // The entry of Hex64(id), nullptr when not held. Only after Seal.
  const Entry* Find(uint64_t id) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  IdSlots slots_;  // after Seal: entries_ positions by id
};

}  // namespace claimcheck
