// CheckKey: what a check depends on besides the stored documents and claims.
// Equal rules give equal keys; a change to any field of any rule, to their
// order or number changes the key; the build's id is part of it.
#include "engine/check_key.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "base/build_id.h"

namespace claimcheck {
namespace {

std::vector<CheckRule> TwoRules() {
  CheckRule counts;
  counts.id = "counts";
  counts.description = "counts agree";
  counts.metrics = {"killed"};
  counts.relative_tolerance = 0.1;
  CheckRule copies;
  copies.id = "copies";
  copies.kind = CheckKind::kCopies;
  copies.credit_prefixes = {"Nguồn:"};
  return {counts, copies};
}

TEST(CheckKeyTest, NamesTheBuildAndIsStable) {
  ASSERT_FALSE(BuildId().empty());
  const std::string key = CheckKey(TwoRules());
  EXPECT_NE(key.find(BuildId()), std::string::npos) << key;
  EXPECT_EQ(CheckKey(TwoRules()), key);
  // Where a rule was written is not what it finds.
  std::vector<CheckRule> moved = TwoRules();
  moved[0].file = "elsewhere.toml";
  moved[0].line = 42;
  EXPECT_EQ(CheckKey(moved), key);
}

TEST(CheckKeyTest, EveryFieldCounts) {
  const std::vector<std::function<void(CheckRule&)>> edits = {
      [](CheckRule& r) { r.id = "counts2"; },
      [](CheckRule& r) { r.description = "other words"; },
      [](CheckRule& r) { r.kind = CheckKind::kDateAgreement; },
      [](CheckRule& r) { r.severity = Severity::kDivergence; },
      [](CheckRule& r) { r.metrics = {"injured"}; },
      [](CheckRule& r) { r.metrics = {"killed", ""}; },
      [](CheckRule& r) { r.subjects = {"north_korea"}; },
      [](CheckRule& r) { r.min_confidence = 0.5; },
      [](CheckRule& r) { r.outlets = {"vnexpress"}; },
      [](CheckRule& r) { r.languages = {"vi"}; },
      [](CheckRule& r) { r.relative_tolerance = 0.1000000001; },
      [](CheckRule& r) { r.absolute_tolerance = 1; },
      [](CheckRule& r) { r.approx_margin = 0.2; },
      [](CheckRule& r) { r.lower_metric = "injured"; },
      [](CheckRule& r) { r.upper_metric = "killed"; },
      [](CheckRule& r) { r.part_metrics = {"a", "b"}; },
      [](CheckRule& r) { r.total_metric = "total"; },
      [](CheckRule& r) { r.whole_subjects = {"vietnam"}; },
      [](CheckRule& r) { r.part_subjects = {"hanoi"}; },
      [](CheckRule& r) { r.min_similarity = 0.7; },
      [](CheckRule& r) { r.shingle_words = 6; },
      [](CheckRule& r) { r.credit_prefixes = {"Theo"}; },
  };
  std::set<std::string> keys = {CheckKey(TwoRules())};
  for (size_t i = 0; i < edits.size(); ++i) {
    std::vector<CheckRule> rules = TwoRules();
    edits[i](rules[0]);
    EXPECT_TRUE(keys.insert(CheckKey(rules)).second) << "edit " << i << " left the key unchanged";
  }
  std::vector<CheckRule> swapped = TwoRules();
  std::swap(swapped[0], swapped[1]);
  EXPECT_TRUE(keys.insert(CheckKey(swapped)).second);
  std::vector<CheckRule> one = TwoRules();
  one.pop_back();
  EXPECT_TRUE(keys.insert(CheckKey(one)).second);
  EXPECT_TRUE(keys.insert(CheckKey({})).second);
}

}  // namespace
}  // namespace claimcheck
