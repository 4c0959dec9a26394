// Tests for the lexicon loader (rules/lexicon, rules/topics): the shipped rules
// load cleanly, and each kind of bad lexicon file is reported as file:line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "extract/extractor.h"
#include "rulebook/lexicon.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

std::string DumpDiagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += d.ToString() + "\n";
  return out;
}

// "dir/lexicon/bad.toml:4:1: error: ..." -> "bad.toml:4".
std::string FirstLocation(const DiagnosticSink& sink) {
  if (sink.items().empty()) return "";
  const Diagnostic& d = sink.items().front();
  return fs::path(d.file).filename().string() + ":" + std::to_string(d.line);
}

// A scratch rules directory holding one lexicon file, bad.toml.
class ScratchRules {
 public:
  explicit ScratchRules(const std::string& text) {
    dir_ = fs::temp_directory_path() /
           ("claimcheck-lexicon-" + std::to_string(getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "lexicon");
    std::ofstream(dir_ / "lexicon" / "bad.toml") << text;
  }
  ~ScratchRules() { fs::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

TEST(LexiconLoaderTest, ShippedRulesLoadWithoutErrors) {
  Lexicon lex;
  DiagnosticSink sink;
  Status s = LoadLexicon(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &lex, &sink);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << DumpDiagnostics(sink);
  EXPECT_TRUE(sink.empty()) << DumpDiagnostics(sink);
  EXPECT_FALSE(lex.qualifiers.empty());
  EXPECT_FALSE(lex.metrics.empty());
  EXPECT_FALSE(lex.subjects.empty());
  EXPECT_FALSE(lex.events.empty());
  EXPECT_FALSE(lex.topics.empty());
  EXPECT_FALSE(lex.attribution_verbs.empty());
  // Every entry knows where it came from, for error messages.
  for (const MetricEntry& m : lex.metrics) {
    EXPECT_GT(m.source.line, 0) << m.name;
    EXPECT_NE(m.source.file.find("rules/lexicon/"), std::string::npos) << m.source.file;
  }
  // And the extractor compiles every event pattern.
  DiagnosticSink compile_sink;
  auto extractor = Extractor::Create(std::move(lex), &compile_sink);
  EXPECT_TRUE(extractor.ok()) << extractor.status().ToString() << "\n" << DumpDiagnostics(compile_sink);
}

TEST(LexiconLoaderTest, ReadsEntries) {
  ScratchRules rules(
      "[[qualifier]]\n"
      "kind = \"approx\"\n"
      "phrases = [\"khoảng\", \"about\"]\n"
      "\n"
      "[[subject]]\n"
      "name = \"north_korea\"\n"
      "type = \"country\"\n"
      "aliases = \"Triều Tiên\"\n"
      "\n"
      "[[place_list]]\n"
      "type = \"province\"\n"
      "names = [\"Quảng Ninh\"]\n");
  Lexicon lex;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadLexicon(rules.dir(), &lex, &sink).ok()) << DumpDiagnostics(sink);
  ASSERT_EQ(lex.qualifiers.size(), 1u);
  EXPECT_EQ(lex.qualifiers[0].qualifier, "approx");
  EXPECT_EQ(lex.qualifiers[0].phrases, (std::vector<std::string>{"khoảng", "about"}));
  ASSERT_EQ(lex.subjects.size(), 2u);
  EXPECT_EQ(lex.subjects[0].name + " " + lex.subjects[0].type + " " + lex.subjects[0].aliases.at(0),
            "north_korea country Triều Tiên");
  // A place list names its subjects itself: "Quảng Ninh" -> quang_ninh.
  EXPECT_EQ(lex.subjects[1].name + " " + lex.subjects[1].type, "quang_ninh province");
}

struct BadCase {
  const char* name;
  const char* text;
  const char* location;  // "bad.toml:LINE" of the first diagnostic
  const char* message;   // a part of that diagnostic's message
};

class BadLexiconTest : public testing::TestWithParam<BadCase> {};

TEST_P(BadLexiconTest, ReportsFileAndLine) {
  const BadCase& c = GetParam();
  ScratchRules rules(c.text);
  Lexicon lex;
  DiagnosticSink sink;
  Status s = LoadLexicon(rules.dir(), &lex, &sink);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  ASSERT_FALSE(sink.empty());
  EXPECT_EQ(FirstLocation(sink), c.location) << DumpDiagnostics(sink);
  EXPECT_NE(sink.items().front().message.find(c.message), std::string::npos) << DumpDiagnostics(sink);
}

// The same text through ParseLexiconFile (what the fuzz target calls) gives the
// same first diagnostic.
TEST_P(BadLexiconTest, ParseLexiconFileReportsTheSameLine) {
  const BadCase& c = GetParam();
  Lexicon lex;
  DiagnosticSink sink;
  Status s = ParseLexiconFile(c.text, "bad.toml", &lex, &sink);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  ASSERT_FALSE(sink.empty());
  EXPECT_EQ(FirstLocation(sink), c.location) << DumpDiagnostics(sink);
  EXPECT_NE(sink.items().front().message.find(c.message), std::string::npos) << DumpDiagnostics(sink);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadLexiconTest,
    testing::Values(
        BadCase{"UnknownKey",
                "[[qualifier]]\nkind = \"approx\"\nphrases = [\"khoảng\"]\ncolour = \"red\"\n",
                "bad.toml:4", "unknown key 'colour'"},
        BadCase{"UnknownTopLevelKey", "# comment\nqualifiers = []\n", "bad.toml:2",
                "unknown key 'qualifiers'"},
        BadCase{"WrongType", "[[qualifier]]\nkind = 5\nphrases = [\"khoảng\"]\n", "bad.toml:2",
                "'kind' must be a string"},
        BadCase{"WrongListItemType", "[[qualifier]]\nkind = \"approx\"\nphrases = [\"khoảng\", 3]\n",
                "bad.toml:3", "must hold strings"},
        BadCase{"BadQualifierKind", "[[qualifier]]\nkind = \"roughly\"\nphrases = [\"chừng\"]\n",
                "bad.toml:2", "unknown qualifier kind 'roughly'"},
        BadCase{"BadSubjectType", "[[subject]]\nname = \"mars\"\ntype = \"planet\"\n", "bad.toml:3",
                "unknown subject type 'planet'"},
        BadCase{"SyntaxError", "[[qualifier]]\nkind = = \"approx\"\n", "bad.toml:2", ""},
        BadCase{"NotUtf8", "[[qualifier]]\nkind = 'appro\xdf'\nphrases = [\"kho\xe1\xba\xa3ng\"]\n", "bad.toml:2",
                "not UTF-8 (byte 0xDF)"}),
    [](const testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST(LexiconLoaderTest, MissingLexiconDirectoryIsNotFound) {
  Lexicon lex;
  DiagnosticSink sink;
  Status s = LoadLexicon("/nonexistent/rules", &lex, &sink);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.ToString();
}

TEST(LexiconLoaderTest, BadEventPatternFailsExtractorCreateWithFileAndLine) {
  ScratchRules rules(
      "[[qualifier]]\n"
      "kind = \"approx\"\n"
      "phrases = [\"khoảng\"]\n"
      "\n"
      "[[event]]\n"
      "metric = \"treaty_signed\"\n"
      "subject = \"pair\"\n"
      "triggers = [\"ký (kết\"]\n");
  Lexicon lex;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadLexicon(rules.dir(), &lex, &sink).ok()) << DumpDiagnostics(sink);
  auto extractor = Extractor::Create(std::move(lex), &sink);
  EXPECT_FALSE(extractor.ok());
  ASSERT_FALSE(sink.empty());
  const Diagnostic& d = sink.items().front();
  EXPECT_EQ(fs::path(d.file).filename().string(), "bad.toml");
  EXPECT_GE(d.line, 5) << DumpDiagnostics(sink);
  EXPECT_LE(d.line, 8) << DumpDiagnostics(sink);
  EXPECT_NE(d.message.find("ký (kết"), std::string::npos) << DumpDiagnostics(sink);
}

}  // namespace
}  // namespace claimcheck
