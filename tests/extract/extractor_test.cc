// The extractor against the shipped lexicon (rules/), on sentences written for
// these tests: each case lists every claim the text must yield, in a short
// canonical form "metric/subject value qualifier [low,high]" or "metric/subject date".
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include "base/strings.h"
#include "extract/count_extractor.h"

namespace claimcheck {
namespace {

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Lexicon lexicon;
    DiagnosticSink sink;
    Status st = LoadLexicon(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &lexicon, &sink);
    for (const auto& d : sink.items()) ADD_FAILURE() << d.ToString();
    ASSERT_TRUE(st.ok()) << st.ToString();
    auto ex = Extractor::Create(std::move(lexicon), &sink);
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    extractor_ = std::move(ex.value()).release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  static std::vector<std::string> Claims(const std::string& text, const std::string& published,
                                         const std::string& language = "vi") {
    Document doc;
    doc.file = "t.txt";
    doc.text = text;
    doc.published = published;
    doc.language = language;
    std::vector<std::string> out;
    for (const Claim& c : extractor_->Extract(doc)) {
      std::string s = c.metric + "/" + c.subject + " ";
      if (c.kind == ClaimKind::kDate) {
        s += c.date;
      } else {
        s += FormatNumber(c.value) + " " + std::string(QualifierName(c.qualifier)) + " [" +
             (c.low ? FormatNumber(*c.low) : "*") + "," + (c.high ? FormatNumber(*c.high) : "*") + "]";
      }
      out.push_back(s);
    }
    return out;
  }

  static Extractor* extractor_;
};

Extractor* ExtractorTest::extractor_ = nullptr;

struct Case {
  const char* text;
  const char* published;
  std::vector<std::string> claims;
};

TEST_F(ExtractorTest, WarCounts) {
  const std::vector<Case> cases = {
      {"Quân đội cho biết khoảng 300 binh sĩ Triều Tiên đã thiệt mạng trong giao tranh.", "2025-03-01",
       {"killed/north_korea 300 approx [300,300]"}},
      {"Theo tình báo, hơn 2.500 binh sĩ Nga bị thương trong chiến dịch quân sự.", "2025-03-01",
       {"wounded/russia 2500 more_than [2500,*]"}},
      {"Bình Nhưỡng đã điều khoảng 11.000 quân tới chiến trường, chiến dịch quân sự kéo dài.", "2025-03-01",
       {"troops_deployed/north_korea 11000 approx [11000,11000]"}},
      {"Triều Tiên sẽ cử 2.000 chuyên gia rà phá bom mìn và 4.000 kỹ sư quân sự tới chiến trường.", "2025-03-01",
       {"deminers_deployed/north_korea 2000 exact [2000,2000]", "engineers_deployed/north_korea 4000 exact [4000,4000]"}},
      {"Lữ đoàn 17 của quân đội Nga tham chiến từ lâu.", "2025-03-01", {}},
      {"Quân đội dùng pháo 152mm trong chiến dịch, kỷ niệm 70 năm thành lập.", "2025-03-01", {}},
      {"Bộ Quốc phòng nói Nga dự kiến gửi 3.000 binh sĩ tới chiến trường trong chiến dịch.", "2025-03-01",
       {"troops_planned/russia 3000 exact [3000,3000]"}},
      {"The Pentagon said North Korea sent another 2,000 troops to the battlefield this month, the army said.",
       "2025-03-01", {"troops_deployed_batch/north_korea 2000 exact [2000,2000]"}},
      {"At least 40 Russian soldiers were killed in the combat offensive, the military said.", "2025-03-01",
       {"killed/russia 40 at_least [40,*]"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Claims(c.text, c.published), c.claims) << c.text;
}

TEST_F(ExtractorTest, DisasterCounts) {
  const std::vector<Case> cases = {
      {"Cơn bão làm 12 người chết và 5 người mất tích tại tỉnh Lào Cai, lũ quét gây ngập nhiều nơi.", "2024-09-10",
       {"dead/lao_cai 12 exact [12,12]", "missing/lao_cai 5 exact [5,5]"}},
      {"Tính đến sáng nay, cả nước có hơn 1.200 ngôi nhà bị tốc mái do bão, lũ gây ngập.", "2024-09-10",
       {"houses_damaged/vietnam 1200 more_than [1200,*]"}},
      {"Bão Yagi gây thiệt hại khoảng 40.000 tỷ đồng cho cả nước, lũ lụt kéo dài.", "2024-09-10",
       {"economic_loss_vnd/vietnam 40000000000000 approx [40000000000000,40000000000000]"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Claims(c.text, c.published), c.claims) << c.text;
}

// A word that merely holds an alias names no subject: "Chủ nhật" (Sunday) is not
// Japan, "cập nhật" (updated) neither, and "us" is not the US; written as an
// acronym, "US" still is. (A count whose subject is unknown yields no claim.)
TEST_F(ExtractorTest, AliasesInsideOtherWordsNameNoSubject) {
  const std::vector<Case> cases = {
      {"Sáng Chủ nhật, giới chức cho biết 45 người đã thiệt mạng do mưa lũ.", "2025-06-02",
       {}},
      {"Cập nhật lúc 9 giờ: mưa lũ tại Yên Bái làm 7 người chết.", "2025-06-02", {"dead/yen_bai 7 exact [7,7]"}},
      {"Ông cho biết mỹ phẩm không bị hư hại, nhưng 30 ngôi nhà bị tốc mái do bão.", "2025-06-02",
       {}},
      {"Nhật Bản cho biết 12 người thiệt mạng vì động đất.", "2025-06-02", {"dead/japan 12 exact [12,12]"}},
      // A person's name ("Thị", "Văn" capitalised before it), not Russia; a town
      // ("đô thị", lower case) of Russia still is.
      {"Bà Nguyễn Thị Nga cho biết 12 người thiệt mạng do lũ.", "2025-06-02", {}},
      {"Lũ tràn vào các đô thị Nga, làm 30 người thiệt mạng.", "2025-06-02", {"dead/russia 30 exact [30,30]"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Claims(c.text, c.published), c.claims) << c.text;
  const std::vector<Case> english = {
      {"Rescuers told us on Sunday that 300 people were killed by the floods.", "2025-06-02",
       {}},
      {"The US said 300 American soldiers were killed in the fighting.", "2025-06-02",
       {"killed/united_states 300 exact [300,300]"}},
  };
  for (const Case& c : english) EXPECT_EQ(Claims(c.text, c.published, "en"), c.claims) << c.text;
}

TEST_F(ExtractorTest, EventDates) {
  const std::vector<Case> cases = {
      {"Vào tháng 3 năm ngoái, Tổng thống Nga và lãnh đạo Triều Tiên đã ký một hiệp ước hợp tác.", "2025-05-02",
       {"treaty_signed/russia_north_korea 2024-03"}},
      {"Nga và Triều Tiên ký hiệp ước hữu nghị hồi tháng 7/2023 tại Moskva.", "2025-05-02",
       {"treaty_signed/russia_north_korea 2023-07"}},
      {"Ông Putin ngày 2/4 đã ký luật phê chuẩn hiệp ước với Triều Tiên thành luật.", "2025-05-02",
       {"treaty_ratified/russia 2025-04-02"}},
      {"Hãng tin đưa tin ngày 3/4 về hiệp ước giữa Nga và Triều Tiên.", "2025-05-02", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Claims(c.text, c.published), c.claims) << c.text;
}

TEST(IntervalTest, QualifiersGiveBounds) {
  std::optional<double> lo, hi;
  IntervalFor(Qualifier::kMoreThan, 10, std::nullopt, &lo, &hi);
  EXPECT_EQ(*lo, 10);
  EXPECT_FALSE(hi.has_value());
  IntervalFor(Qualifier::kNearly, 0.5, std::nullopt, &lo, &hi);
  EXPECT_FALSE(lo.has_value());
  EXPECT_EQ(*hi, 0.5);
  IntervalFor(Qualifier::kRange, 10000, 12000, &lo, &hi);
  EXPECT_EQ(*lo, 10000);
  EXPECT_EQ(*hi, 12000);
}

}  // namespace
}  // namespace claimcheck
