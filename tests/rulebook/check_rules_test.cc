// Tests for the check-rule loader: good files become CheckRule structs; every
// kind of bad file is reported as file:line with the offending line, and loads nothing.
#include "rulebook/check_rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

namespace claimcheck {
namespace {

std::string Dump(const std::vector<CheckRule>& rules) {
  std::string out;
  for (const auto& r : rules) out += r.ToString() + "\n";
  return out;
}

std::string DumpDiagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += d.ToString() + "\n";
  return out;
}

TEST(CheckRulesTest, ParsesRulesAndCopies) {
  const std::string text = R"(
[copies]
min_similarity = 0.7

[[rule]]
id = "counts"
description = "counts agree"
kind = "count_agreement"
relative_tolerance = 0.1
approx_margin = 0.2

[[rule]]
id = "planned"
kind = "count_agreement"
severity = "divergence"
metrics = ["troops_planned"]
subjects = ["north_korea"]
relative_tolerance = 1
min_confidence = 0.5

[[rule]]
id = "dates"
kind = "date_agreement"

[[rule]]
id = "cap"
kind = "bound"
lower_metric = "killed"
upper_metric = "troops_deployed"
)";
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseCheckRules(text, "x.toml", &rules, &sink).ok()) << DumpDiagnostics(sink);
  EXPECT_EQ(Dump(rules),
            "copies id=copies min_similarity=0.7 shingle_words=5\n"
            "count_agreement id=counts sev=conflict metrics=* subjects=* min_conf=0 rel=0.1 abs=0 "
            "approx=0.2\n"
            "count_agreement id=planned sev=divergence metrics=troops_planned subjects=north_korea "
            "min_conf=0.5 rel=1 abs=0 approx=0.1\n"
            "date_agreement id=dates sev=conflict metrics=* subjects=* min_conf=0\n"
            "bound id=cap sev=conflict metrics=* subjects=* min_conf=0 killed<=troops_deployed rel=0 "
            "abs=0 approx=0.1\n");
  EXPECT_EQ(rules[2].Specificity(), 3);
  EXPECT_EQ(rules[1].Specificity(), 0);
  EXPECT_EQ(rules[2].line, 12);
  EXPECT_TRUE(rules[2].AppliesToMetric("troops_planned"));
  EXPECT_FALSE(rules[2].AppliesToMetric("killed"));
  EXPECT_TRUE(rules[1].AppliesToMetric("killed"));
}

struct BadCase {
  const char* name;
  const char* text;
  const char* expected;  // the first diagnostic, exactly
};

TEST(CheckRulesTest, BadFilesReportFileLineAndOffendingLine) {
  const BadCase cases[] = {
      {"syntax", "[[rule]]\nid = \"a\"\nkind = count_agreement\n",
       "bad.toml:3:8: error: syntax error: bad format: unknown value appeared (here)\n"
       "  kind = count_agreement\n"
       "         ^"},
      {"unknown kind", "[[rule]]\nid = \"a\"\nkind = \"count_agrement\"\n",
       "bad.toml:3:8: error: unknown kind 'count_agrement' (expected count_agreement, "
       "date_agreement, cumulative_decrease, bound, stale_figure, sum_of_parts or "
       "part_within_whole)\n"
       "  kind = \"count_agrement\"\n"
       "         ^"},
      {"sum without parts", "[[rule]]\nid = \"a\"\nkind = \"sum_of_parts\"\ntotal_metric = \"casualties\"\n",
       "bad.toml:1:1: error: sum_of_parts rule 'a' needs 'total_metric' and at least two "
       "'part_metrics'\n"
       "  [[rule]]\n"
       "  ^"},
      {"whole without subjects", "[[rule]]\nid = \"a\"\nkind = \"part_within_whole\"\n",
       "bad.toml:1:1: error: part_within_whole rule 'a' needs 'whole_subjects'\n"
       "  [[rule]]\n"
       "  ^"},
      {"part key on a count rule", "[[rule]]\nid = \"a\"\nkind = \"count_agreement\"\nwhole_subjects = []\n",
       "bad.toml:4:18: error: key 'whole_subjects' does not apply to kind 'count_agreement'\n"
       "  whole_subjects = []\n"
       "                   ^"},
      {"unknown key", "[[rule]]\nid = \"a\"\nkind = \"count_agreement\"\nrelative_tolerence = 0.1\n",
       "bad.toml:4:22: error: unknown key 'relative_tolerence'\n"
       "  relative_tolerence = 0.1\n"
       "                       ^"},
      {"key of another kind", "[[rule]]\nid = \"a\"\nkind = \"date_agreement\"\napprox_margin = 0.1\n",
       "bad.toml:4:17: error: key 'approx_margin' does not apply to kind 'date_agreement'\n"
       "  approx_margin = 0.1\n"
       "                  ^"},
      {"wrong type", "[[rule]]\nid = \"a\"\nkind = \"count_agreement\"\nrelative_tolerance = \"10%\"\n",
       "bad.toml:4:22: error: 'relative_tolerance' must be a number, not string\n"
       "  relative_tolerance = \"10%\"\n"
       "                       ^"},
      {"wrong list type", "[[rule]]\nid = \"a\"\nkind = \"count_agreement\"\nmetrics = \"killed\"\n",
       "bad.toml:4:11: error: 'metrics' must be an array of strings, not string\n"
       "  metrics = \"killed\"\n"
       "            ^"},
      {"missing id", "[[rule]]\nkind = \"count_agreement\"\n",
       "bad.toml:1:1: error: rule has no 'id'\n"
       "  [[rule]]\n"
       "  ^"},
      {"duplicate id",
       "[[rule]]\nid = \"a\"\nkind = \"date_agreement\"\n\n[[rule]]\nid = \"a\"\nkind = "
       "\"count_agreement\"\n",
       "bad.toml:6:6: error: duplicate rule id 'a' (first defined at bad.toml:1)\n"
       "  id = \"a\"\n"
       "       ^"},
      {"unknown severity", "[[rule]]\nid = \"a\"\nkind = \"date_agreement\"\nseverity = \"fatal\"\n",
       "bad.toml:4:12: error: unknown severity 'fatal' (expected conflict, divergence or info)\n"
       "  severity = \"fatal\"\n"
       "             ^"},
      // A file saved in a legacy code page: toml11 read past its buffer on such a
      // byte inside a literal string, so the text is refused before it parses.
      {"not UTF-8", "[[rule]]\nid = 'kh\xe1\xbb\x91i \xdf'\nkind = \"count_agreement\"\n",
       "bad.toml:2:12: error: not UTF-8 (byte 0xDF): rules files are UTF-8 text; save the file as UTF-8 "
       "and run again\n"
       "  id = 'kh\xe1\xbb\x91i \xef\xbf\xbd'\n"
       "             ^"},
      {"unknown table", "[rules]\nid = \"a\"\n",
       "bad.toml:1:1: error: unknown top-level key 'rules' (expected [[rule]] or [copies])\n"
       "  [rules]\n"
       "  ^"},
  };
  for (const auto& c : cases) {
    std::vector<CheckRule> rules;
    DiagnosticSink sink;
    Status s = ParseCheckRules(c.text, "bad.toml", &rules, &sink);
    EXPECT_FALSE(s.ok()) << c.name;
    EXPECT_TRUE(rules.empty()) << c.name;
    ASSERT_FALSE(sink.items().empty()) << c.name;
    EXPECT_EQ(sink.items()[0].ToString(), c.expected) << c.name;
  }
}

class RuleDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("claimcheck_rules_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "checks");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "checks" / name) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(RuleDirTest, ReadsFilesInSortedOrder) {
  Write("b.toml", "[[rule]]\nid = \"second\"\nkind = \"date_agreement\"\n");
  Write("a.toml", "[[rule]]\nid = \"first\"\nkind = \"date_agreement\"\n");
  Write("notes.txt", "not a rule file");
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(dir_.string(), &rules, &sink).ok()) << DumpDiagnostics(sink);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].id, "first");
  EXPECT_EQ(rules[1].id, "second");
  EXPECT_EQ(rules[1].file, (dir_ / "checks" / "b.toml").string());
}

TEST_F(RuleDirTest, OneBadFileMeansNoRules) {
  Write("a.toml", "[[rule]]\nid = \"ok\"\nkind = \"date_agreement\"\n");
  Write("b.toml", "[[rule]]\nid = \"ok\"\nkind = \"date_agreement\"\n");  // duplicate across files
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  Status s = LoadCheckRules(dir_.string(), &rules, &sink);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(rules.empty());
  ASSERT_EQ(sink.items().size(), 1u);
  std::string b = (dir_ / "checks" / "b.toml").string();
  std::string a = (dir_ / "checks" / "a.toml").string();
  EXPECT_EQ(sink.items()[0].ToString(), b + ":2:6: error: duplicate rule id 'ok' (first defined at " +
                                            a + ":1)\n  id = \"ok\"\n       ^");
}

TEST_F(RuleDirTest, SyntaxErrorInFileNamesThePath) {
  Write("a.toml", "[[rule]]\nid = \"a\"\nmetrics = [\"killed\",\n");
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  EXPECT_FALSE(LoadCheckRules(dir_.string(), &rules, &sink).ok());
  ASSERT_EQ(sink.items().size(), 1u);
  std::string text = sink.items()[0].ToString();
  EXPECT_EQ(text.rfind((dir_ / "checks" / "a.toml").string() + ":3:", 0), 0u) << text;
  EXPECT_NE(text.find("metrics = [\"killed\","), std::string::npos) << text;
}

TEST(CheckRulesTest, MissingDirectoryIsNotFound) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  EXPECT_EQ(LoadCheckRules("/nonexistent/claimcheck", &rules, &sink).code(),
            Status::Code::kNotFound);
}

TEST(CheckRulesTest, ShippedRulesLoadCleanly) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  Status s = LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << DumpDiagnostics(sink);
  EXPECT_TRUE(sink.empty()) << DumpDiagnostics(sink);
  std::set<CheckKind> kinds;
  for (const auto& r : rules) kinds.insert(r.kind);
  EXPECT_TRUE(kinds.count(CheckKind::kCountAgreement));
  EXPECT_TRUE(kinds.count(CheckKind::kDateAgreement));
  EXPECT_TRUE(kinds.count(CheckKind::kCumulativeDecrease));
  EXPECT_TRUE(kinds.count(CheckKind::kCopies));
  EXPECT_TRUE(kinds.count(CheckKind::kStaleFigure));
  EXPECT_TRUE(kinds.count(CheckKind::kSumOfParts));
  EXPECT_TRUE(kinds.count(CheckKind::kPartWithinWhole));
}

TEST(CheckRulesTest, ParsesScopeAndTheNewKinds) {
  const std::string text = R"(
[copies]
credit_prefixes = ["Nguồn:", "Theo "]

[[rule]]
id = "stale"
kind = "stale_figure"
severity = "divergence"
metrics = ["killed"]
outlets = ["vnexpress.net"]
languages = ["vi", "en"]

[[rule]]
id = "sum"
kind = "sum_of_parts"
part_metrics = ["killed", "wounded"]
total_metric = "casualties"
relative_tolerance = 0.05

[[rule]]
id = "provinces"
kind = "part_within_whole"
metrics = ["dead"]
whole_subjects = ["vietnam"]
languages = ["vi"]
)";
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseCheckRules(text, "x.toml", &rules, &sink).ok()) << DumpDiagnostics(sink);
  EXPECT_EQ(Dump(rules),
            "copies id=copies min_similarity=0.6 shingle_words=5 credit_prefixes=Nguồn:|Theo \n"
            "stale_figure id=stale sev=divergence metrics=killed subjects=* outlets=vnexpress.net "
            "languages=vi,en min_conf=0 rel=0 abs=0 approx=0.1\n"
            "sum_of_parts id=sum sev=conflict metrics=* subjects=* min_conf=0 killed+wounded=casualties "
            "rel=0.05 abs=0 approx=0.1\n"
            "part_within_whole id=provinces sev=conflict metrics=dead subjects=* languages=vi "
            "min_conf=0 parts=*<=vietnam rel=0 abs=0 approx=0.1\n");
  EXPECT_TRUE(rules[1].AppliesToOutlet("vnexpress.net"));
  EXPECT_FALSE(rules[1].AppliesToOutlet("tass.com"));
  EXPECT_TRUE(rules[1].AppliesToLanguage("en"));
  EXPECT_FALSE(rules[3].AppliesToLanguage("en"));
  EXPECT_TRUE(rules[2].AppliesToLanguage("en"));
}

}  // namespace
}  // namespace claimcheck
