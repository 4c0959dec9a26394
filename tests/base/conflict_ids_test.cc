// ConflictIdTable: ids and values in Hex64 form held as numbers, any other text
// as text, with exact lookups across both.
#include "model/conflict_ids.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include <string>
#include <vector>

#include "base/strings.h"

namespace claimcheck {
namespace {

TEST(CanonicalHex64, TakesOnlyWhatHex64Writes) {
  struct Case {
    std::string text;
    bool canonical;
  };
  const std::vector<Case> cases = {
      {"0000000000000000", true},   {"00ab34ef56cd7890", true},  {"ffffffffffffffff", true},
      {"00AB34EF56CD7890", false},  {"00ab34ef56cd789", false},  {"00ab34ef56cd78901", false},
      {"00ab34ef56cd789g", false},  {"", false},                 {"c1", false},
  };
  for (const Case& c : cases) {
    std::optional<uint64_t> number = CanonicalHex64(c.text);
    EXPECT_EQ(number.has_value(), c.canonical) << c.text;
    if (number) EXPECT_EQ(Hex64(*number), c.text);
  }
}

TEST(ConflictIdTable, FindsEveryIdItWasGivenAndNoOther) {
  ConflictIdTable table;
  table.Add("00000000000000ff", "1111111111111111");
  table.Add("c2", "2222222222222222");               // an id that is not Hex64
  table.Add("0000000000000001", "");                 // a value that is not Hex64
  table.Add("0000000000000002", "HAND-EDITED");
  table.Add("0000000000000003", "0000000000000003");
  table.Add("c1", "");
  table.Seal();
  ASSERT_EQ(table.size(), 6u);
  std::vector<std::string> ids;
  for (size_t p = 0; p < table.size(); ++p) {
    ids.push_back(table.IdAt(p));
    EXPECT_EQ(table.Find(ids.back()), p) << ids.back();
  }
  // Every position once: the ids in Hex64 form first, then the others.
  EXPECT_EQ(ids, (std::vector<std::string>{"0000000000000003", "00000000000000ff", "0000000000000001",
                                           "0000000000000002", "c1", "c2"}));
  for (std::string absent : {"0000000000000004", "00000000000000FF", "c3", "", "0000000000000001 "}) {
    EXPECT_FALSE(table.Find(absent).has_value()) << absent;
  }
}

TEST(ConflictIdTable, AnIdAddedAsANumberIsItsHex64Text) {
  ConflictIdTable by_number, by_text;
  for (uint64_t id : {uint64_t{0xff}, uint64_t{3}, ~uint64_t{0}, uint64_t{0}, uint64_t{0xff}}) {
    by_number.Add(id);
    by_text.Add(Hex64(id));
  }
  by_number.Seal();
  by_text.Seal();
  ASSERT_EQ(by_number.size(), 4u);
  for (size_t p = 0; p < by_text.size(); ++p) {
    EXPECT_EQ(by_number.IdAt(p), by_text.IdAt(p));
    EXPECT_EQ(by_number.ValueAt(p), by_text.ValueAt(p));
    EXPECT_EQ(by_number.Find(by_text.IdAt(p)), p);
  }
  EXPECT_FALSE(by_number.Find("0000000000000004").has_value());
}

TEST(ConflictIdTable, ComparesValuesExactly) {
  ConflictIdTable table;
  table.Add("00000000000000ff", "1111111111111111");
  table.Add("0000000000000001", "");
  table.Add("0000000000000002", "ABCDEF0123456789");
  table.Seal();
  const size_t ff = *table.Find("00000000000000ff");
  EXPECT_TRUE(table.ValueEquals(ff, "1111111111111111"));
  EXPECT_FALSE(table.ValueEquals(ff, "1111111111111112"));
  EXPECT_FALSE(table.ValueEquals(ff, ""));
  EXPECT_EQ(table.ValueAt(ff), "1111111111111111");
  const size_t one = *table.Find("0000000000000001");
  EXPECT_TRUE(table.ValueEquals(one, ""));
  EXPECT_FALSE(table.ValueEquals(one, "0000000000000000"));
  EXPECT_EQ(table.ValueAt(one), "");
  const size_t two = *table.Find("0000000000000002");
  EXPECT_TRUE(table.ValueEquals(two, "ABCDEF0123456789"));
  EXPECT_FALSE(table.ValueEquals(two, "abcdef0123456789"));  // upper and lower case are different texts
}

TEST(ConflictIdTable, KeepsTheFirstOfARepeatedId) {
  ConflictIdTable table;
  table.Add("00000000000000aa", "1111111111111111");
  table.Add("00000000000000aa", "");                  // would sit among the texts
  table.Add("00000000000000aa", "2222222222222222");
  table.Add("x", "first");
  table.Add("x", "second");
  table.Seal();
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table.ValueAt(*table.Find("00000000000000aa")), "1111111111111111");
  EXPECT_EQ(table.ValueAt(*table.Find("x")), "first");

  ConflictIdTable texts_first;
  texts_first.Add("00000000000000aa", "");
  texts_first.Add("00000000000000aa", "1111111111111111");
  texts_first.Seal();
  ASSERT_EQ(texts_first.size(), 1u);
  // The value in Hex64 form stays, though added second.
  EXPECT_EQ(texts_first.ValueAt(0), "1111111111111111");
}

TEST(ConflictIdTable, IdsAloneReadAsZero) {
  ConflictIdTable table;
  table.Add("00000000000000aa");
  table.Add("c1");
  table.Seal();
  EXPECT_TRUE(table.Contains("00000000000000aa"));
  EXPECT_TRUE(table.Contains("c1"));
  EXPECT_EQ(table.ValueAt(*table.Find("c1")), "0000000000000000");
}

// `n` pseudo-random even ids from `seed` (even: id + 1 is never an id).
std::vector<uint64_t> EvenIds(int n, uint64_t seed) {
  std::vector<uint64_t> ids;
  uint64_t state = seed;
  for (int i = 0; i < n; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    ids.push_back(state & ~uint64_t{1});
  }
  return ids;
}

// Many ids (their positions found by hash): each at its place in id order with its
// value, ids next to them absent.
TEST(ConflictIdTable, FindsEachOfManyIdsAtItsPlaceInIdOrder) {
  ConflictIdTable table;
  const std::vector<uint64_t> ids = EvenIds(50000, 3);
  for (uint64_t id : ids) table.Add(Hex64(id), Hex64(id / 3));
  table.Add("not-hex", "");
  table.Seal();
  std::vector<uint64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  ASSERT_EQ(table.size(), sorted.size() + 1);
  for (size_t k = 0; k < sorted.size(); k += 7) {
    const std::optional<size_t> at = table.Find(Hex64(sorted[k]));
    ASSERT_TRUE(at.has_value()) << k;
    EXPECT_EQ(*at, k);
    EXPECT_EQ(table.IdAt(*at), Hex64(sorted[k]));
    EXPECT_TRUE(table.ValueEquals(*at, Hex64(sorted[k] / 3)));
    EXPECT_FALSE(table.ValueEquals(*at, Hex64(sorted[k] / 3 + 1)));
    EXPECT_FALSE(table.Contains(Hex64(sorted[k] + 1)));
  }
  EXPECT_EQ(table.Find("not-hex"), std::optional<size_t>(sorted.size()));
  ConflictIdTable empty;
  empty.Seal();
  EXPECT_FALSE(empty.Contains("0000000000000001"));
}

// Stored row hashes: each id held with both its hashes, found among many; an id
// with a hash not in Hex64 form is left out; a repeated id keeps its first entry.
TEST(StoredRowHashes, HoldsEachIdWithBothHashes) {
  StoredRowHashes table;
  const std::vector<uint64_t> ids = EvenIds(20000, 5);
  for (uint64_t id : ids) table.Add(Hex64(id), Hex64(id / 3), Hex64(id / 5));
  table.Add(Hex64(ids[0]), Hex64(1), Hex64(2));             // repeated: the first stays
  table.Add("00000000000000aa", "", "0000000000000001");    // no core hash: left out
  table.Add("not-hex", "0000000000000001", "0000000000000001");
  table.Seal();
  EXPECT_EQ(table.size(), ids.size() + 1);
  for (size_t k = 0; k < ids.size(); k += 3) {
    const StoredRowHashes::Entry* e = table.Find(ids[k]);
    ASSERT_NE(e, nullptr) << k;
    EXPECT_EQ(e->id, ids[k]);
    EXPECT_EQ(e->core, ids[k] / 3);
    EXPECT_EQ(e->inputs, ids[k] / 5);
    EXPECT_EQ(table.Find(ids[k] + 1), nullptr);
  }
  EXPECT_EQ(table.Find(0xaa), nullptr);
  StoredRowHashes empty;
  EXPECT_EQ(empty.Find(1), nullptr);
  empty.Seal();
  EXPECT_EQ(empty.Find(1), nullptr);
}

}  // namespace
}  // namespace claimcheck
