// Tests for ParseFlags (cli/flags.h): a table of command lines and the Config
// each gives (printed as one stable line), and the usage errors.
#include "cli/flags.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace claimcheck {
namespace {

// The Config fields the table checks, one line.
std::string Show(const Config& c) {
  std::string out = "cmd=" + c.command + " args=[";
  for (size_t i = 0; i < c.args.size(); ++i) out += (i ? "," : "") + c.args[i];
  out += "] db=" + c.db_path + " out=" + c.out_dir + " rules=" + c.rules_dir + " o=" + c.output_file +
         " format=" + c.format + " status=" + c.status + " note=" + c.note + " by=" + c.reviewer;
  if (c.excel) out += " excel";
  if (c.quiet) out += " quiet";
  if (c.help) out += " help";
  return out;
}

class FlagsTest : public testing::Test {
 protected:
  void SetUp() override {
    setenv("CLAIMCHECK_RULES", "/env/rules", 1);
    setenv("CLAIMCHECK_NOW", "2025-01-02T03:04:05Z", 1);
    setenv("USER", "tester", 1);
  }
  void TearDown() override {
    unsetenv("CLAIMCHECK_RULES");
    unsetenv("CLAIMCHECK_NOW");
  }

  static Result<Config> Parse(std::vector<const char*> args) {
    args.insert(args.begin(), "claimcheck");
    return ParseFlags(static_cast<int>(args.size()), args.data());
  }
};

struct Case {
  std::vector<const char*> args;
  std::string want;
};

TEST_F(FlagsTest, Table) {
  const std::vector<Case> cases = {
      {{}, "cmd= args=[] db=claims.db out= rules=/env/rules o= format=csv status= note= by=tester"},
      {{"run", "a", "b/", "--db", "x.db", "--out", "reports/latest"},
       "cmd=run args=[a,b/] db=x.db out=reports/latest rules=/env/rules o= format=csv status= note= "
       "by=tester"},
      // Flags before the command and between positionals; --flag=value.
      {{"--db=y.db", "ingest", "f1.txt", "--rules", "my/rules", "f2.html"},
       "cmd=ingest args=[f1.txt,f2.html] db=y.db out= rules=my/rules o= format=csv status= note= "
       "by=tester"},
      {{"export", "claims", "--format", "json", "-o", "c.json", "--excel", "-q"},
       "cmd=export args=[claims] db=claims.db out= rules=/env/rules o=c.json format=json status= "
       "note= by=tester excel quiet"},
      {{"export", "conflicts", "--output=x.csv", "--quiet"},
       "cmd=export args=[conflicts] db=claims.db out= rules=/env/rules o=x.csv format=csv status= "
       "note= by=tester quiet"},
      {{"review", "abc123", "--status", "dismissed", "--note", "same figure, different day", "--by",
        "Lan"},
       "cmd=review args=[abc123] db=claims.db out= rules=/env/rules o= format=csv status=dismissed "
       "note=same figure, different day by=Lan"},
      // A value may itself contain '=' or start with a dash-free word.
      {{"review", "id", "--note=a=b"},
       "cmd=review args=[id] db=claims.db out= rules=/env/rules o= format=csv status= note=a=b "
       "by=tester"},
      {{"run", "--help"},
       "cmd=run args=[] db=claims.db out= rules=/env/rules o= format=csv status= note= by=tester help"},
      {{"-h"}, "cmd= args=[] db=claims.db out= rules=/env/rules o= format=csv status= note= by=tester help"},
      // "-" alone is a positional (standard input), not a flag.
      {{"ingest", "-"},
       "cmd=ingest args=[-] db=claims.db out= rules=/env/rules o= format=csv status= note= by=tester"},
  };
  for (const Case& c : cases) {
    Result<Config> got = Parse(c.args);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(Show(*got), c.want);
  }
}

TEST_F(FlagsTest, Clock) {
  Result<Config> got = Parse({"run"});
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->now, "2025-01-02T03:04:05Z");
  unsetenv("CLAIMCHECK_NOW");
  got = Parse({"run"});
  ASSERT_TRUE(got.ok());
  // The system clock, ISO 8601 UTC: "YYYY-MM-DDTHH:MM:SSZ".
  ASSERT_EQ(got->now.size(), 20u) << got->now;
  EXPECT_EQ(got->now[10], 'T');
  EXPECT_EQ(got->now.back(), 'Z');
}

TEST_F(FlagsTest, RulesDirDefault) {
  EXPECT_EQ(DefaultRulesDir(), "/env/rules");
  unsetenv("CLAIMCHECK_RULES");
  // Built from the source tree, the default is its rules/ folder.
  EXPECT_EQ(DefaultRulesDir(), std::string(CLAIMCHECK_SOURCE_DIR) + "/rules");
}

TEST_F(FlagsTest, UsageErrors) {
  struct Bad {
    std::vector<const char*> args;
    std::string message;
  };
  const std::vector<Bad> cases = {
      {{"run", "--bogus"}, "unknown flag --bogus"},
      {{"run", "-x"}, "unknown flag -x"},
      {{"run", "--db"}, "flag --db needs a value"},
      {{"export", "claims", "-o"}, "flag -o needs a value"},
      {{"--frobnicate=1", "run"}, "unknown flag --frobnicate"},
  };
  for (const Bad& c : cases) {
    Result<Config> got = Parse(c.args);
    ASSERT_FALSE(got.ok()) << c.message;
    EXPECT_EQ(got.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(got.status().message(), c.message);
  }
}

TEST(CommandsTest, TableAndHelp) {
  std::string help = GeneralHelp();
  for (const char* name : {"run", "ingest", "check", "report", "export", "review"}) {
    bool found = false;
    for (const Command& cmd : Commands()) {
      if (std::string(cmd.name) != name) continue;
      found = true;
      EXPECT_EQ(std::string(cmd.usage).rfind(std::string("claimcheck ") + name, 0), 0u) << cmd.usage;
      EXPECT_NE(cmd.run, nullptr);
    }
    EXPECT_TRUE(found) << name;
    EXPECT_NE(help.find(std::string("  ") + name + " "), std::string::npos) << name;
  }
  // The exit statuses are part of the interface (README.md).
  EXPECT_EQ(kExitOk, 0);
  EXPECT_EQ(kExitError, 1);
  EXPECT_EQ(kExitUsage, 2);
  EXPECT_EQ(kExitNewConflicts, 3);
  EXPECT_EQ(kExitInputsFailed, 4);
  EXPECT_NE(help.find("3  success, new conflicts found"), std::string::npos);
}

}  // namespace
}  // namespace claimcheck
