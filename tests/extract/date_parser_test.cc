#include "extract/date_parser.h"

#include <gtest/gtest.h>

#include "base/strings.h"

namespace claimcheck {
namespace {

// published / anchor in ParseIsoDate form, "" for none.
DateContext Ctx(const char* published, const char* anchor = "", bool english = false) {
  DateContext c;
  c.published = ParseIsoDate(published);
  c.anchor = ParseIsoDate(anchor);
  c.english = english;
  return c;
}

struct Case {
  const char* text;
  const char* published;
  const char* anchor;
  const char* want;  // FindDates ToString()s joined by " | "
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::vector<std::string> parts;
    for (const DateMention& m : FindDates(c.text, Ctx(c.published, c.anchor))) {
      parts.push_back(m.ToString());
    }
    EXPECT_EQ(Join(parts, " | "), c.want)
        << "input: " << c.text << " published=" << c.published << " anchor=" << c.anchor;
  }
}

TEST(DateParserTest, IsoRoundTrip) {
  for (const char* s : {"2024", "2025-Q2", "2024-06", "2024-06-19", "2024-02-29"}) {
    std::optional<PartialDate> d = ParseIsoDate(s);
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(d->ToString(), s);
  }
  for (const char* s : {"", "24", "2024-13", "2024-6", "2023-02-29", "2025-Q5", "2024-06-19x",
                        "abcd", "2024/06"}) {
    EXPECT_FALSE(ParseIsoDate(s)) << s;
  }
}

TEST(DateParserTest, VietnameseWrittenDates) {
  RunTable({
      {"ký hồi tháng 6/2024", "", "", "2024-06 \"tháng 6/2024\""},
      {"vào tháng 6 năm 2024", "", "", "2024-06 \"tháng 6 năm 2024\""},
      {"tháng 6-2024", "", "", "2024-06 \"tháng 6-2024\""},
      {"vào 19/6/2024", "", "", "2024-06-19 \"19/6/2024\""},
      {"ngày 19/6/2024", "", "", "2024-06-19 \"ngày 19/6/2024\""},
      {"ký vào ngày 19/6/2024.", "", "", "2024-06-19 \"ngày 19/6/2024\""},
      {"hôm 9.11. Sau đó", "2024-11-20", "", "2024-11-09 rel inferred \"hôm 9.11\""},
      {"Thứ 7, 10/01/2026 11:08", "", "", "2026-01-10 \"10/01/2026\""},
      {"ngày 23 tháng 10 năm 2024", "", "", "2024-10-23 \"ngày 23 tháng 10 năm 2024\""},
      {"quý II năm 2025", "", "", "2025-Q2 \"quý II năm 2025\""},
      {"quý 2/2025", "", "", "2025-Q2 \"quý 2/2025\""},
      {"năm 2024", "", "", "2024 \"năm 2024\""},
      {"số liệu 6/2024", "", "", "2024-06 \"6/2024\""},
      {"2024-06-19", "", "", "2024-06-19 \"2024-06-19\""},
      {"từ ngày 8-13/10/2024", "", "", "2024-10 \"ngày 8-13/10/2024\""},
      {"ngày 31/2/2024", "", "", ""},
      {"ngày 19.6.2024", "", "", "2024-06-19 \"ngày 19.6.2024\""},
      {"tháng 6.2024", "", "", "2024-06 \"tháng 6.2024\""},
      {"quý I/2025", "", "", "2025-Q1 \"quý I/2025\""},
      {"6 tháng đầu năm 2024", "", "", "2024 \"đầu năm 2024\""},
      {"rạng sáng 9/11/2024", "", "", "2024-11-09 \"rạng sáng 9/11/2024\""},
      {"giá 19.6 USD", "", "", ""},
  });
}

TEST(DateParserTest, VietnameseRelativeToPublication) {
  RunTable({
      {"Vào tháng 10 năm ngoái, hai bên ký", "2025-10-24", "", "2024-10 rel \"tháng 10 năm ngoái\""},
      {"năm ngoái", "2025-12-18", "", "2024 rel \"năm ngoái\""},
      {"năm nay", "2025-12-18", "", "2025 rel \"năm nay\""},
      {"tháng trước", "2024-11-10", "", "2024-10 rel \"tháng trước\""},
      {"tháng trước", "2025-01-05", "", "2024-12 rel \"tháng trước\""},
      {"tháng này", "2024-11-10", "", "2024-11 rel \"tháng này\""},
      {"tuần trước", "2024-11-03", "", "2024-10 rel \"tuần trước\""},
      {"hôm qua", "2024-11-10", "", "2024-11-09 rel \"hôm qua\""},
      {"hôm qua", "2024-03-01", "", "2024-02-29 rel \"hôm qua\""},
      {"hôm nay", "2024-11-10", "", "2024-11-10 rel \"hôm nay\""},
      {"sáng nay", "2024-11-10", "", "2024-11-10 rel \"sáng nay\""},
      {"tối qua", "2024-11-10", "", "2024-11-09 rel \"tối qua\""},
      {"vào hôm qua (9/11)", "2024-11-10", "", "2024-11-09 rel inferred \"9/11\""},
      {"hôm qua", "2024-11", "", "2024-11 rel \"hôm qua\""},
      {"quý 3 năm nay", "2025-12-18", "", "2025-Q3 rel \"quý 3 năm nay\""},
      {"năm ngoái", "", "", ""},
      {"hôm qua", "", "2024-06", ""},
  });
}

TEST(DateParserTest, VietnameseYearInferenceFromPublication) {
  RunTable({
      {"vào ngày 23/10", "2025-12-18", "", "2025-10-23 rel inferred \"ngày 23/10\""},
      {"Đến tháng 8, hai nước", "2025-12-18", "", "2025-08 rel inferred \"tháng 8\""},
      {"hồi tháng 6", "2024-11-12", "", "2024-06 rel inferred \"tháng 6\""},
      {"tháng 12", "2024-11-12", "", "2023-12 rel inferred \"tháng 12\""},
      {"tháng 8 năm ngoái", "2025-12-18", "", "2024-08 rel \"tháng 8 năm ngoái\""},
      {"ngày 12/11", "2024-11-12", "", "2024-11-12 rel inferred \"ngày 12/11\""},
      {"ngày 13/11", "2024-11-12", "", "2023-11-13 rel inferred \"ngày 13/11\""},
      {"hôm 24/10", "2024-11-12", "", "2024-10-24 rel inferred \"hôm 24/10\""},
      {"Tối 9/11, ông ký", "2024-11-12", "", "2024-11-09 rel inferred \"Tối 9/11\""},
      {"hôm 9.11", "2024-11-12", "", "2024-11-09 rel inferred \"hôm 9.11\""},
      {"từ ngày 8-13/10", "2024-10-20", "", "2024-10 rel inferred \"ngày 8-13/10\""},
      {"cuối tháng 4", "2025-06-20", "", "2025-04 rel inferred \"cuối tháng 4\""},
      {"đầu tháng 9", "2025-06-20", "", "2024-09 rel inferred \"đầu tháng 9\""},
      {"giữa tháng 5", "2025-06-20", "", "2025-05 rel inferred \"giữa tháng 5\""},
      {"vào tháng 8", "2025", "", "2025-08 rel inferred \"tháng 8\""},
      {"quý 2", "2025-03-01", "", "2024-Q2 rel inferred \"quý 2\""},
      {"quý 1", "2025-03-01", "", "2025-Q1 rel inferred \"quý 1\""},
      {"ngày 29/2", "2024-03-01", "", "2024-02-29 rel inferred \"ngày 29/2\""},
      {"ngày 29/2", "2025-03-01", "", ""},  // 2025-02-29 does not exist: dropped
  });
}

TEST(DateParserTest, YearInferenceFromAnchor) {
  RunTable({
      {"cuối tháng 4", "", "2024-08", "2025-04 rel inferred \"cuối tháng 4\""},
      {"hôm 17/6", "", "2024-06", "2024-06-17 rel inferred \"hôm 17/6\""},
      {"hôm 17/6", "", "2024-08", "2025-06-17 rel inferred \"hôm 17/6\""},
      {"ngày 10/5", "", "2024-08-15", "2025-05-10 rel inferred \"ngày 10/5\""},
      {"ngày 20/8", "", "2024-08-15", "2024-08-20 rel inferred \"ngày 20/8\""},
      {"tháng 9", "", "2024", "2024-09 rel inferred \"tháng 9\""},
      {"tháng 9", "", "", ""},
      {"ngày 23/10", "", "", ""},
  });
}

TEST(DateParserTest, EnglishForms) {
  RunTable({
      {"signed on June 19, 2024.", "", "", "2024-06-19 \"June 19, 2024\""},
      {"signed on 19 June 2024", "", "", "2024-06-19 \"19 June 2024\""},
      {"in June 2024", "", "", "2024-06 \"June 2024\""},
      {"on the morning of April 28, marking", "2025-05-02", "", "2025-04-28 rel inferred \"April 28\""},
      {"Ukraine launched an offensive last August", "2025-05-02", "", "2024-08 rel \"last August\""},
      {"the treaty signed in December last year", "2025-05-02", "", "2024-12 rel \"December last year\""},
      {"sent troops this month", "2024-10-23", "", "2024-10 rel \"this month\""},
      {"last month", "2024-10-23", "", "2024-09 rel \"last month\""},
      {"last year", "2024-10-23", "", "2023 rel \"last year\""},
      {"yesterday", "2024-10-23", "", "2024-10-22 rel \"yesterday\""},
      {"since 2022", "", "", "2022 \"2022\""},
      {"in December", "2025-05-02", "", "2024-12 rel inferred \"December\""},
      {"on Sept. 5, 2024", "", "", "2024-09-05 \"Sept. 5, 2024\""},
      {"June 3rd", "2024-10-23", "", "2024-06-03 rel inferred \"June 3rd\""},
      {"send 10,000 troops by December", "2024-10-23", "", "2024-12 rel inferred \"December\""},
      {"by October", "2024-10-23", "", "2024-10 rel inferred \"October\""},
      {"next May", "2024-10-23", "", "2025-05 rel inferred \"next May\""},
      {"in late August", "2024-10-23", "", "2024-08 rel inferred \"late August\""},
      {"May I ask", "2024-10-23", "", ""},
      {"on Monday", "2024-10-23", "", ""},
  });
}

TEST(DateParserTest, NotDates) {
  RunTable({
      {"kỷ niệm 80 năm kết thúc chiến tranh", "2025-12-18", "", ""},
      {"mùa 3", "2025-12-18", "", ""},
      {"đội U23 thắng", "2025-12-18", "", ""},
      {"lúc 11:08", "2025-12-18", "", ""},
      {"tên lửa Chonma-2", "2025-12-18", "", ""},
      {"phục vụ 24/7", "2025-12-18", "", ""},
      {"trong vòng hai tuần qua", "2025-12-18", "", ""},
      {"3 tháng trước", "2025-12-18", "", ""},
      {"những năm 1990", "2025-12-18", "", ""},
      {"1.500 binh sĩ", "2025-12-18", "", ""},
      {"2000 troops", "2025-12-18", "", ""},
  });
}

TEST(DateParserTest, SpansAndFlags) {
  std::string text = "Vào tháng 10 năm ngoái, họ ký.";
  std::vector<DateMention> all = FindDates(text, Ctx("2025-10-24"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].begin, text.find("tháng"));
  EXPECT_EQ(all[0].end, text.find(","));
  EXPECT_TRUE(all[0].relative);
  EXPECT_FALSE(all[0].year_inferred);
  EXPECT_EQ(all[0].date.granularity, DateGranularity::kMonth);
}

TEST(DateParserTest, InferAnchorTakesLatestWrittenDate) {
  struct A {
    const char* text;
    const char* want;  // "" for nullopt
  };
  for (const A& a : std::vector<A>{
           {"hôm 17/6 ... vào tháng 8/2024 ... hồi tháng 6/2024 ... cuối tháng 4", "2024-08"},
           {"ngày 19/6/2024 và ngày 11/11/2024", "2024-11-11"},
           {"năm 2030 và tháng 3/2024", "2024-03"},
           {"đến năm 2030", "2030"},
           {"năm ngoái, hôm qua, ngày 23/10", ""},
           {"quý II năm 2025 và tháng 3/2025", "2025-Q2"},
       }) {
    std::optional<PartialDate> d = InferAnchor(a.text);
    EXPECT_EQ(d ? d->ToString() : "", a.want) << a.text;
  }
}

TEST(DateParserTest, ArticleLikeParagraphWithAnchor) {
  // No publication date: the anchor (latest written date, 2024-08) places the
  // year-less dates after it, as the narrative moves forward.
  std::string text =
      "Hôm 17/6, quan chức Nga đến Bình Nhưỡng. Ukraine tấn công Kursk vào tháng 8/2024 "
      "và Nga giành lại tỉnh này vào cuối tháng 4. Hai nước ký hiệp ước hồi tháng 6/2024.";
  DateContext ctx;
  ctx.anchor = InferAnchor(text);
  std::vector<std::string> parts;
  for (const DateMention& m : FindDates(text, ctx)) parts.push_back(m.ToString());
  EXPECT_EQ(Join(parts, " | "),
            "2025-06-17 rel inferred \"Hôm 17/6\" | 2024-08 \"tháng 8/2024\" | "
            "2025-04 rel inferred \"cuối tháng 4\" | 2024-06 \"tháng 6/2024\"");
}

}  // namespace
}  // namespace claimcheck
