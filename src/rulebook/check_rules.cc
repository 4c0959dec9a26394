#include "rulebook/check_rules.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <toml.hpp>

#include "base/strings.h"
#include "rulebook/toml_text.h"

namespace claimcheck {
namespace {

constexpr std::array<std::string_view, 8> kKindNames = {
    "count_agreement", "date_agreement",  "cumulative_decrease", "bound",
    "copies",          "stale_figure",    "sum_of_parts",        "part_within_whole"};

// Keys every [[rule]] may carry, and the extra keys of each kind.
const std::set<std::string> kCommonKeys = {"id",       "description", "kind",    "severity",
                                           "metrics",  "subjects",    "outlets", "languages",
                                           "min_confidence"};
const std::set<std::string> kCountKeys = {"relative_tolerance", "absolute_tolerance",
                                          "approx_margin"};
const std::set<std::string> kBoundKeys = {"relative_tolerance", "absolute_tolerance",
                                          "approx_margin", "lower_metric", "upper_metric"};
const std::set<std::string> kSumKeys = {"relative_tolerance", "absolute_tolerance", "approx_margin",
                                        "part_metrics", "total_metric"};
const std::set<std::string> kWholeKeys = {"relative_tolerance", "absolute_tolerance",
                                          "approx_margin", "whole_subjects", "part_subjects"};
const std::set<std::string> kCopiesKeys = {"min_similarity", "shingle_words", "description",
                                           "credit_prefixes"};

bool KeyAllowed(CheckKind kind, const std::string& key) {
  if (kind == CheckKind::kCopies) return kCopiesKeys.count(key) > 0;
  if (kCommonKeys.count(key)) return true;
  switch (kind) {
    case CheckKind::kCountAgreement:
    case CheckKind::kCumulativeDecrease:
    case CheckKind::kStaleFigure:
      return kCountKeys.count(key) > 0;
    case CheckKind::kSumOfParts:
      return kSumKeys.count(key) > 0;
    case CheckKind::kPartWithinWhole:
      return kWholeKeys.count(key) > 0;
    case CheckKind::kBound:
      return kBoundKeys.count(key) > 0;
    default:
      return false;
  }
}

// A semantic error at a value's position; carried out of the parse by exception-free
// early returns.
struct RuleError {
  toml::source_location where;
  std::string message;
};

Diagnostic ToDiagnostic(const std::string& file, const RuleError& e) {
  Diagnostic d;
  d.file = file;
  d.line = static_cast<int>(e.where.line());
  d.column = static_cast<int>(e.where.column());
  d.message = e.message;
  d.source_line = e.where.line_str();
  return d;
}

// toml11's syntax errors read "[error] what\n --> file\n   |\n 3 | text\n   |   ^--- note".
// Recovers line, text and caret column from the first snippet, falling back to the
// exception's own location.
Diagnostic SyntaxDiagnostic(const std::string& file, const toml::exception& e) {
  Diagnostic d;
  d.file = file;
  std::vector<std::string> lines = Split(e.what(), '\n');
  std::string first = lines.empty() ? "" : lines[0];
  if (StartsWith(first, "[error] ")) first = first.substr(8);
  d.message = "syntax error: " + first;
  d.line = static_cast<int>(e.location().line());
  d.column = static_cast<int>(e.location().column());
  d.source_line = e.location().line_str();
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& l = lines[i];
    size_t bar = l.find(" | ");
    if (bar == std::string::npos) continue;
    std::string num(Trim(l.substr(0, bar)));
    if (num.empty() || !std::all_of(num.begin(), num.end(), ::isdigit)) continue;
    d.line = std::stoi(num);
    d.source_line = l.substr(bar + 3);
    const std::string& mark = lines[i + 1];
    size_t caret = mark.find_first_of("^~", bar + 3);
    if (mark.size() > bar + 2 && caret != std::string::npos) {
      d.column = static_cast<int>(caret - (bar + 3)) + 1;
      std::string note(Trim(mark.substr(caret)));
      note.erase(0, note.find_first_not_of("^~-"));
      note = std::string(Trim(note));
      if (!note.empty()) d.message += " (" + note + ")";
    }
    break;
  }
  if (d.source_line.empty()) d.column = 0;
  return d;
}

std::string TypeName(const toml::value& v) {
  std::ostringstream os;
  os << v.type();
  return os.str();
}

std::optional<RuleError> GetString(const toml::value& v, const std::string& key, std::string* out) {
  if (!v.is_string()) {
    return RuleError{v.location(), "'" + key + "' must be a string, not " + TypeName(v)};
  }
  *out = v.as_string().str;
  return std::nullopt;
}

std::optional<RuleError> GetNumber(const toml::value& v, const std::string& key, double* out) {
  if (v.is_floating()) {
    *out = v.as_floating();
  } else if (v.is_integer()) {
    *out = static_cast<double>(v.as_integer());
  } else {
    return RuleError{v.location(), "'" + key + "' must be a number, not " + TypeName(v)};
  }
  if (*out < 0) return RuleError{v.location(), "'" + key + "' must not be negative"};
  return std::nullopt;
}

std::optional<RuleError> GetStringList(const toml::value& v, const std::string& key,
                                       std::vector<std::string>* out) {
  if (!v.is_array()) {
    return RuleError{v.location(), "'" + key + "' must be an array of strings, not " + TypeName(v)};
  }
  for (const auto& e : v.as_array()) {
    if (!e.is_string()) {
      return RuleError{e.location(), "'" + key + "' must hold strings, not " + TypeName(e)};
    }
    out->push_back(e.as_string().str);
  }
  return std::nullopt;
}

// A table's entries in file order, so that errors come out top to bottom.
std::vector<std::pair<std::string, const toml::value*>> InFileOrder(const toml::value& table) {
  std::vector<std::pair<std::string, const toml::value*>> entries;
  for (const auto& [key, value] : table.as_table()) entries.emplace_back(key, &value);
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) {
    auto lx = x.second->location(), ly = y.second->location();
    return std::make_tuple(lx.line(), lx.column(), x.first) <
           std::make_tuple(ly.line(), ly.column(), y.first);
  });
  return entries;
}

std::optional<RuleError> SetField(CheckRule* rule, const std::string& key, const toml::value& v) {
  if (key == "id" || key == "kind") return std::nullopt;  // read before the other keys
  if (key == "description") return GetString(v, key, &rule->description);
  if (key == "severity") {
    std::string s;
    if (auto err = GetString(v, key, &s)) return err;
    auto sev = ParseSeverity(s);
    if (!sev) return RuleError{v.location(), "unknown severity '" + s +
                                                 "' (expected conflict, divergence or info)"};
    rule->severity = *sev;
    return std::nullopt;
  }
  if (key == "metrics") return GetStringList(v, key, &rule->metrics);
  if (key == "subjects") return GetStringList(v, key, &rule->subjects);
  if (key == "outlets") return GetStringList(v, key, &rule->outlets);
  if (key == "languages") return GetStringList(v, key, &rule->languages);
  if (key == "part_metrics") return GetStringList(v, key, &rule->part_metrics);
  if (key == "total_metric") return GetString(v, key, &rule->total_metric);
  if (key == "whole_subjects") return GetStringList(v, key, &rule->whole_subjects);
  if (key == "part_subjects") return GetStringList(v, key, &rule->part_subjects);
  if (key == "credit_prefixes") return GetStringList(v, key, &rule->credit_prefixes);
  if (key == "min_confidence") return GetNumber(v, key, &rule->min_confidence);
  if (key == "relative_tolerance") return GetNumber(v, key, &rule->relative_tolerance);
  if (key == "absolute_tolerance") return GetNumber(v, key, &rule->absolute_tolerance);
  if (key == "approx_margin") return GetNumber(v, key, &rule->approx_margin);
  if (key == "lower_metric") return GetString(v, key, &rule->lower_metric);
  if (key == "upper_metric") return GetString(v, key, &rule->upper_metric);
  if (key == "min_similarity") return GetNumber(v, key, &rule->min_similarity);
  if (key == "shingle_words") {
    if (!v.is_integer() || v.as_integer() < 1 || v.as_integer() > 20) {
      return RuleError{v.location(), "'shingle_words' must be an integer from 1 to 20"};
    }
    rule->shingle_words = static_cast<int>(v.as_integer());
    return std::nullopt;
  }
  return RuleError{v.location(), "unknown key '" + key + "'"};
}

std::optional<RuleError> ReadRule(const toml::value& table, CheckRule* rule) {
  if (!table.is_table()) return RuleError{table.location(), "each [[rule]] must be a table"};
  const auto& t = table.as_table();
  auto id = t.find("id");
  if (id == t.end()) return RuleError{table.location(), "rule has no 'id'"};
  if (auto err = GetString(id->second, "id", &rule->id)) return err;
  if (rule->id.empty()) return RuleError{id->second.location(), "'id' must not be empty"};
  auto kind = t.find("kind");
  if (kind == t.end()) return RuleError{table.location(), "rule '" + rule->id + "' has no 'kind'"};
  std::string kind_name;
  if (auto err = GetString(kind->second, "kind", &kind_name)) return err;
  auto parsed = ParseCheckKind(kind_name);
  if (!parsed || *parsed == CheckKind::kCopies) {
    return RuleError{kind->second.location(),
                     "unknown kind '" + kind_name +
                         "' (expected count_agreement, date_agreement, cumulative_decrease, "
                         "bound, stale_figure, sum_of_parts or part_within_whole)"};
  }
  rule->kind = *parsed;
  for (const auto& [key, value] : InFileOrder(table)) {
    if (!KeyAllowed(rule->kind, key)) {
      bool known = kCommonKeys.count(key) || kBoundKeys.count(key) || kCopiesKeys.count(key) ||
                   kSumKeys.count(key) || kWholeKeys.count(key);
      return RuleError{value->location(),
                       known ? "key '" + key + "' does not apply to kind '" + kind_name + "'"
                             : "unknown key '" + key + "'"};
    }
    if (auto err = SetField(rule, key, *value)) return err;
  }
  if (rule->kind == CheckKind::kBound && (rule->lower_metric.empty() || rule->upper_metric.empty())) {
    return RuleError{table.location(),
                     "bound rule '" + rule->id + "' needs 'lower_metric' and 'upper_metric'"};
  }
  if (rule->kind == CheckKind::kSumOfParts &&
      (rule->total_metric.empty() || rule->part_metrics.size() < 2)) {
    return RuleError{table.location(), "sum_of_parts rule '" + rule->id +
                                           "' needs 'total_metric' and at least two 'part_metrics'"};
  }
  if (rule->kind == CheckKind::kPartWithinWhole && rule->whole_subjects.empty()) {
    return RuleError{table.location(),
                     "part_within_whole rule '" + rule->id + "' needs 'whole_subjects'"};
  }
  return std::nullopt;
}

std::optional<RuleError> ReadCopies(const toml::value& table, CheckRule* rule) {
  if (!table.is_table()) return RuleError{table.location(), "[copies] must be a table"};
  rule->id = "copies";
  rule->kind = CheckKind::kCopies;
  rule->description = "documents judged copies of each other are one source";
  for (const auto& [key, value] : InFileOrder(table)) {
    if (!KeyAllowed(CheckKind::kCopies, key)) {
      return RuleError{value->location(), "unknown key '" + key + "' in [copies]"};
    }
    if (auto err = SetField(rule, key, *value)) return err;
  }
  if (rule->min_similarity > 1.0) {
    return RuleError{table.at("min_similarity").location(), "'min_similarity' must be at most 1"};
  }
  return std::nullopt;
}

// Appends the rules of a parsed document to *rules; reports each bad rule.
void ReadDocument(const toml::value& doc, const std::string& file,
                  const std::vector<CheckRule>& earlier, std::vector<CheckRule>* rules,
                  DiagnosticSink* sink) {
  std::map<std::string, std::string> seen;  // id -> "file:line" of its definition
  for (const auto& r : earlier) seen[r.id] = r.file + ":" + std::to_string(r.line);
  auto add = [&](CheckRule rule, const toml::value& where) {
    rule.file = file;
    rule.line = static_cast<int>(where.location().line());
    auto dup = seen.find(rule.id);
    if (dup != seen.end()) {
      const toml::value& idv = where.is_table() && where.contains("id") ? where.at("id") : where;
      sink->Report(ToDiagnostic(file, {idv.location(), "duplicate rule id '" + rule.id +
                                                           "' (first defined at " + dup->second + ")"}));
      return;
    }
    seen[rule.id] = rule.file + ":" + std::to_string(rule.line);
    rules->push_back(std::move(rule));
  };
  for (const auto& [key, value] : InFileOrder(doc)) {
    if (key == "rule") {
      if (!value->is_array()) {
        sink->Report(ToDiagnostic(file, {value->location(), "'rule' must be written [[rule]]"}));
        continue;
      }
      for (const auto& table : value->as_array()) {
        CheckRule rule;
        if (auto err = ReadRule(table, &rule)) {
          sink->Report(ToDiagnostic(file, *err));
        } else {
          add(std::move(rule), table);
        }
      }
    } else if (key == "copies") {
      CheckRule rule;
      if (auto err = ReadCopies(*value, &rule)) {
        sink->Report(ToDiagnostic(file, *err));
      } else {
        add(std::move(rule), *value);
      }
    } else {
      sink->Report(ToDiagnostic(
          file, {value->location(), "unknown top-level key '" + key + "' (expected [[rule]] or [copies])"}));
    }
  }
}

std::string Num(double v) { return FormatNumber(v); }
std::string List(const std::vector<std::string>& v) { return v.empty() ? "*" : Join(v, ","); }

}  // namespace

std::string_view CheckKindName(CheckKind k) { return kKindNames[static_cast<size_t>(k)]; }

std::optional<CheckKind> ParseCheckKind(std::string_view s) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == s) return static_cast<CheckKind>(i);
  }
  return std::nullopt;
}

bool CheckRule::AppliesToMetric(std::string_view metric) const {
  return metrics.empty() || std::find(metrics.begin(), metrics.end(), metric) != metrics.end();
}

bool CheckRule::AppliesToSubject(std::string_view subject) const {
  return subjects.empty() || std::find(subjects.begin(), subjects.end(), subject) != subjects.end();
}

bool CheckRule::AppliesToOutlet(std::string_view outlet) const {
  return outlets.empty() || std::find(outlets.begin(), outlets.end(), outlet) != outlets.end();
}

bool CheckRule::AppliesToLanguage(std::string_view language) const {
  return languages.empty() ||
         std::find(languages.begin(), languages.end(), language) != languages.end();
}

int CheckRule::Specificity() const { return (metrics.empty() ? 0 : 2) + (subjects.empty() ? 0 : 1); }

std::string CheckRule::ToString() const {
  std::string out = std::string(CheckKindName(kind)) + " id=" + id;
  if (kind == CheckKind::kCopies) {
    out += " min_similarity=" + Num(min_similarity) + " shingle_words=" + std::to_string(shingle_words);
    if (!credit_prefixes.empty()) out += " credit_prefixes=" + Join(credit_prefixes, "|");
    return out;
  }
  out += " sev=" + std::string(SeverityName(severity)) + " metrics=" + List(metrics) +
         " subjects=" + List(subjects);
  if (!outlets.empty()) out += " outlets=" + List(outlets);
  if (!languages.empty()) out += " languages=" + List(languages);
  out += " min_conf=" + Num(min_confidence);
  if (kind == CheckKind::kBound) out += " " + lower_metric + "<=" + upper_metric;
  if (kind == CheckKind::kSumOfParts) out += " " + Join(part_metrics, "+") + "=" + total_metric;
  if (kind == CheckKind::kPartWithinWhole) {
    out += " parts=" + List(part_subjects) + "<=" + List(whole_subjects);
  }
  if (kind != CheckKind::kDateAgreement) {
    out += " rel=" + Num(relative_tolerance) + " abs=" + Num(absolute_tolerance) +
           " approx=" + Num(approx_margin);
  }
  return out;
}

Status ParseCheckRules(const std::string& text, const std::string& file_name,
                       std::vector<CheckRule>* out, DiagnosticSink* sink) {
  int errors_before = sink->error_count();
  std::vector<CheckRule> parsed;
  if (!CheckTomlIsUtf8(text, file_name, sink)) {
    return Status::InvalidInput(file_name + ": 1 error(s) in check rules");
  }
  try {
    std::istringstream in(text);
    toml::value doc = toml::parse(in, file_name);
    ReadDocument(doc, file_name, *out, &parsed, sink);
  } catch (const toml::exception& e) {
    sink->Report(SyntaxDiagnostic(file_name, e));
  } catch (const std::exception& e) {
    sink->Report(Diagnostic{Diagnostic::Level::kError, file_name, 0, 0, e.what(), ""});
  }
  if (sink->error_count() > errors_before) {
    return Status::InvalidInput(file_name + ": " + std::to_string(sink->error_count() - errors_before) +
                                " error(s) in check rules");
  }
  for (auto& r : parsed) out->push_back(std::move(r));
  return Status::Ok();
}

Status LoadCheckRules(const std::string& rules_dir, std::vector<CheckRule>* out,
                      DiagnosticSink* sink) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(rules_dir) / "checks";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("no check rules directory " + dir.string());
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) return Status::IoError("cannot list " + dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<CheckRule> rules;
  Status first_error;
  for (const auto& path : files) {
    const std::optional<std::string> text = ReadRulesFile(path);
    if (!text) {
      sink->Error(path.string(), 0, "cannot read rule file");
      if (first_error.ok()) first_error = Status::IoError("cannot read " + path.string());
      continue;
    }
    Status s = ParseCheckRules(*text, path.string(), &rules, sink);
    if (!s.ok() && first_error.ok()) first_error = s;
  }
  if (!first_error.ok()) return first_error;
  for (auto& r : rules) out->push_back(std::move(r));
  return Status::Ok();
}

}  // namespace claimcheck
