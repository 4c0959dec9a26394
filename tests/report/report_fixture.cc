#include "report_fixture.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace claimcheck {
namespace {

Document MakeDocument(const std::string& file, const std::string& outlet,
                      const std::string& published, const std::string& language,
                      const std::string& url) {
  Document d;
  d.file = file;
  d.path = "articles/" + file;
  d.outlet = outlet;
  d.published = published;
  d.language = language;
  d.url = url;
  return d;
}

Claim MakeDateClaim(const std::string& file, const std::string& metric,
                    const std::string& subject, const std::string& date,
                    const std::string& quote, const std::string& sentence) {
  Claim c;
  c.file = file;
  c.kind = ClaimKind::kDate;
  c.metric = metric;
  c.subject = subject;
  c.date = date;
  c.quote = quote;
  c.sentence = sentence;
  c.span_begin = 40;
  c.span_end = 40 + quote.size();
  c.confidence = 0.8;
  c.pattern_id = "date_signed";
  return c;
}

ClaimRef Ref(const Claim& c, const Document& d) { return {c, d.outlet, d.published, d.url}; }

}  // namespace

Claim MakeCountClaim(const std::string& file, const std::string& metric,
                     const std::string& subject, double value, Qualifier qualifier,
                     const std::string& quote, const std::string& sentence) {
  Claim c;
  c.file = file;
  c.kind = ClaimKind::kCount;
  c.metric = metric;
  c.subject = subject;
  c.value = value;
  c.qualifier = qualifier;
  c.low = value;
  c.high = value;
  c.unit = "people";
  c.quote = quote;
  c.sentence = sentence;
  c.span_begin = 12;
  c.span_end = 12 + quote.size();
  c.confidence = 0.9;
  c.pattern_id = "count_people";
  return c;
}

Conflict MakeConflict(const std::string& id, Severity severity, const std::string& metric,
                      const std::string& subject, const Claim& a, const Claim& b) {
  Conflict k;
  k.id = id;
  k.rule_id = "count_agreement";
  k.severity = severity;
  k.metric = metric;
  k.subject = subject;
  k.a.claim = a;
  k.b.claim = b;
  return k;
}

namespace {

// The fixture: the report input, and its claims in *claims.
ReportInput BuildFixture(std::vector<Claim>* claims) {
  ReportInput in;
  const Document flood_a = MakeDocument("lu-lao-cai-a.txt", "Báo Sông Hồng", "2024-09-12", "vi",
                                        "https://songhong.example.vn/lu-lao-cai");
  const Document flood_b = MakeDocument("lu-lao-cai-b.txt", "Tin Miền Núi", "2024-09-13", "vi", "");
  const Document treaty_en = MakeDocument("treaty-en.txt", "Example Wire", "2024-06-20", "en",
                                          "http://wire.example.com/pact");
  const Document treaty_vi = MakeDocument("hiep-uoc-vi.txt", "Thời sự Mẫu", "2024-06-21", "vi",
                                          "ftp://thoisu.example.vn/hiep-uoc");
  in.documents = {flood_b, treaty_en, flood_a, treaty_vi};

  Claim dead_a = MakeCountClaim("lu-lao-cai-a.txt", "dead", "lao_cai", 95, Qualifier::kExact,
                                "95 người chết",
                                "Theo báo cáo sáng nay, tỉnh ghi nhận 95 người chết do lũ.");
  dead_a.as_of = "2024-09-12";
  dead_a.as_of_inferred = true;
  Claim dead_b = MakeCountClaim("lu-lao-cai-b.txt", "dead", "lao_cai", 120, Qualifier::kMoreThan,
                                "hơn 120 người tử vong",
                                "- Đến chiều, chính quyền cho biết hơn 120 người tử vong.");
  dead_b.high.reset();
  dead_b.attributed_to = "Ban chỉ huy \"PCTT\" tỉnh";
  Claim missing_a = MakeCountClaim("lu-lao-cai-a.txt", "missing", "lao_cai", 20, Qualifier::kVague,
                                   "hàng chục người mất tích",
                                   "Ngoài ra còn hàng chục người mất tích, lực lượng cứu hộ\n"
                                   "đang tìm kiếm.");
  missing_a.high = 99;
  Claim missing_b = MakeCountClaim("lu-lao-cai-b.txt", "missing", "lao_cai", 50, Qualifier::kApprox,
                                   "khoảng 50 người",
                                   "Số người chưa liên lạc được vào khoảng 50 người.");
  missing_b.low = 45;
  missing_b.high = 55;
  Claim loss_a = MakeCountClaim("lu-lao-cai-a.txt", "economic_loss_vnd", "lao_cai", 1.5e12,
                                Qualifier::kApprox, "khoảng 1.500 tỷ đồng",
                                "Thiệt hại ban đầu, theo ước tính, vào khoảng 1.500 tỷ đồng.");
  loss_a.unit = "vnd";
  const Claim signed_en = MakeDateClaim(
      "treaty-en.txt", "treaty_signed", "russia_north_korea", "2024-06-19",
      "signed on June 19, 2024",
      "The pact, signed on June 19, 2024, commits both sides to mutual aid.");
  const Claim signed_vi = MakeDateClaim(
      "hiep-uoc-vi.txt", "treaty_signed", "russia_north_korea", "2024-06", "ký hồi tháng 6/2024",
      "Hiệp ước được hai bên ký hồi tháng 6/2024 tại Bình Nhưỡng.");
  *claims = {dead_a, dead_b, missing_a, missing_b, loss_a, signed_en, signed_vi};
  in.claims_per_file = CountClaimsPerFile(*claims);

  Conflict info;
  info.id = "1111222233334444";
  info.rule_id = "date_precision";
  info.severity = Severity::kInfo;
  info.metric = "treaty_signed";
  info.subject = "russia_north_korea";
  info.a = Ref(signed_vi, treaty_vi);
  info.b = Ref(signed_en, treaty_en);
  info.explanation = "One source gives only the month; the day given by the other fits it.";
  info.explanation_vi = "Một nguồn chỉ nêu tháng; ngày do nguồn kia nêu nằm trong tháng đó.";

  Conflict conflict;
  conflict.id = "a1b2c3d4e5f60718";
  conflict.rule_id = "count_agreement";
  conflict.severity = Severity::kConflict;
  conflict.metric = "dead";
  conflict.subject = "lao_cai";
  conflict.a = Ref(dead_a, flood_a);
  conflict.b = Ref(dead_b, flood_b);
  conflict.explanation = "Source A reports 95 dead while source B reports more than 120.";
  conflict.explanation_vi = "Nguồn A nói 95 người chết, nguồn B nói hơn 120 người.";
  conflict.likely_value = "more than 120";
  conflict.support_a = 1;
  conflict.support_b = 2;
  conflict.trust_a = 0.62;
  conflict.trust_b = 0.875;
  conflict.series = "95 (2024-09-10, a.txt) -> more than 120 (2024-09-12, b.txt)";

  Conflict divergence;
  divergence.id = "0f0e0d0c0b0a0908";
  divergence.rule_id = "count_overlap";
  divergence.severity = Severity::kDivergence;
  divergence.metric = "missing";
  divergence.subject = "lao_cai";
  divergence.a = Ref(missing_a, flood_a);
  divergence.b = Ref(missing_b, flood_b);
  divergence.explanation = "Both figures can hold, but they differ widely.";
  divergence.explanation_vi = "Hai con số có thể cùng đúng nhưng chênh lệch nhiều.";
  divergence.status = "confirmed";
  divergence.note = "Đã hỏi phóng viên, chờ số liệu chính thức.";

  in.conflicts = {info, conflict, divergence};

  in.run.run_label = "run 3, 2024-09-13 02:00";
  in.run.documents = 4;
  in.run.documents_new = 1;
  in.run.documents_changed = 1;
  in.run.documents_unchanged = 2;
  in.run.claims = 7;
  in.run.new_conflict_ids = {"a1b2c3d4e5f60718"};
  in.run.resolved_conflict_ids = {"9999888877776666"};
  Conflict resolved = conflict;  // an earlier figure of flood_a, edited since
  resolved.id = "9999888877776666";
  resolved.a.claim.value = 90;
  resolved.a.claim.low = resolved.a.claim.high = 90;
  resolved.a.claim.quote = "90 người chết";
  resolved.a.claim.sentence = "Lũ quét làm 90 người chết <b>và</b> nhiều nhà bị cuốn trôi.";
  resolved.status = "dismissed";
  resolved.note = "";
  in.run.resolved_conflicts = {resolved};
  return in;
}

}  // namespace

ReportInput MakeFixtureInput() {
  std::vector<Claim> claims;
  return BuildFixture(&claims);
}

std::vector<Claim> MakeFixtureClaims() {
  std::vector<Claim> claims;
  BuildFixture(&claims);
  return claims;
}

std::string CompareWithGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(CLAIMCHECK_SOURCE_DIR) + "/tests/golden/report/" + name;
  const char* update = std::getenv("CLAIMCHECK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << actual;
    return out ? "" : "cannot write golden file " + path;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "missing golden file " + path + " (run with CLAIMCHECK_UPDATE_GOLDEN=1)";
  std::ostringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual) return "";
  return "output differs from " + path +
         " (if the change is intended, rerun with CLAIMCHECK_UPDATE_GOLDEN=1 and review the diff)"
         "\n--- expected ---\n" + expected.str() + "\n--- actual ---\n" + actual;
}

}  // namespace claimcheck
