// ParseFeedLine's fast reader (flat_json.h) against the full nlohmann::json path:
// every line of the table must give the same record or the same error, and the fast
// reader must accept the common lines and decline the rest. Also PrepareFeedLine,
// the line preparation before parsing that `run` and `extract --jsonl` share.
#include "ingest/flat_json.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/feed_line.h"

namespace claimcheck {
namespace {

using Json = nlohmann::json;

// What nlohmann::json makes of the line: the object's members as "key=value" lines
// (string values only; "key=null", "key=<other>"), or "error" when it is not an object.
std::string ReferenceMembers(std::string_view line) {
  Json record;
  try {
    record = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error&) {
    return "error";
  }
  if (!record.is_object()) return "error";
  std::string out;
  for (const auto& [key, value] : record.items()) {
    out += key + "=" + (value.is_string() ? value.get<std::string>() : value.is_null() ? "null" : "<other>") + "\n";
  }
  return out;
}

// The same from the fast reader, members sorted and deduplicated as in nlohmann's map
// (the last value of a key wins).
std::string FastMembers(std::string_view line, bool* accepted) {
  std::map<std::string, std::string> members;
  *accepted = ReadFlatJsonObject(line, [&](const FlatMember& m) {
    members[std::string(m.key)] = m.kind == FlatMember::Kind::kString ? *m.value
                                  : m.kind == FlatMember::Kind::kNull  ? "null"
                                                                       : "<other>";
  });
  std::string out;
  for (const auto& [key, value] : members) out += key + "=" + value + "\n";
  return out;
}

std::string Describe(std::string_view line) {
  std::string error;
  std::optional<FeedRecord> record = ParseFeedLine(line, &error);
  if (!record) return "error: " + error;
  return record->meta.ToString() + "|text=" + record->text;
}

struct Line {
  std::string json;
  bool fast;  // the fast reader accepts it
};

std::vector<Line> Lines() {
  return {
      {R"({"url": "https://e.org/1", "text": "Body 10 người", "title": "T"})", true},
      {R"({"text":"compact","language":"vi","published":"2024-10-23T01:00:00Z"})", true},
      {"  {  \"url\" : null , \"text\" : \"spaces\" }  \t", true},
      {R"({"text": "esc \" \\ \/ \b \f \n \r \t end"})", true},
      {R"({"text": "hex \u00e9\u1EC7 \u0041 \u0000 nul"})", true},
      {R"({"text": "pair \ud83d\ude00 ok"})", true},
      {R"({"text": "dup 1", "text": "dup 2"})", true},
      {R"({"text": "x", "text": null})", true},
      {R"({"text": "n", "id": 12, "score": -0.5e-3, "ok": true, "no": false, "z": 0})", true},
      {R"({"te\u0078t": "escaped key"})", true},
      {R"({})", true},
      {"{\"text\": \"Vi\xE1\xBB\x87t Nam, Vie\xCC\xA3\xCC\x82t\"}", true},
      {R"({"text": "long plain run without anything special in it at all, 0123456789"})", true},
      // declined: the full parser decides
      {R"({"url": 5, "text": "bad type"})", true},  // the fast reader reads it; ParseFeedLine declines
      {R"({"text": "deep", "a": [1, 2]})", false},
      {R"({"text": "obj", "a": {"b": 1}})", false},
      {R"(["text"])", false},
      {R"({"text": "cut off)", false},
      {R"({"text": "x"} trailing)", false},
      {R"({"text": "x",})", false},
      {R"({"text" "x"})", false},
      {R"({"text": "bad \x escape"})", false},
      {R"({"text": "lone \ud800 high"})", false},
      {R"({"text": "lone \udc00 low"})", false},
      {R"({"text": "\ud83d\u0041 bad low"})", false},
      {R"({"text": "short \u00"})", false},
      {"{\"text\": \"raw\ttab\"}", false},
      {"{\"text\": \"bad \xFF byte\"}", false},
      {"\xEF\xBB\xBF{\"text\": \"bom\"}", false},
      {R"({"text": "num", "m": 01})", false},
      {R"({"text": "num", "m": 1.})", false},
      {R"({"text": "num", "m": -})", false},
      {R"({"text": "num", "m": 1e})", false},
      {R"({"text": "lit", "m": tru})", false},
      {R"({"text": "lit", "m": nulls})", false},
      {"", false},
      {"   ", false},
      {"{", false},
  };
}

TEST(FlatJsonTest, AgreesWithNlohmann) {
  for (const Line& line : Lines()) {
    bool accepted = false;
    std::string fast = FastMembers(line.json, &accepted);
    EXPECT_EQ(accepted, line.fast) << line.json;
    if (accepted) {
      EXPECT_EQ(fast, ReferenceMembers(line.json)) << line.json;
    }
  }
}

TEST(FlatJsonTest, ParseFeedLineGivesTheFullParsersResults) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"url": 5, "text": "bad type"})", "error: field \"url\" must be a string"},
      {R"({"text": "x", "title": 7})", "error: field \"title\" must be a string"},
      {R"({"text": "cut off)", "error: malformed JSON at byte 18 of the line"},
      {R"({"text": "lone \ud800 high"})", "error: malformed JSON at byte 22 of the line"},
      {R"(["text"])", "error: a feed line must be a JSON object"},
      {R"({"text": "x", "text": null})", "error: missing or empty \"text\""},
  };
  for (const auto& [line, want] : cases) EXPECT_EQ(Describe(line), want) << line;
  // Accepted lines: the same record whichever path read them.
  for (const Line& line : Lines()) {
    std::string error;
    std::optional<FeedRecord> record = ParseFeedLine(line.json, &error);
    if (!record) continue;
    Json json = Json::parse(line.json);
    EXPECT_EQ(record->text, json["text"].get<std::string>()) << line.json;
  }
}

// PrepareFeedLine: what `run` and `extract --jsonl` both do to a raw line before
// parsing it, with the warnings it reports ("" when none).
TEST(PrepareFeedLineTest, Table) {
  struct Case {
    int number;
    std::string raw;
    bool keep;
    std::string want;
    std::string warning;
  };
  const Case cases[] = {
      {1, "\xEF\xBB\xBF{\"text\": \"a\"}\r", true, "{\"text\": \"a\"}", ""},
      {2, "\xEF\xBB\xBF{}", true, "\xEF\xBB\xBF{}", ""},  // a BOM only starts a file
      {3, "  \t\r", false, "", ""},
      {4, "{\"text\": \"ng\xC6\xB0\xE1\xBB\x9Di\"}", true, "{\"text\": \"ng\xC6\xB0\xE1\xBB\x9Di\"}", ""},
      {5, "ab\xFF" " cd", true, "ab\xEF\xBF\xBD cd",
       "f:5:3: warning: invalid UTF-8: 1 bad byte sequence replaced with U+FFFD"},
      {6, "a\x01" "b\x07" "c", true, "abc", "f:6:2: warning: 2 NUL or control bytes dropped"},
  };
  for (const Case& c : cases) {
    DiagnosticSink sink;
    std::string line = c.raw;
    EXPECT_EQ(PrepareFeedLine("f", c.number, &line, &sink), c.keep) << c.number;
    if (c.keep) {
      EXPECT_EQ(line, c.want) << c.number;
    }
    std::string warnings;
    for (const Diagnostic& d : sink.items()) warnings += d.ToString();
    EXPECT_EQ(warnings, c.warning) << c.number;
  }
}

}  // namespace
}  // namespace claimcheck
