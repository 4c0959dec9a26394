#include "ingest/metadata_detector.h"

#include <gtest/gtest.h>

namespace claimcheck {
namespace {

const std::vector<std::string> kPrefixes = {"Nguồn:", "Theo", "Source:"};

TEST(MetadataDetectorTest, TakeDateToken) {
  struct Case {
    std::string text;
    std::string date;
    std::string rest;
  };
  const Case cases[] = {
      {" date 2025-10-24 Nhà lãnh đạo phát biểu.", "2025-10-24", "Nhà lãnh đạo phát biểu."},
      {" date 2024-11 Tổng thống ký.", "2024-11", "Tổng thống ký."},
      {"date 2024-11-02\nDòng hai", "2024-11-02", "\nDòng hai"},
      {" date 2024-13 bad month", "", " date 2024-13 bad month"},
      {" date 24/10 no iso", "", " date 24/10 no iso"},
      {"Update date 2024-11-02 later", "", "Update date 2024-11-02 later"},
      {" date 2024-11-02x glued", "", " date 2024-11-02x glued"},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    EXPECT_EQ(TakeDateToken(&text), c.date) << c.text;
    EXPECT_EQ(text, c.rest) << c.text;
  }
}

TEST(MetadataDetectorTest, DetectDateline) {
  const std::pair<std::string, std::string> cases[] = {
      {"Tiêu đề\n\nThứ 7, 10/01/2026 11:08\nNội dung.", "2026-01-10"},
      {"Thời sự quốc tếThứ Ba, 12/11/2024 06:53:54 +07:00Google News\nx", "2024-11-12"},
      {"13/01/2025 14:25\nBody.", "2025-01-13"},
      {"Chủ nhật, 5/1/2025\nBody.", "2025-01-05"},
      {"Posted 2024-11-12 06:53\nBody.", "2024-11-12"},
      {"Sunday, 3/11/2024\nBody.", "2024-11-03"},
      // No year, or a date in running text: not a dateline.
      {"KCNA ngày 24/10 dẫn lời.\nThứ 7, 24/10 11:08", ""},
      {"Sắc lệnh được ký vào ngày 11/11/2024.\n", ""},
      {"Thứ 7, 32/01/2026 11:08", ""},
      // Beyond the first 15 lines.
      {std::string(15, '\n') + "Thứ 7, 10/01/2026 11:08", ""},
  };
  for (const auto& [text, date] : cases) EXPECT_EQ(DetectDateline(text), date) << text;
}

TEST(MetadataDetectorTest, DetectOutlet) {
  const std::pair<std::string, std::string> cases[] = {
      {"Bài viết.\nAdmin\nNguồn: VnExpress", "VnExpress"},
      {"Bài viết.\n\nQuang Hưng (Theo Military Watch)\n", "Military Watch"},
      {"Bài viết.\n(Theo Military Watch)", "Military Watch"},
      {"Body text.\nSource: Reuters.", "Reuters"},
      {"Triều Tiên phê chuẩn\n(VTC News) -\n\nNội dung bài.", "VTC News"},
      {"(VTC News) – Nội dung bài ngay sau.", "VTC News"},
      // Not source lines: a sentence that starts with "Theo", a caption, a mid-text mention.
      {"Theo trang tin Military Watch, tại khu vực gần nhà thờ, hai bộ trưởng đã gặp nhau.",
       ""},
      {"Ảnh chụp hai lãnh đạo ngày 19/6 ở Bình Nhưỡng. (Nguồn: KCNA) |", ""},
      {"Theo\n", ""},
      {"(Ảnh: KCNA) - chú thích", ""},
      {"Nguồn: VnExpress\n1\n2\n3\n4\n5", ""},
  };
  for (const auto& [text, outlet] : cases) {
    EXPECT_EQ(DetectOutlet(text, kPrefixes), outlet) << text;
  }
}

TEST(MetadataDetectorTest, DetectLanguage) {
  const std::pair<std::string, std::string> cases[] = {
      {"Cơ quan tình báo Hàn Quốc ước tính khoảng 2.000 binh sĩ đã thiệt mạng.", "vi"},
      {"North Korea sent around 10,000 troops to Russia, the Pentagon said.", "en"},
      {"Officials in Hà Nội and Đà Nẵng met the delegation from Seoul on Monday "
       "to discuss trade, investment, tourism and several other topics of interest.",
       "en"},
      {"Đà Nẵng", "vi"},
      {"12 34 -- 56", ""},
      {"", ""},
  };
  for (const auto& [text, language] : cases) EXPECT_EQ(DetectLanguage(text), language) << text;
}

TEST(MetadataDetectorTest, DetectTitle) {
  const std::pair<std::string, std::string> cases[] = {
      {"\nKhông ai ngờ tới điều này\n\nNội dung.", "Không ai ngờ tới điều này"},
      {"Pentagon: 10,000 troops in Russia\nBody.", "Pentagon: 10,000 troops in Russia"},
      {"A whole sentence that ends with a period.\nBody.", ""},
      {std::string(210, 'x') + " y\nBody.", ""},
      {"• Zalo\n\nTitle here", ""},
      {"", ""},
  };
  for (const auto& [text, title] : cases) EXPECT_EQ(DetectTitle(text), title) << text;
}

TEST(MetadataDetectorTest, CanonicalDate) {
  const std::pair<std::string, std::string> cases[] = {
      {"2024-10-23", "2024-10-23"}, {"2024-11", "2024-11"}, {"2024", "2024"},
      {"2024-11-12T06:53:54+07:00", "2024-11-12"}, {" 2024-11-12 ", "2024-11-12"},
      {"2024-13", ""}, {"12/11/2024", ""}, {"2024-11-1", ""}, {"yesterday", ""}, {"", ""},
  };
  for (const auto& [value, date] : cases) EXPECT_EQ(CanonicalDate(value), date) << value;
}

}  // namespace
}  // namespace claimcheck
