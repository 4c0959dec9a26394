#include "engine/explanation.h"

#include <cmath>

#include "base/strings.h"

namespace claimcheck {
namespace {

bool English(Language lang) { return lang == Language::kEnglish; }

// Appends each piece (std::string, std::string_view or a literal) to *out. The
// sentences are built by appending to one buffer: a row's two explanations are most
// of the check's time on a large corpus.
template <typename... Pieces>
void Append(std::string* out, const Pieces&... pieces) {
  (out->append(pieces), ...);
}

// FormatGrouped of the number FormatNumber wrote as `s`, appended to *out.
void AppendGroupedText(std::string* out, std::string_view s, Language lang) {
  if (s.find('e') != std::string_view::npos) {
    out->append(s);
    return;
  }
  std::string_view rest = s;
  if (!rest.empty() && rest[0] == '-') {
    out->push_back('-');
    rest.remove_prefix(1);
  }
  const size_t dot = rest.find('.');
  const std::string_view whole = rest.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  const char group = English(lang) ? ',' : '.';
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out->push_back(group);
    out->push_back(whole[i]);
  }
  if (!frac.empty()) Append(out, English(lang) ? "." : ",", frac);
}

// FormatGrouped(v, lang), appended to *out.
void AppendGrouped(std::string* out, double v, Language lang) { AppendGroupedText(out, FormatNumber(v), lang); }

// A bound as worded ("unbounded", "12,000", "50%"), appended to *out.
void AppendNum(std::string* out, const std::optional<double>& v, const Claim& c, Language lang) {
  if (!v) {
    out->append(English(lang) ? "unbounded" : "không giới hạn");
  } else if (c.unit == "percent") {
    AppendGrouped(out, *v * 100, lang);
    out->push_back('%');
  } else {
    AppendGrouped(out, *v, lang);
  }
}

// DescribeValue(c, lang), appended to *out.
void AppendValue(std::string* out, const Claim& c, Language lang) {
  if (c.kind == ClaimKind::kDate) {
    out->append(c.date);
    return;
  }
  const bool en = English(lang);
  switch (c.qualifier) {
    case Qualifier::kExact: break;
    case Qualifier::kApprox: out->append(en ? "about " : "khoảng "); break;
    case Qualifier::kMoreThan: out->append(en ? "more than " : "hơn "); break;
    case Qualifier::kAtLeast: out->append(en ? "at least " : "ít nhất "); break;
    case Qualifier::kNearly: out->append(en ? "nearly " : "gần "); break;
    case Qualifier::kAtMost: out->append(en ? "at most " : "tối đa "); break;
    case Qualifier::kRange:
      AppendNum(out, c.low ? c.low : c.value, c, lang);
      out->push_back('-');
      AppendNum(out, c.high, c, lang);
      return;
    case Qualifier::kVague:
      out->append(en ? "an unspecified number between " : "một con số không cụ thể từ ");
      AppendNum(out, c.low, c, lang);
      out->append(en ? " and " : " đến ");
      AppendNum(out, c.high, c, lang);
      return;
  }
  AppendNum(out, c.value, c, lang);
}

// DescribeSource(ref, lang), appended to *out.
void AppendSource(std::string* out, const ClaimRef& ref, Language lang) {
  const bool en = English(lang);
  out->append(ref.claim.file);
  bool any = false;
  auto part = [&](std::string_view label, std::string_view text) {
    Append(out, any ? ", " : " (", label, text);
    any = true;
  };
  if (!ref.outlet.empty()) part("", ref.outlet);
  if (!ref.published.empty()) part(en ? "published " : "đăng ngày ", ref.published);
  if (!ref.claim.as_of.empty() && !ref.claim.as_of_inferred) part(en ? "as of " : "tính đến ", ref.claim.as_of);
  if (!ref.claim.attributed_to.empty()) part(en ? "citing " : "dẫn lời ", ref.claim.attributed_to);
  if (any) out->push_back(')');
}

// An interval's bounds as FormatNumber writes them (rounded to cents), formatted once
// for both languages; nullopt: unbounded.
struct IntervalText {
  std::optional<std::string> low, high;
};

IntervalText FormatInterval(const Interval& i) {
  auto bound = [](double v) -> std::optional<std::string> {
    if (std::isinf(v)) return std::nullopt;
    return FormatNumber(std::round(v * 100) / 100);
  };
  return {bound(i.low), bound(i.high)};
}

// DescribeInterval of the interval `text` was made from, appended to *out.
void AppendIntervalText(std::string* out, const IntervalText& text, Language lang) {
  const bool en = English(lang);
  auto bound = [&](const std::optional<std::string>& v) {
    if (!v) {
      out->append(en ? "unbounded" : "không giới hạn");
    } else {
      AppendGroupedText(out, *v, lang);
    }
  };
  bound(text.low);
  out->append(en ? " to " : " đến ");
  bound(text.high);
}

// DescribeInterval(i, lang), appended to *out.
void AppendInterval(std::string* out, const Interval& i, Language lang) {
  AppendIntervalText(out, FormatInterval(i), lang);
}

// "metric/subject", appended to *out.
void AppendTopic(std::string* out, const Claim& c) { Append(out, c.metric, "/", c.subject); }

std::string Topic(const Claim& c) { return c.metric + "/" + c.subject; }

// Descriptions as sentence pieces, so each sentence below reads as one list of pieces.
struct Source {
  const ClaimRef& ref;
  Language lang;
};
struct Value {
  const Claim& claim;
  Language lang;
};
struct Range {
  const IntervalText& interval;
  Language lang;
};
struct TopicOf {
  const Claim& claim;
};

// Sentence pieces: text, or one of the descriptions above.
void AppendPiece(std::string* out, std::string_view text) { out->append(text); }
void AppendPiece(std::string* out, const Source& s) { AppendSource(out, s.ref, s.lang); }
void AppendPiece(std::string* out, const Value& v) { AppendValue(out, v.claim, v.lang); }
void AppendPiece(std::string* out, const Range& r) { AppendIntervalText(out, r.interval, r.lang); }
void AppendPiece(std::string* out, const TopicOf& t) { AppendTopic(out, t.claim); }

// The sentence made of `pieces`, in one buffer.
template <typename... Pieces>
std::string Sentence(const Pieces&... pieces) {
  std::string out;
  out.reserve(320);
  (AppendPiece(&out, pieces), ...);
  return out;
}

}  // namespace

std::string FormatGrouped(double v, Language lang) {
  std::string out;
  AppendGrouped(&out, v, lang);
  return out;
}

std::string DescribeValue(const Claim& c, Language lang) {
  std::string out;
  AppendValue(&out, c, lang);
  return out;
}

std::string DescribeSource(const ClaimRef& ref, Language lang) {
  std::string out;
  AppendSource(&out, ref, lang);
  return out;
}

std::string DescribeInterval(const Interval& i, Language lang) {
  std::string out;
  AppendInterval(&out, i, lang);
  return out;
}

Explanation ExplainCountAgreement(const std::string& rule_id, Severity severity, const ClaimRef& a,
                                  const ClaimRef& b, const Interval& wa, const Interval& wb) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  const bool conflict = severity == Severity::kConflict;
  const IntervalText ta = FormatInterval(wa), tb = FormatInterval(wb);
  Explanation out;
  out.en = Sentence("Rule ", rule_id, ": ", Source{a, en}, " reports ", Value{a.claim, en}, " for ",
                    TopicOf{a.claim}, " while ", Source{b, en}, " reports ", Value{b.claim, en},
                    conflict ? "; even with the rule's tolerance the ranges " : "; the figures differ but the ranges ",
                    Range{ta, en}, " and ", Range{tb, en},
                    conflict ? " do not overlap, so both cannot be true." : " overlap, so both can hold.");
  out.vi = Sentence("Quy tắc ", rule_id, ": ", Source{a, vi}, " nêu ", Value{a.claim, vi}, " cho ",
                    TopicOf{a.claim}, " trong khi ", Source{b, vi}, " nêu ", Value{b.claim, vi},
                    conflict ? "; kể cả với dung sai của quy tắc, hai khoảng " : "; hai con số khác nhau nhưng hai khoảng ",
                    Range{ta, vi}, " và ", Range{tb, vi},
                    conflict ? " không giao nhau nên không thể cùng đúng." : " vẫn giao nhau nên có thể cùng đúng.");
  return out;
}

Explanation ExplainDateAgreement(const std::string& rule_id, const ClaimRef& a, const ClaimRef& b,
                                 std::string_view granularity_en, std::string_view granularity_vi) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = Sentence("Rule ", rule_id, ": ", Source{a, en}, " dates ", TopicOf{a.claim}, " to ", a.claim.date,
                    " while ", Source{b, en}, " dates it to ", b.claim.date, "; compared by ", granularity_en,
                    " the two dates differ, so both cannot be true.");
  out.vi = Sentence("Quy tắc ", rule_id, ": ", Source{a, vi}, " ghi ", TopicOf{a.claim}, " vào ", a.claim.date,
                    " trong khi ", Source{b, vi}, " ghi ", b.claim.date, "; so theo ", granularity_vi,
                    " hai mốc thời gian khác nhau nên không thể cùng đúng.");
  return out;
}

Explanation ExplainCumulative(const std::string& rule_id, const ClaimRef& earlier,
                              const ClaimRef& later, bool decrease) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = Sentence("Rule ", rule_id, ": ", Source{later, en},
                    decrease ? " is a later report with a lower cumulative figure for "
                             : " is a later report with a higher cumulative figure for ",
                    TopicOf{later.claim}, " (", Value{later.claim, en}, ") than ", Source{earlier, en}, " (",
                    Value{earlier.claim, en},
                    decrease ? "); a cumulative count cannot fall, so both cannot be true."
                             : "); a rising cumulative count is expected, not a contradiction.");
  out.vi = Sentence("Quy tắc ", rule_id, ": ", Source{later, vi},
                    decrease ? " là báo cáo sau nhưng đưa con số cộng dồn thấp hơn cho "
                             : " là báo cáo sau với con số cộng dồn cao hơn cho ",
                    TopicOf{later.claim}, " (", Value{later.claim, vi}, ") so với ", Source{earlier, vi}, " (",
                    Value{earlier.claim, vi},
                    decrease ? "); số cộng dồn không thể giảm nên hai con số không thể cùng đúng."
                             : "); số cộng dồn tăng theo thời gian là bình thường, không phải mâu thuẫn.");
  return out;
}

Explanation ExplainBound(const std::string& rule_id, const ClaimRef& lower, const ClaimRef& upper) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = Sentence("Rule ", rule_id, ": ", Source{lower, en}, " reports ", Value{lower.claim, en}, " for ",
                    TopicOf{lower.claim}, " but ", Source{upper, en}, " reports only ", Value{upper.claim, en},
                    " for ", TopicOf{upper.claim}, "; ", lower.claim.metric, " cannot exceed ", upper.claim.metric,
                    ", so both cannot be true.");
  out.vi = Sentence("Quy tắc ", rule_id, ": ", Source{lower, vi}, " nêu ", Value{lower.claim, vi}, " cho ",
                    TopicOf{lower.claim}, " nhưng ", Source{upper, vi}, " chỉ nêu ", Value{upper.claim, vi},
                    " cho ", TopicOf{upper.claim}, "; ", lower.claim.metric, " không thể vượt quá ",
                    upper.claim.metric, " nên không thể cùng đúng.");
  return out;
}

Explanation ExplainStale(const std::string& rule_id, const ClaimRef& older, const ClaimRef& higher,
                         const ClaimRef& later) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  Explanation out;
  out.en = Sentence("Rule ", rule_id, ": ", Source{later, en}, " gives ", Value{later.claim, en}, " for ",
                    TopicOf{later.claim}, " without saying when it held, the figure ", Source{older, en},
                    " had reported (", Value{older.claim, en}, "), although ", Source{higher, en},
                    " had since reported ", Value{higher.claim, en},
                    "; the later article repeats an outdated cumulative figure.");
  out.vi = Sentence("Quy tắc ", rule_id, ": ", Source{later, vi}, " nêu ", Value{later.claim, vi}, " cho ",
                    TopicOf{later.claim}, " mà không nói số liệu tính đến thời điểm nào, trùng với con số ",
                    Source{older, vi}, " đã đưa (", Value{older.claim, vi}, "), trong khi ", Source{higher, vi},
                    " sau đó đã nêu ", Value{higher.claim, vi}, "; bài sau lặp lại một con số cộng dồn đã cũ.");
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
