#include "engine/source_support.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

// QuestionSupport::Count's definition, member by member (the reference it is checked
// against).
int IndependentSupport(const SupportInput& input, const std::vector<size_t>& members, size_t side,
                       long other) {
  std::vector<int> sources;  // with repeats
  for (size_t m : members) {
    bool backs = input.value_key[m] == input.value_key[side];
    if (!backs && input.compatible(m, side)) {
      backs = other < 0 || (input.value_key[m] != input.value_key[static_cast<size_t>(other)] &&
                            !input.compatible(m, static_cast<size_t>(other)));
    }
    if (backs) sources.push_back(input.source[m]);
  }
  std::sort(sources.begin(), sources.end());
  return static_cast<int>(std::unique(sources.begin(), sources.end()) - sources.begin());
}

// QuestionSupport must answer exactly what IndependentSupport computes member by member,
// for every side, every other side and -1, when compatibility depends on classes only:
// with the sources as bits of a word (up to 64) and counted one by one (more).
// The second parameter draws the compatibility of every two classes at random (so a
// value's second class can be incompatible with its first) instead of by distance.
class QuestionSupportTest : public testing::TestWithParam<std::tuple<size_t, bool>> {};

TEST_P(QuestionSupportTest, EqualsIndependentSupport) {
  uint64_t state = 11;
  auto next = [&]() { return state = state * 6364136223846793005ull + 1442695040888963407ull, state >> 33; };
  SupportInput input;
  std::vector<int> value_id, class_id;
  std::vector<std::vector<size_t>> members(4);
  const size_t claims = 1000;  // a question of about 200 claims: with 100 sources, more than 64 of them
  input.sources = std::get<0>(GetParam());
  const bool drawn = std::get<1>(GetParam());
  for (size_t i = 0; i < claims; ++i) {
    int question = static_cast<int>(next() % 5) - 1;  // -1: in none
    int value = static_cast<int>(next() % 12);
    input.question.push_back(question);
    input.source.push_back(static_cast<int>(next() % input.sources));
    input.value_key.push_back("v" + std::to_string(value));
    value_id.push_back(value);
    // Several values share a class, and some values span two classes (as one stated
    // figure widened by two rules would).
    class_id.push_back(value / 3 * 2 + (value % 4 == 1 ? static_cast<int>(next() % 2) : 0));
    if (question >= 0) members[static_cast<size_t>(question)].push_back(i);
  }
  std::vector<std::vector<char>> drawn_table(32, std::vector<char>(32));
  for (size_t a = 0; a < 32; ++a) {
    for (size_t b = a; b < 32; ++b) drawn_table[a][b] = drawn_table[b][a] = next() % 5 < 3;
  }
  input.compatible = [&](size_t x, size_t y) {
    if (drawn) return drawn_table[static_cast<size_t>(class_id[x])][static_cast<size_t>(class_id[y])] != 0;
    return std::abs(class_id[x] / 2 - class_id[y] / 2) <= 1 && class_id[x] != 7;
  };
  int checked = 0, nonzero = 0;
  for (const auto& question : members) {
    QuestionSupport support(input, question, value_id, class_id);
    for (size_t side : question) {
      EXPECT_EQ(support.Count(side, -1), IndependentSupport(input, question, side, -1)) << side;
      for (size_t other : question) {
        int want = IndependentSupport(input, question, side, static_cast<long>(other));
        EXPECT_EQ(support.Count(side, static_cast<long>(other)), want) << side << " vs " << other;
        ++checked;
        nonzero += want > 0;
      }
    }
  }
  EXPECT_GT(checked, 1000);
  EXPECT_GT(nonzero, 100);
}

// 9 and 64 sources: as bits (64: every bit of the word); 100: one by one. Each with
// compatibility by distance and drawn.
INSTANTIATE_TEST_SUITE_P(Sources, QuestionSupportTest,
                         testing::Combine(testing::Values(size_t{9}, size_t{64}, size_t{100}), testing::Bool()));

// ScoreSupport with integer value ids (sorting per question) scores exactly as with
// the value keys alone (hashing claim by claim): same values, same order, same bits.
TEST(SourceSupportTest, ValueIdsScoreAsValueKeys) {
  uint64_t state = 29;
  auto next = [&]() { return state = state * 6364136223846793005ull + 1442695040888963407ull, state >> 33; };
  for (int round = 0; round < 5; ++round) {
    SupportInput input;
    const size_t claims = 400 + 300 * static_cast<size_t>(round);
    input.sources = 3 + static_cast<size_t>(round) * 4;
    const int questions = 1 + round * 7;
    std::vector<int> value;
    for (size_t i = 0; i < claims; ++i) {
      input.question.push_back(static_cast<int>(next() % static_cast<uint64_t>(questions + 1)) - 1);
      input.source.push_back(static_cast<int>(next() % input.sources));
      // Round 4 gives some questions more than kMaxValuesForImplications values.
      value.push_back(static_cast<int>(next() % (round == 4 ? 90 : 9)));
      input.value_key.push_back(std::to_string(value.back()));
    }
    input.compatible = [&](size_t x, size_t y) { return std::abs(value[x] - value[y]) <= 2; };
    const SupportScores by_keys = ScoreSupport(input);
    // Ids numbered differently from the keys' own order: only equality may matter.
    for (int v : value) input.value_id.push_back(1000 - 7 * v);
    const SupportScores by_ids = ScoreSupport(input);
    EXPECT_EQ(by_ids.source_trust, by_keys.source_trust) << "round " << round;
    EXPECT_EQ(by_ids.claim_confidence, by_keys.claim_confidence) << "round " << round;
    // Not a degenerate case: sources and claims end up with different scores.
    std::vector<double> distinct = by_keys.claim_confidence;
    std::sort(distinct.begin(), distinct.end());
    EXPECT_GT(std::unique(distinct.begin(), distinct.end()) - distinct.begin(), 3) << "round " << round;
  }
}

TEST(SourceSupportTest, CountsEachSourceOnce) {
  SupportInput input;
  // Claims 0-2 state one value from sources 0, 0, 1; claim 3 another, compatible value
  // from source 2; claim 4 an incompatible one from source 0.
  input.question = {0, 0, 0, 0, 0};
  input.source = {0, 0, 1, 2, 0};
  input.value_key = {"10", "10", "10", "11", "50"};
  input.sources = 3;
  std::vector<int> value_id = {0, 0, 0, 1, 2}, class_id = {0, 0, 0, 0, 1};
  input.compatible = [&](size_t x, size_t y) { return class_id[x] == class_id[y]; };
  std::vector<size_t> members = {0, 1, 2, 3, 4};
  QuestionSupport support(input, members, value_id, class_id);
  EXPECT_EQ(support.Count(0, -1), 3);  // sources 0, 1 (same value) and 2 (compatible)
  EXPECT_EQ(support.Count(0, 4), 3);   // claim 3 is compatible with 0 and not with 4
  EXPECT_EQ(support.Count(0, 3), 2);   // claim 3 states the other side's value
  EXPECT_EQ(support.Count(4, 0), 1);
}

}  // namespace
}  // namespace claimcheck
