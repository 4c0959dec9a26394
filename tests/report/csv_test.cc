#include "report/csv.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report_fixture.h"

namespace claimcheck {
namespace {

TEST(CsvEscapeFieldTest, Table) {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"line\nbreak", "\"line\nbreak\""},
      {"carriage\rreturn", "\"carriage\rreturn\""},
      {"=1+2", "'=1+2"},
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"+84 912", "'+84 912"},
      {"-cmd", "'-cmd"},
      {"-3", "-3"},
      {"-1.5", "-1.5"},
      {"-1e+06", "-1e+06"},
      {"-", "'-"},
      {"- 3", "'- 3"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"\rx", "\"'\rx\""},
      {"a=b", "a=b"},
      {"khoảng 600 binh sĩ thiệt mạng", "khoảng 600 binh sĩ thiệt mạng"},
      {"hơn 4.000, theo \"Tổng cục\"", "\"hơn 4.000, theo \"\"Tổng cục\"\"\""},
  };
  for (const Case& c : cases) EXPECT_EQ(CsvEscapeField(c.in), c.want) << "input: " << c.in;
}

// CsvEscapeField as first written (a copy of the cell, then a quoted copy when
// needed): the reference AppendCsvField's fast path must agree with.
std::string ReferenceCsvEscape(std::string_view field) {
  std::string cell;
  const bool negative_number = [&] {
    std::string s(field);
    if (s.size() < 2 || s[0] != '-') return false;
    size_t i = 1, digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
      size_t exp_digits = 0;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
      if (exp_digits == 0) return false;
    }
    return i == s.size();
  }();
  if (!field.empty() && (std::string_view("=+@\t\r").find(field[0]) != std::string_view::npos ||
                         (field[0] == '-' && !negative_number))) {
    cell.push_back('\'');
  }
  cell.append(field);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char ch : cell) {
    if (ch == '"') quoted.push_back('"');
    quoted.push_back(ch);
  }
  quoted.push_back('"');
  return quoted;
}

// AppendCsvField (fast path: nothing to quote; slow path: quotes, doubled
// inner quotes, the formula guard inside the quotes) against the reference,
// appending after what *out already holds.
TEST(CsvEscapeFieldTest, AppendMatchesReference) {
  const std::string pieces[] = {"", "a", ",", "\"", "\"\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "\t",
                                "-3", "-1.5", "-1e+06", "1", "x\"y", "khoảng", " ", "'"};
  std::vector<std::string> fields;
  for (const std::string& x : pieces) {
    for (const std::string& y : pieces) {
      for (const std::string& z : {std::string(), std::string("\""), std::string("tail,")}) fields.push_back(x + y + z);
    }
  }
  for (const std::string& field : fields) {
    std::string out = "prefix;";
    AppendCsvField(field, &out);
    EXPECT_EQ(out, "prefix;" + ReferenceCsvEscape(field)) << "input: " << field;
    EXPECT_EQ(CsvEscapeField(field), ReferenceCsvEscape(field)) << "input: " << field;
  }
}

TEST(CsvTest, ExcelBomOnlyWithFlag) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::vector<Claim> claims = MakeFixtureClaims();
  const std::vector<Conflict> conflicts = MakeFixtureInput().conflicts;
  EXPECT_EQ(ClaimsToCsv(claims, true).substr(0, 3), bom);
  EXPECT_EQ(ConflictsToCsv(conflicts, true).substr(0, 3), bom);
  EXPECT_EQ(ClaimsToCsv(claims, false).rfind(std::string(kClaimsCsvHeader) + "\r\n", 0), 0u);
  EXPECT_EQ(ConflictsToCsv(conflicts, false).rfind(std::string(kConflictsCsvHeader) + "\r\n", 0),
            0u);
  EXPECT_EQ(ClaimsToCsv(claims, false).find(bom), std::string::npos);
  EXPECT_EQ(ClaimsToCsv(claims, true).substr(3), ClaimsToCsv(claims, false));
}

TEST(CsvTest, EmptyInputIsHeaderOnly) {
  EXPECT_EQ(ClaimsToCsv({}, false), std::string(kClaimsCsvHeader) + "\r\n");
  EXPECT_EQ(ConflictsToCsv({}, false), std::string(kConflictsCsvHeader) + "\r\n");
}

TEST(CsvTest, ClaimRowFields) {
  Claim date;
  date.file = "a.txt";
  date.kind = ClaimKind::kDate;
  date.metric = "treaty_signed";
  date.subject = "russia_north_korea";
  date.date = "2024-06";
  date.value = 7;  // ignored for dates
  date.quote = "tháng 6/2024";
  date.sentence = "ký tháng 6/2024";
  date.span_begin = 3;
  date.span_end = 17;
  date.confidence = 0.75;
  EXPECT_EQ(ClaimsToCsv({date}, false),
            std::string(kClaimsCsvHeader) +
                "\r\na.txt,treaty_signed,russia_north_korea,date,,exact,,,,2024-06,,false,,"
                "tháng 6/2024,ký tháng 6/2024,3,17,0.75\r\n");

  Claim count = MakeCountClaim("b.txt", "killed", "north_korea", 600, Qualifier::kMoreThan,
                               "hơn 600", "hơn 600 lính");
  count.high.reset();
  count.as_of = "2025-09";
  count.as_of_inferred = true;
  count.attributed_to = "NIS";
  EXPECT_EQ(ClaimsToCsv({count}, false),
            std::string(kClaimsCsvHeader) +
                "\r\nb.txt,killed,north_korea,count,600,more_than,600,,people,,2025-09,true,NIS,"
                "hơn 600,hơn 600 lính,12,20,0.9\r\n");
}

TEST(CsvTest, ConflictRowUsesDateForDateClaims) {
  const ReportInput in = MakeFixtureInput();
  const std::string csv = ConflictsToCsv({in.conflicts[0]}, false);
  EXPECT_NE(csv.find(",2024-06,exact,ký hồi tháng 6/2024,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",2024-06-19,exact,"), std::string::npos) << csv;
}

TEST(CsvTest, ConflictsInPiecesEqualTheWhole) {
  const ReportInput in = MakeFixtureInput();
  for (bool bom : {false, true}) {
    std::string pieces = ConflictsCsvBegin(bom);
    for (const Conflict& k : in.conflicts) AppendConflictCsvRow(k, &pieces);
    EXPECT_EQ(pieces, ConflictsToCsv(in.conflicts, bom));
  }
}

// A row whose context alone moved, mended from the earlier row, is the row written
// for the conflict as it is now: whatever the other cells hold (quotes, commas,
// line breaks) and whichever context cells need quoting.
TEST(CsvTest, MendedContextEqualsTheRowWrittenAgain) {
  const ReportInput in = MakeFixtureInput();
  std::vector<Conflict> earlier = in.conflicts;
  Conflict odd = earlier[0];
  odd.note = "said \"about 600\",\r\nthen \"2,000\"";
  odd.explanation = "=600 vs 2,000";
  odd.likely_value = "\"600\"";
  earlier.push_back(odd);
  const std::vector<std::pair<std::string, std::pair<int, int>>> contexts = {
      {"", {0, 0}}, {"2000", {3, 1}}, {"1,200", {12, 40}}, {"=2000", {1, 1}}, {"say \"600\"", {2, 7}}};
  for (const Conflict& before : earlier) {
    std::string row;
    AppendConflictCsvRow(before, &row);
    for (const auto& [likely, support] : contexts) {
      Conflict now = before;
      now.likely_value = likely;
      now.support_a = support.first;
      now.support_b = support.second;
      std::string written;
      AppendConflictCsvRow(now, &written);
      Conflict context;  // the context alone: the rest comes from the row
      context.likely_value = likely;
      context.support_a = support.first;
      context.support_b = support.second;
      std::string mended = "left over";
      ASSERT_TRUE(MendConflictCsvContext(row, context, &mended)) << row;
      EXPECT_EQ(mended, written) << before.id << " with " << likely;
    }
  }
}

TEST(CsvTest, MendRefusesWhatIsNotOneWholeRow) {
  const ReportInput in = MakeFixtureInput();
  std::string row;
  AppendConflictCsvRow(in.conflicts[0], &row);
  std::string out;
  ASSERT_TRUE(MendConflictCsvContext(row, Conflict(), &out));
  const std::string no_crlf = row.substr(0, row.size() - 2);
  const std::string one_field_less = row.substr(row.find(',') + 1);
  const std::string one_field_more = "x," + row;
  const std::string two_rows = row + row;
  const std::string open_quote = "\"" + row;
  const std::string stray_quote = "ab\"c," + row.substr(row.find(',') + 1);
  for (const std::string& bad : {no_crlf, one_field_less, one_field_more, two_rows, open_quote, stray_quote}) {
    EXPECT_FALSE(MendConflictCsvContext(bad, Conflict(), &out)) << bad;
  }
}

TEST(CsvTest, ClaimsMatchGolden) {
  std::string diff = CompareWithGolden("claims.csv", ClaimsToCsv(MakeFixtureClaims(), false));
  EXPECT_EQ(diff, "");
}

TEST(CsvTest, ConflictsMatchGolden) {
  std::string diff =
      CompareWithGolden("conflicts.csv", ConflictsToCsv(MakeFixtureInput().conflicts, false));
  EXPECT_EQ(diff, "");
}

}  // namespace
}  // namespace claimcheck
