#include "report/csv.h"

#include <cctype>

#include "base/strings.h"

namespace claimcheck {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kCrlf = "\r\n";

// "-3", "-1.5", "-1e+06": a negative number a spreadsheet may keep as a number.
bool IsPlainNegativeNumber(std::string_view s) {
  if (s.size() < 2 || s[0] != '-') return false;
  size_t i = 1;
  size_t digits = 0;
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
}

bool StartsFormula(std::string_view s) {
  if (s.empty()) return false;
  switch (s[0]) {
    case '=': case '+': case '@': case '\t': case '\r': return true;
    case '-': return !IsPlainNegativeNumber(s);
    default: return false;
  }
}

std::string Optional(const std::optional<double>& v) { return v ? FormatNumber(*v) : ""; }

void AppendRow(const std::vector<std::string>& cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(CsvEscapeField(cells[i]));
  }
  out->append(kCrlf);
}

std::string Begin(const char* header, bool excel_bom) {
  std::string out;
  if (excel_bom) out.append(kUtf8Bom);
  out.append(header);
  out.append(kCrlf);
  return out;
}

std::string ConflictValue(const Claim& c) {
  return c.kind == ClaimKind::kDate ? c.date : FormatNumber(c.value);
}

std::vector<std::string> ClaimCells(const Claim& c) {
  const bool is_date = c.kind == ClaimKind::kDate;
  return {c.file,
          c.metric,
          c.subject,
          std::string(ClaimKindName(c.kind)),
          is_date ? "" : FormatNumber(c.value),
          std::string(QualifierName(c.qualifier)),
          Optional(c.low),
          Optional(c.high),
          c.unit,
          is_date ? c.date : "",
          c.as_of,
          c.as_of_inferred ? "true" : "false",
          c.attributed_to,
          c.quote,
          c.sentence,
          std::to_string(c.span_begin),
          std::to_string(c.span_end),
          FormatNumber(c.confidence)};
}

std::vector<std::string> ConflictCells(const Conflict& k) {
  std::vector<std::string> cells = {k.id, k.rule_id, std::string(SeverityName(k.severity)),
                                    k.metric, k.subject};
  for (const ClaimRef* side : {&k.a, &k.b}) {
    cells.push_back(side->claim.file);
    cells.push_back(side->outlet);
    cells.push_back(side->published);
    cells.push_back(ConflictValue(side->claim));
    cells.push_back(std::string(QualifierName(side->claim.qualifier)));
    cells.push_back(side->claim.quote);
  }
  cells.insert(cells.end(), {k.status, k.note, k.explanation, k.explanation_vi, k.likely_value,
                             std::to_string(k.support_a), std::to_string(k.support_b)});
  return cells;
}

}  // namespace

const char kClaimsCsvHeader[] =
    "file,metric,subject,kind,value,qualifier,low,high,unit,date,as_of,as_of_inferred,"
    "attributed_to,quote,sentence,span_begin,span_end,confidence";
const char kConflictsCsvHeader[] =
    "conflict_id,rule,severity,metric,subject,"
    "file_a,outlet_a,published_a,value_a,qualifier_a,quote_a,"
    "file_b,outlet_b,published_b,value_b,qualifier_b,quote_b,"
    "status,note,explanation,explanation_vi,likely_value,support_a,support_b";

std::string CsvEscapeField(std::string_view field) {
  std::string cell;
  if (StartsFormula(field)) cell.push_back('\'');
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

std::string ClaimsToCsv(const std::vector<Claim>& claims, bool excel_bom) {
  std::string out = Begin(kClaimsCsvHeader, excel_bom);
  for (const Claim& c : claims) AppendRow(ClaimCells(c), &out);
  return out;
}

std::string ConflictsToCsv(const std::vector<Conflict>& conflicts, bool excel_bom) {
  std::string out = ConflictsCsvBegin(excel_bom);
  for (const Conflict& k : conflicts) AppendConflictCsvRow(k, &out);
  return out;
}

std::string ConflictsCsvBegin(bool excel_bom) { return Begin(kConflictsCsvHeader, excel_bom); }

void AppendConflictCsvRow(const Conflict& conflict, std::string* out) { AppendRow(ConflictCells(conflict), out); }

}  // namespace claimcheck
