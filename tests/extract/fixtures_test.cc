// Whole articles written for these tests (tests/testdata/extract/NAME.txt, with
// the publication date and language in NAME.meta) against their expected
// claims (NAME.expected, one Claim::ToString() per line). Regenerate with
// CLAIMCHECK_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "extract/extractor.h"

namespace claimcheck {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class FixturesTest : public ::testing::TestWithParam<const char*> {};

TEST_P(FixturesTest, ClaimsMatchExpected) {
  static Extractor* extractor = [] {
    Lexicon lexicon;
    DiagnosticSink sink;
    EXPECT_TRUE(LoadLexicon(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &lexicon, &sink).ok());
    return Extractor::Create(std::move(lexicon), &sink).value().release();
  }();
  const std::string base = std::string(CLAIMCHECK_SOURCE_DIR) + "/tests/testdata/extract/" + GetParam();
  std::istringstream meta(ReadFile(base + ".meta"));
  Document doc;
  doc.file = std::string(GetParam()) + ".txt";
  meta >> doc.published >> doc.language;
  doc.text = ReadFile(base + ".txt");
  std::string actual;
  for (const Claim& c : extractor->Extract(doc)) actual += c.ToString() + "\n";
  const char* update = std::getenv("CLAIMCHECK_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(base + ".expected", std::ios::binary) << actual;
  }
  EXPECT_EQ(actual, ReadFile(base + ".expected")) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Articles, FixturesTest,
                         ::testing::Values("typhoon_vi", "typhoon_en", "treaty_vi", "war_en"));

}  // namespace
}  // namespace claimcheck
