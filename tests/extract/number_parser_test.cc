#include "extract/number_parser.h"

#include <gtest/gtest.h>

#include "base/strings.h"

namespace claimcheck {
namespace {

std::string Found(std::string_view text) {
  std::vector<std::string> parts;
  for (const NumberMention& m : FindNumbers(text)) parts.push_back(m.ToString());
  return Join(parts, " | ");
}

struct Case {
  const char* text;
  const char* want;  // FindNumbers ToString()s joined by " | "
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Found(c.text), c.want) << "input: " << c.text;
}

TEST(NumberParserTest, Separators) {
  RunTable({
      {"khoảng 10.000 binh sĩ", "10000 \"10.000\""},
      {"1.500.000 người", "1500000 \"1.500.000\""},
      {"1,500,000 people", "1500000 \"1,500,000\""},
      {"1,500 troops", "1500 \"1,500\""},
      {"tăng 1,5 lần", "1.5 \"1,5\""},
      {"up 1.5 times", "1.5 \"1.5\""},
      {"chỉ 0,5 điểm", "0.5 \"0,5\""},
      {"1.500,5 tấn", "1500.5 \"1.500,5\""},
      {"12,345.5 dollars", "12345.5 \"12,345.5\""},
      {"đạt 3.1415 điểm", "3.1415 \"3.1415\""},
      {"con số 600.", "600 \"600\""},
      {"600, 700 và 800", "600 \"600\" | 700 \"700\" | 800 \"800\""},
  });
}

TEST(NumberParserTest, ScaleWords) {
  RunTable({
      {"1,5 triệu USD", "1500000 \"1,5 triệu\""},
      {"15 nghìn người", "15000 \"15 nghìn\""},
      {"15 ngàn người", "15000 \"15 ngàn\""},
      {"2 tỷ đồng và 3 tỉ đồng", "2000000000 \"2 tỷ\" | 3000000000 \"3 tỉ\""},
      {"5 trăm quân", "500 \"5 trăm\""},
      {"3 vạn quân", "30000 \"3 vạn\""},
      {"1,2 nghìn tỷ đồng", "1200000000000 \"1,2 nghìn tỷ\""},
      {"5 trăm nghìn", "500000 \"5 trăm nghìn\""},
      {"2 million barrels", "2000000 \"2 million\""},
      {"300 thousand", "300000 \"300 thousand\""},
      {"$1.5bn deal", "1500000000 \"1.5bn\""},
      {"1.5 billion", "1500000000 \"1.5 billion\""},
      {"5m away", "5 \"5\""},
  });
}

TEST(NumberParserTest, PercentAndGluedUnits) {
  RunTable({
      {"đạt 100%", "1 percent \"100%\""},
      {"20 phần trăm dân số", "0.2 percent \"20 phần trăm\""},
      {"20 percent of", "0.2 percent \"20 percent\""},
      {"12 per cent", "0.12 percent \"12 per cent\""},
      {"tăng 2,5 %", "0.025 percent \"2,5 %\""},
      {"pháo 170mm", "170 \"170\""},
      {"42.400ha đất", "42400 \"42.400\""},
      {"rộng 100km2", "100 \"100\""},
      {"5,5km", "5.5 \"5,5\""},
  });
}

TEST(NumberParserTest, Ranges) {
  RunTable({
      {"10.000-12.000 quân", "10000-12000 range \"10.000-12.000\""},
      {"10.000 – 12.000 quân", "10000-12000 range \"10.000 – 12.000\""},
      {"10-12 nghìn quân", "10000-12000 range \"10-12 nghìn\""},
      {"gió cấp 12-13", "12-13 range \"12-13\""},
      {"từ 200 đến 300 người", "200-300 range \"từ 200 đến 300\""},
      {"200 đến 300 người", "200-300 range \"200 đến 300\""},
      {"200 tới 300 người", "200-300 range \"200 tới 300\""},
      {"200 to 300 people", "200-300 range \"200 to 300\""},
      {"between 200 and 300 people", "200-300 range \"between 200 and 300\""},
      {"10-20%", "0.1-0.2 percent range \"10-20%\""},
      {"1,5-2 triệu", "1500000-2000000 range \"1,5-2 triệu\""},
      {"tỷ số 3-1", "3 \"3\" | 1 \"1\""},
      {"200 and 300", "200 \"200\" | 300 \"300\""},
  });
}

TEST(NumberParserTest, VietnameseWords) {
  RunTable({
      {"hai người", "2 words \"hai\""},
      {"mười lăm binh sĩ", "15 words \"mười lăm\""},
      {"hai mươi mốt ngày", "21 words \"hai mươi mốt\""},
      {"hai mươi tư giờ", "24 words \"hai mươi tư\""},
      {"ba mươi lăm", "35 words \"ba mươi lăm\""},
      {"một trăm quân", "100 words \"một trăm\""},
      {"một trăm linh năm người", "105 words \"một trăm linh năm\""},
      {"ba nghìn quân", "3000 words \"ba nghìn\""},
      {"hai nghìn năm trăm", "2500 words \"hai nghìn năm trăm\""},
      {"hai triệu rưỡi", "2500000 words \"hai triệu rưỡi\""},
      {"một nghìn tỷ", "1000000000000 words \"một nghìn tỷ\""},
      {"hai chục người", "20 words \"hai chục\""},
      {"một nửa số quân", "0.5 words \"một nửa\""},
      {"năm người", "5 words \"năm\""},
      {"năm trăm quân", "500 words \"năm trăm\""},
      {"mười năm qua", "10 words \"mười\""},
      {"hai mươi năm", "20 words \"hai mươi\""},
      {"một binh sĩ", "1 words \"một\""},
      {"hai mươi phần trăm", "0.2 percent words \"hai mươi phần trăm\""},
  });
}

TEST(NumberParserTest, EnglishWords) {
  RunTable({
      {"ten soldiers", "10 words \"ten\""},
      {"twenty-one days", "21 words \"twenty-one\""},
      {"one hundred and fifty", "150 words \"one hundred and fifty\""},
      {"a hundred tanks", "100 words \"a hundred\""},
      {"two thousand five hundred", "2500 words \"two thousand five hundred\""},
      {"two million people", "2000000 words \"two million\""},
      {"half of them", "0.5 words \"half\""},
      {"a dozen drones", "12 words \"a dozen\""},
      {"a car", ""},
  });
}

TEST(NumberParserTest, Vague) {
  RunTable({
      {"hàng nghìn người", "1000-10000 vague words \"hàng nghìn\""},
      {"hàng chục người", "10-100 vague words \"hàng chục\""},
      {"hàng trăm người", "100-1000 vague words \"hàng trăm\""},
      {"hàng chục nghìn người", "10000-100000 vague words \"hàng chục nghìn\""},
      {"vài trăm người", "200-1000 vague words \"vài trăm\""},
      {"dozens of", "24-100 vague words \"dozens\""},
      {"hundreds of soldiers", "100-1000 vague words \"hundreds\""},
      {"thousands of troops", "1000-10000 vague words \"thousands\""},
      {"tens of thousands of troops", "10000-100000 vague words \"tens of thousands\""},
      {"hundreds of thousands", "100000-1000000 vague words \"hundreds of thousands\""},
      {"several thousand", "2000-10000 vague words \"several thousand\""},
      {"hàng loạt", ""},
  });
}

TEST(NumberParserTest, DatesTimesAndCodesAreNotNumbers) {
  RunTable({
      {"Thứ 7, 10/01/2026 11:08", ""},
      {"hôm 24/10", ""},
      {"ngày 8-13/10", ""},
      {"tháng 6/2024", ""},
      {"2024-06-19", ""},
      {"lúc 11h30", ""},
      {"tên lửa Chonma-2 và Geran-2", ""},
      {"đội U23", ""},
      {"tiêm kích MiG-29", ""},
      {"(9/11)", ""},
      {"năm 2024", ""},
      {"ngày 23 tháng 10 năm 2024", ""},
      {"quý 2", ""},
      {"June 19, 2024", ""},
      {"19 June 2024", ""},
      {"in 2024", ""},
      {"từ năm 2020 đến 2024", ""},
      {"giai đoạn 2020-2024", ""},
      {"lần thứ hai", ""},
      {"tháng năm", ""},
      {"thứ 7", ""},
      {"ngày 19.6.2024 và tháng 6.2024, hôm 9.11", ""},
      {"under Article 51 and Điều 4", ""},
  });
}

TEST(NumberParserTest, NamAndMotTraps) {
  RunTable({
      {"năm 2024", ""},
      {"năm ngoái", ""},
      {"năm nay", ""},
      {"80 năm kết thúc chiến tranh", "80 \"80\""},
      {"cuối năm", ""},
      {"hàng năm", ""},
      {"những năm người dân", ""},
      {"một số binh sĩ", ""},
      {"một cách", ""},
      {"nước Ba Lan và phố Hai Bà Trưng", ""},
      {"Hai nhà lãnh đạo", "2 words \"Hai\""},
      {"mùa 3", "3 \"3\""},
      {"một trong hai nước", "1 words \"một\" | 2 words \"hai\""},
  });
}

TEST(NumberParserTest, SpansAreBytesOfTheInput) {
  std::string text = "Khoảng 1,5 triệu người và pháo 170mm.";
  std::vector<NumberMention> all = FindNumbers(text);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(text.substr(all[0].begin, all[0].end - all[0].begin), "1,5 triệu");
  EXPECT_EQ(text.substr(all[1].begin, all[1].end - all[1].begin), "170");
  EXPECT_EQ(all[1].end, text.find("mm"));
}

TEST(NumberParserTest, ParseNumberWholeGroups) {
  struct P {
    const char* in;
    std::optional<double> want;
  };
  for (const P& p : std::vector<P>{
           {"10.000", 10000},   {"1,5", 1.5},          {"1,500", 1500},
           {"1.5", 1.5},        {"1,5 triệu", 1.5e6},  {"hai", 2},
           {"mười lăm", 15},    {"hai mươi mốt", 21},  {"một trăm", 100},
           {"ba nghìn", 3000},  {"một nửa", 0.5},      {"2 million", 2e6},
           {"ten", 10},         {"1.5bn", 1.5e9},      {"năm", 5},
           {"một", 1},          {" 20% ", 0.2},        {"10-12", 10},
           {"10/01/2026", std::nullopt},               {"U23", std::nullopt},
           {"hai người", std::nullopt},                {"", std::nullopt},
           {"abc", std::nullopt},                      {"11:08", std::nullopt}}) {
    EXPECT_EQ(ParseNumber(p.in), p.want) << p.in;
  }
}

TEST(NumberParserTest, LooksLikeDateOrCode) {
  std::string text = "ngày 10/01/2026 lúc 11:08, U23, Geran-2, 170mm, 10.000-12.000";
  EXPECT_TRUE(LooksLikeDateOrCode(text, text.find("10/01")));
  EXPECT_TRUE(LooksLikeDateOrCode(text, text.find("11:08")));
  EXPECT_TRUE(LooksLikeDateOrCode(text, text.find("U23")));
  EXPECT_TRUE(LooksLikeDateOrCode(text, text.find("Geran")));
  EXPECT_FALSE(LooksLikeDateOrCode(text, text.find("170")));
  EXPECT_FALSE(LooksLikeDateOrCode(text, text.find("10.000")));
}

TEST(NumberParserTest, TokenizerMarksGluingAndCase) {
  std::vector<TextToken> t = TokenizeText("Đà Nẵng 42.400ha");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].lower, "đà");
  EXPECT_TRUE(t[0].upper_initial);
  EXPECT_EQ(t[2].kind, TokenKind::kDigits);
  EXPECT_FALSE(t[3].space_before);
  EXPECT_EQ(t[5].kind, TokenKind::kWord);
  EXPECT_EQ(t[5].lower, "ha");
}

}  // namespace
}  // namespace claimcheck
