#include <gtest/gtest.h>

#include "model/claim.h"
#include "model/conflict.h"

namespace claimcheck {

TEST(ModelTest, ClaimToStringIsCanonical) {
  Claim c;
  c.metric = "killed";
  c.subject = "north_korea";
  c.value = 600;
  c.qualifier = Qualifier::kApprox;
  c.low = 600;
  c.high = 600;
  c.attributed_to = "NIS";
  c.quote = "khoảng 600 binh sĩ";
  EXPECT_EQ(c.ToString(), "count killed/north_korea 600 approx [600,600] by=NIS \"khoảng 600 binh sĩ\"");
  c.high.reset();
  c.qualifier = Qualifier::kMoreThan;
  EXPECT_EQ(c.ToString(), "count killed/north_korea 600 more_than [600,*] by=NIS \"khoảng 600 binh sĩ\"");
}

TEST(ModelTest, NamesRoundTrip) {
  for (auto q : {Qualifier::kExact, Qualifier::kApprox, Qualifier::kMoreThan, Qualifier::kAtLeast,
                 Qualifier::kNearly, Qualifier::kAtMost, Qualifier::kRange, Qualifier::kVague}) {
    EXPECT_EQ(ParseQualifier(QualifierName(q)), q);
  }
  EXPECT_EQ(ParseSeverity("divergence"), Severity::kDivergence);
  EXPECT_FALSE(ParseSeverity("bogus").has_value());
}

}  // namespace claimcheck
