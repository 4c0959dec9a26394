#include "engine/explanation.h"

#include <cmath>

#include "base/strings.h"

namespace claimcheck {
namespace {

bool English(Language lang) { return lang == Language::kEnglish; }

std::string Num(const std::optional<double>& v, const Claim& c, Language lang) {
  if (!v) return English(lang) ? "unbounded" : "không giới hạn";
  if (c.unit == "percent") return FormatGrouped(*v * 100, lang) + "%";
  return FormatGrouped(*v, lang);
}

std::string Topic(const Claim& c) { return c.metric + "/" + c.subject; }

}  // namespace

std::string FormatGrouped(double v, Language lang) {
  std::string s = FormatNumber(v);
  if (s.find('e') != std::string::npos) return s;
  std::string sign;
  if (!s.empty() && s[0] == '-') sign = "-", s.erase(0, 1);
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  const char group = English(lang) ? ',' : '.';
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += group;
    out += whole[i];
  }
  if (!frac.empty()) out += (English(lang) ? "." : ",") + frac;
  return sign + out;
}

std::string DescribeValue(const Claim& c, Language lang) {
  if (c.kind == ClaimKind::kDate) return c.date;
  const bool en = English(lang);
  std::string v = Num(c.value, c, lang);
  switch (c.qualifier) {
    case Qualifier::kExact: return v;
    case Qualifier::kApprox: return (en ? "about " : "khoảng ") + v;
    case Qualifier::kMoreThan: return (en ? "more than " : "hơn ") + v;
    case Qualifier::kAtLeast: return (en ? "at least " : "ít nhất ") + v;
    case Qualifier::kNearly: return (en ? "nearly " : "gần ") + v;
    case Qualifier::kAtMost: return (en ? "at most " : "tối đa ") + v;
    case Qualifier::kRange:
      return Num(c.low ? c.low : c.value, c, lang) + "-" + Num(c.high, c, lang);
    case Qualifier::kVague:
      return (en ? "an unspecified number between " : "một con số không cụ thể từ ") +
             Num(c.low, c, lang) + (en ? " and " : " đến ") + Num(c.high, c, lang);
  }
  return v;
}

std::string DescribeSource(const ClaimRef& ref, Language lang) {
  const bool en = English(lang);
  std::vector<std::string> parts;
  if (!ref.outlet.empty()) parts.push_back(ref.outlet);
  if (!ref.published.empty()) parts.push_back((en ? "published " : "đăng ngày ") + ref.published);
  if (!ref.claim.as_of.empty() && !ref.claim.as_of_inferred) {
    parts.push_back((en ? "as of " : "tính đến ") + ref.claim.as_of);
  }
  if (!ref.claim.attributed_to.empty()) {
    parts.push_back((en ? "citing " : "dẫn lời ") + ref.claim.attributed_to);
  }
  std::string out = ref.claim.file;
  if (!parts.empty()) out += " (" + Join(parts, ", ") + ")";
  return out;
}

std::string DescribeInterval(const Interval& i, Language lang) {
  const bool en = English(lang);
  auto bound = [&](double v) {
    if (std::isinf(v)) return std::string(en ? "unbounded" : "không giới hạn");
    return FormatGrouped(std::round(v * 100) / 100, lang);
  };
  return bound(i.low) + (en ? " to " : " đến ") + bound(i.high);
}

Explanation ExplainCountAgreement(const std::string& rule_id, Severity severity, const ClaimRef& a,
                                  const ClaimRef& b, const Interval& wa, const Interval& wb) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = "Rule " + rule_id + ": " + DescribeSource(a, en) + " reports " + DescribeValue(a.claim, en) +
           " for " + Topic(a.claim) + " while " + DescribeSource(b, en) + " reports " +
           DescribeValue(b.claim, en);
  out.vi = "Quy tắc " + rule_id + ": " + DescribeSource(a, vi) + " nêu " + DescribeValue(a.claim, vi) +
           " cho " + Topic(a.claim) + " trong khi " + DescribeSource(b, vi) + " nêu " +
           DescribeValue(b.claim, vi);
  std::string ra = DescribeInterval(wa, en), rb = DescribeInterval(wb, en);
  std::string va = DescribeInterval(wa, vi), vb = DescribeInterval(wb, vi);
  if (severity == Severity::kConflict) {
    out.en += "; even with the rule's tolerance the ranges " + ra + " and " + rb +
              " do not overlap, so both cannot be true.";
    out.vi += "; kể cả với dung sai của quy tắc, hai khoảng " + va + " và " + vb +
              " không giao nhau nên không thể cùng đúng.";
  } else {
    out.en += "; the figures differ but the ranges " + ra + " and " + rb +
              " overlap, so both can hold.";
    out.vi += "; hai con số khác nhau nhưng hai khoảng " + va + " và " + vb +
              " vẫn giao nhau nên có thể cùng đúng.";
  }
  return out;
}

Explanation ExplainDateAgreement(const std::string& rule_id, const ClaimRef& a, const ClaimRef& b,
                                 std::string_view granularity_en, std::string_view granularity_vi) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = "Rule " + rule_id + ": " + DescribeSource(a, en) + " dates " + Topic(a.claim) + " to " +
           a.claim.date + " while " + DescribeSource(b, en) + " dates it to " + b.claim.date +
           "; compared by " + std::string(granularity_en) +
           " the two dates differ, so both cannot be true.";
  out.vi = "Quy tắc " + rule_id + ": " + DescribeSource(a, vi) + " ghi " + Topic(a.claim) +
           " vào " + a.claim.date + " trong khi " + DescribeSource(b, vi) + " ghi " + b.claim.date +
           "; so theo " + std::string(granularity_vi) +
           " hai mốc thời gian khác nhau nên không thể cùng đúng.";
  return out;
}

Explanation ExplainCumulative(const std::string& rule_id, const ClaimRef& earlier,
                              const ClaimRef& later, bool decrease) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  if (decrease) {
    out.en = "Rule " + rule_id + ": " + DescribeSource(later, en) +
             " is a later report with a lower cumulative figure for " + Topic(later.claim) + " (" +
             DescribeValue(later.claim, en) + ") than " + DescribeSource(earlier, en) + " (" +
             DescribeValue(earlier.claim, en) +
             "); a cumulative count cannot fall, so both cannot be true.";
    out.vi = "Quy tắc " + rule_id + ": " + DescribeSource(later, vi) +
             " là báo cáo sau nhưng đưa con số cộng dồn thấp hơn cho " + Topic(later.claim) + " (" +
             DescribeValue(later.claim, vi) + ") so với " + DescribeSource(earlier, vi) + " (" +
             DescribeValue(earlier.claim, vi) +
             "); số cộng dồn không thể giảm nên hai con số không thể cùng đúng.";
  } else {
    out.en = "Rule " + rule_id + ": " + DescribeSource(later, en) +
             " is a later report with a higher cumulative figure for " + Topic(later.claim) + " (" +
             DescribeValue(later.claim, en) + ") than " + DescribeSource(earlier, en) + " (" +
             DescribeValue(earlier.claim, en) +
             "); a rising cumulative count is expected, not a contradiction.";
    out.vi = "Quy tắc " + rule_id + ": " + DescribeSource(later, vi) +
             " là báo cáo sau với con số cộng dồn cao hơn cho " + Topic(later.claim) + " (" +
             DescribeValue(later.claim, vi) + ") so với " + DescribeSource(earlier, vi) + " (" +
             DescribeValue(earlier.claim, vi) +
             "); số cộng dồn tăng theo thời gian là bình thường, không phải mâu thuẫn.";
  }
  return out;
}

Explanation ExplainBound(const std::string& rule_id, const ClaimRef& lower, const ClaimRef& upper) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = "Rule " + rule_id + ": " + DescribeSource(lower, en) + " reports " +
           DescribeValue(lower.claim, en) + " for " + Topic(lower.claim) + " but " +
           DescribeSource(upper, en) + " reports only " + DescribeValue(upper.claim, en) + " for " +
           Topic(upper.claim) + "; " + lower.claim.metric + " cannot exceed " + upper.claim.metric +
           ", so both cannot be true.";
  out.vi = "Quy tắc " + rule_id + ": " + DescribeSource(lower, vi) + " nêu " +
           DescribeValue(lower.claim, vi) + " cho " + Topic(lower.claim) + " nhưng " +
           DescribeSource(upper, vi) + " chỉ nêu " + DescribeValue(upper.claim, vi) + " cho " +
           Topic(upper.claim) + "; " + lower.claim.metric + " không thể vượt quá " +
           upper.claim.metric + " nên không thể cùng đúng.";
  return out;
}

Explanation ExplainStale(const std::string& rule_id, const ClaimRef& older, const ClaimRef& higher,
                         const ClaimRef& later) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = "Rule " + rule_id + ": " + DescribeSource(later, en) + " gives " +
           DescribeValue(later.claim, en) + " for " + Topic(later.claim) +
           " without saying when it held, the figure " + DescribeSource(older, en) +
           " had reported (" + DescribeValue(older.claim, en) + "), although " +
           DescribeSource(higher, en) + " had since reported " + DescribeValue(higher.claim, en) +
           "; the later article repeats an outdated cumulative figure.";
  out.vi = "Quy tắc " + rule_id + ": " + DescribeSource(later, vi) + " nêu " +
           DescribeValue(later.claim, vi) + " cho " + Topic(later.claim) +
           " mà không nói số liệu tính đến thời điểm nào, trùng với con số " +
           DescribeSource(older, vi) + " đã đưa (" + DescribeValue(older.claim, vi) +
           "), trong khi " + DescribeSource(higher, vi) + " sau đó đã nêu " +
           DescribeValue(higher.claim, vi) + "; bài sau lặp lại một con số cộng dồn đã cũ.";
  return out;
}

namespace {

std::string PartList(const std::vector<ClaimRef>& parts, Language lang) {
  std::vector<std::string> items;
  for (const auto& p : parts) {
    items.push_back(Topic(p.claim) + " " + DescribeValue(p.claim, lang) + " (" + p.claim.file + ")");
  }
  return Join(items, " + ");
}

}  // namespace

Explanation ExplainSum(const std::string& rule_id, const ClaimRef& total,
                       const std::vector<ClaimRef>& parts, const Interval& sum, const Interval& wt) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = "Rule " + rule_id + ": " + DescribeSource(total, en) + " reports " +
           DescribeValue(total.claim, en) + " for " + Topic(total.claim) + " but its parts " +
           PartList(parts, en) + " add up to " + DescribeInterval(sum, en) +
           ", which even with the rule's tolerance does not meet " + DescribeInterval(wt, en) +
           ", so both cannot be true.";
  out.vi = "Quy tắc " + rule_id + ": " + DescribeSource(total, vi) + " nêu " +
           DescribeValue(total.claim, vi) + " cho " + Topic(total.claim) + " nhưng các phần " +
           PartList(parts, vi) + " cộng lại được " + DescribeInterval(sum, vi) +
           ", kể cả với dung sai của quy tắc vẫn không khớp với " + DescribeInterval(wt, vi) +
           " nên không thể cùng đúng.";
  return out;
}

Explanation ExplainPartWithinWhole(const std::string& rule_id, const ClaimRef& whole,
                                   const std::vector<ClaimRef>& parts, const Interval& sum) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  const bool one = parts.size() == 1;
  Explanation out;
  out.en = "Rule " + rule_id + ": " + (one ? DescribeSource(parts[0], en) + " reports " : std::string("the parts ")) +
           PartList(parts, en) + (one ? "" : " add up to " + DescribeInterval(sum, en)) +
           ", more than " + DescribeSource(whole, en) + " reports for the whole (" +
           Topic(whole.claim) + " " + DescribeValue(whole.claim, en) +
           ") at the same time; a part cannot exceed its whole, so both cannot be true.";
  out.vi = "Quy tắc " + rule_id + ": " + (one ? DescribeSource(parts[0], vi) + " nêu " : std::string("các phần ")) +
           PartList(parts, vi) + (one ? "" : " cộng lại được " + DescribeInterval(sum, vi)) +
           ", nhiều hơn con số " + DescribeSource(whole, vi) + " nêu cho toàn bộ (" +
           Topic(whole.claim) + " " + DescribeValue(whole.claim, vi) +
           ") cùng thời điểm; phần không thể lớn hơn tổng thể nên không thể cùng đúng.";
  return out;
}

}  // namespace claimcheck
