// The engine on the hand-checked claims of ../shared/seeds and ../shared/dev
// (gold.json) with the shipped rules: exactly the gold conflicts and copy pairs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/strings.h"
#include "engine/engine.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Str(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::optional<double> Num(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<double>();
}

struct GoldRun {
  std::vector<std::vector<std::string>> copy_groups;
  std::set<std::string> predicted;  // "metric/subject fileA fileB" of rows with severity conflict
  std::set<std::string> expected;   // the same for gold, pairs whose gold values differ
};

// Runs the shipped rules on the gold claims of `dir` (texts in dir or dir/docs).
GoldRun RunGold(const fs::path& dir) {
  nlohmann::json gold = nlohmann::json::parse(ReadAll(dir / "gold.json"));
  fs::path texts = fs::is_directory(dir / "docs") ? dir / "docs" : dir;
  std::vector<Document> docs;
  for (const auto& d : gold["documents"]) {
    Document doc;
    doc.file = Str(d, "file");
    doc.published = Str(d, "published");
    doc.outlet = Str(d, "outlet");
    doc.text = ReadAll(texts / doc.file);
    docs.push_back(doc);
  }
  std::vector<Claim> claims;
  for (const auto& g : gold["claims"]) {
    Claim c;
    c.file = Str(g, "file");
    c.metric = Str(g, "metric");
    c.subject = Str(g, "subject");
    c.kind = *ParseClaimKind(Str(g, "kind"));
    c.quote = Str(g, "quote");
    c.attributed_to = Str(g, "attributed_to");
    if (c.kind == ClaimKind::kDate) {
      c.date = Str(g, "date");
    } else {
      c.low = Num(g, "low");
      c.high = Num(g, "high");
      c.value = c.low ? *c.low : *c.high;
      c.qualifier = *ParseQualifier(Str(g, "qualifier"));
      c.as_of = Str(g, "as_of");
    }
    claims.push_back(c);
  }
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  EXPECT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  CheckResult r = CheckClaims(rules, docs, claims);

  GoldRun run;
  run.copy_groups = r.copy_groups;
  auto key = [](const std::string& topic, std::string x, std::string y) {
    if (y < x) std::swap(x, y);
    return topic + " " + x + " " + y;
  };
  for (const auto& c : r.conflicts) {
    if (c.severity != Severity::kConflict) continue;
    run.predicted.insert(key(c.metric + "/" + c.subject, c.a.claim.file, c.b.claim.file));
  }
  // As ../shared/tools/score.py expands them: the pairs of listed files whose values differ.
  for (const auto& g : gold["conflicts"]) {
    std::vector<std::string> files = g["files"], values;
    for (const auto& v : g["values"]) {
      std::string s = v.get<std::string>();
      values.push_back(std::string(Trim(s.substr(0, s.find('(')))));
    }
    for (size_t i = 0; i < files.size(); ++i) {
      for (size_t j = i + 1; j < files.size(); ++j) {
        if (values[i] != values[j]) run.expected.insert(key(Str(g, "metric") + "/" + Str(g, "subject"), files[i], files[j]));
      }
    }
  }
  return run;
}

std::string Lines(const std::set<std::string>& s) { return Join({s.begin(), s.end()}, "\n"); }

TEST(GoldTest, SeedConflictsAndCopies) {
  fs::path seeds = fs::path(CLAIMCHECK_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds / "gold.json")) GTEST_SKIP() << "no " << seeds;
  GoldRun run = RunGold(seeds);
  ASSERT_EQ(run.copy_groups.size(), 1u);
  EXPECT_EQ(Join(run.copy_groups[0], ","), "000_93de4eb2b8bc2841.txt,001_35a12b3184c32eee.txt");
  EXPECT_EQ(Lines(run.predicted), Lines(run.expected));
  EXPECT_EQ(run.predicted.size(), 3u);
}

TEST(GoldTest, DevConflicts) {
  fs::path dev = fs::path(CLAIMCHECK_SHARED_DIR) / "dev";
  if (!fs::exists(dev / "gold.json")) GTEST_SKIP() << "no " << dev;
  GoldRun run = RunGold(dev);
  EXPECT_TRUE(run.copy_groups.empty());
  EXPECT_FALSE(run.expected.empty());
  EXPECT_EQ(Lines(run.predicted), Lines(run.expected));
}

}  // namespace
}  // namespace claimcheck
