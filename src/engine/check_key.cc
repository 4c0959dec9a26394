#include "engine/check_key.h"

#include <cstdio>

#include "base/build_id.h"
#include "base/strings.h"

namespace claimcheck {
namespace {

// Appends fields separated by \x1f; doubles exactly (hex float), lists with \x1e.
class KeyWriter {
 public:
  void Add(std::string_view s) {
    out_.append(s);
    out_.push_back('\x1f');
  }
  void Add(double d) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", d);
    Add(std::string_view(buf));
  }
  void Add(int i) { Add(std::string_view(std::to_string(i))); }
  void Add(const std::vector<std::string>& list) {
    for (const std::string& s : list) {
      out_.append(s);
      out_.push_back('\x1e');
    }
    out_.push_back('\x1f');
  }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

}  // namespace

std::string CheckKey(const std::vector<CheckRule>& rules) {
  const std::string& build = BuildId();
  if (build.empty()) return "";
  KeyWriter w;
  for (const CheckRule& r : rules) {
    w.Add(r.id);
    w.Add(r.description);
    w.Add(CheckKindName(r.kind));
    w.Add(SeverityName(r.severity));
    w.Add(r.metrics);
    w.Add(r.subjects);
    w.Add(r.min_confidence);
    w.Add(r.outlets);
    w.Add(r.languages);
    w.Add(r.relative_tolerance);
    w.Add(r.absolute_tolerance);
    w.Add(r.approx_margin);
    w.Add(r.lower_metric);
    w.Add(r.upper_metric);
    w.Add(r.part_metrics);
    w.Add(r.total_metric);
    w.Add(r.whole_subjects);
    w.Add(r.part_subjects);
    w.Add(r.min_similarity);
    w.Add(r.shingle_words);
    w.Add(r.credit_prefixes);
    w.Add("\n");
  }
  return "build " + build + ", rules " + std::to_string(rules.size()) + " " + Hex64(Fnv1a64(w.text()));
}

}  // namespace claimcheck
