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

// True when `s` holds , " CR or LF: a field that must be quoted. (One memchr
// per character: cheaper than find_first_of, which looks each byte up in the set.)
bool NeedsQuotes(std::string_view s) {
  for (char special : {',', '"', '\r', '\n'}) {
    if (s.find(special) != std::string_view::npos) return true;
  }
  return false;
}

std::string Optional(const std::optional<double>& v) { return v ? FormatNumber(*v) : ""; }

// Appends the cells of one row, each as AppendCsvField writes it, comma
// separated and ended by CRLF. Fields go straight into *out: no copy per cell.
class CsvRow {
 public:
  explicit CsvRow(std::string* out) : out_(out) {}
  CsvRow& Cell(std::string_view field) {
    if (!first_) out_->push_back(',');
    first_ = false;
    AppendCsvField(field, out_);
    return *this;
  }
  void End() { out_->append(kCrlf); }

 private:
  std::string* out_;
  bool first_ = true;
};

std::string Begin(const char* header, bool excel_bom) {
  std::string out;
  if (excel_bom) out.append(kUtf8Bom);
  out.append(header);
  out.append(kCrlf);
  return out;
}

void AppendClaimRow(const Claim& c, std::string* out) {
  const bool is_date = c.kind == ClaimKind::kDate;
  CsvRow row(out);
  row.Cell(c.file).Cell(c.metric).Cell(c.subject).Cell(ClaimKindName(c.kind));
  row.Cell(is_date ? std::string() : FormatNumber(c.value)).Cell(QualifierName(c.qualifier));
  row.Cell(Optional(c.low)).Cell(Optional(c.high)).Cell(c.unit).Cell(is_date ? std::string_view(c.date) : "");
  row.Cell(c.as_of).Cell(c.as_of_inferred ? "true" : "false").Cell(c.attributed_to).Cell(c.quote).Cell(c.sentence);
  row.Cell(std::to_string(c.span_begin)).Cell(std::to_string(c.span_end)).Cell(FormatNumber(c.confidence));
  row.End();
}

void AppendConflictSide(const ClaimRef& side, CsvRow* row) {
  const Claim& c = side.claim;
  row->Cell(c.file).Cell(side.outlet).Cell(side.published);
  if (c.kind == ClaimKind::kDate) {
    row->Cell(c.date);
  } else {
    row->Cell(FormatNumber(c.value));
  }
  row->Cell(QualifierName(c.qualifier)).Cell(c.quote);
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

void AppendCsvField(std::string_view field, std::string* out) {
  const bool guard = StartsFormula(field);
  if (!NeedsQuotes(field)) {
    // Nothing to quote (the guard is a single quote, never quoted itself).
    if (guard) out->push_back('\'');
    out->append(field);
    return;
  }
  out->push_back('"');
  if (guard) out->push_back('\'');
  // Inner quotes doubled: each run up to and including a quote, then the quote again.
  size_t from = 0;
  for (size_t q = field.find('"'); q != std::string_view::npos; q = field.find('"', from)) {
    out->append(field.substr(from, q + 1 - from));
    out->push_back('"');
    from = q + 1;
  }
  out->append(field.substr(from));
  out->push_back('"');
}

std::string CsvEscapeField(std::string_view field) {
  std::string cell;
  AppendCsvField(field, &cell);
  return cell;
}

std::string ClaimsToCsv(const std::vector<Claim>& claims, bool excel_bom) {
  std::string out = Begin(kClaimsCsvHeader, excel_bom);
  for (const Claim& c : claims) AppendClaimRow(c, &out);
  return out;
}

std::string ConflictsToCsv(const std::vector<Conflict>& conflicts, bool excel_bom) {
  std::string out = ConflictsCsvBegin(excel_bom);
  for (const Conflict& k : conflicts) AppendConflictCsvRow(k, &out);
  return out;
}

std::string ConflictsCsvBegin(bool excel_bom) { return Begin(kConflictsCsvHeader, excel_bom); }

namespace {

// The context cells of a conflict's row (the last ones: MendConflictCsvContext
// relies on it), each after a comma.
void AppendConflictContext(const Conflict& k, std::string* out) {
  for (const std::string& cell : {k.likely_value, std::to_string(k.support_a), std::to_string(k.support_b)}) {
    out->push_back(',');
    AppendCsvField(cell, out);
  }
}
constexpr size_t kContextCells = 3;

// The number of fields of kConflictsCsvHeader.
size_t ConflictCsvFields() {
  size_t fields = 1;
  for (const char* c = kConflictsCsvHeader; *c; ++c) fields += *c == ',';
  return fields;
}

}  // namespace

void AppendConflictCsvRow(const Conflict& k, std::string* out) {
  CsvRow row(out);
  row.Cell(k.id).Cell(k.rule_id).Cell(SeverityName(k.severity)).Cell(k.metric).Cell(k.subject);
  AppendConflictSide(k.a, &row);
  AppendConflictSide(k.b, &row);
  row.Cell(k.status).Cell(k.note).Cell(k.explanation).Cell(k.explanation_vi);
  AppendConflictContext(k, out);
  row.End();
}

bool MendConflictCsvContext(std::string_view record, const Conflict& context, std::string* out) {
  static const size_t kFields = ConflictCsvFields();
  if (record.size() < kCrlf.size() || record.substr(record.size() - kCrlf.size()) != kCrlf) return false;
  const std::string_view body = record.substr(0, record.size() - kCrlf.size());
  // Fields left to right (a quoted one ends at a quote not doubled); the comma
  // before the first context cell is where the row is cut.
  size_t at = 0, fields = 0, cut = std::string_view::npos;
  for (;;) {
    ++fields;
    if (at < body.size() && body[at] == '"') {
      size_t q = at + 1;
      for (;;) {
        q = body.find('"', q);
        if (q == std::string_view::npos) return false;
        if (q + 1 < body.size() && body[q + 1] == '"') {
          q += 2;
          continue;
        }
        break;
      }
      at = q + 1;
      if (at < body.size() && body[at] != ',') return false;
    } else {
      const size_t end = body.find_first_of(",\"\r\n", at);
      at = end == std::string_view::npos ? body.size() : end;
      if (at < body.size() && body[at] != ',') return false;
    }
    if (at == body.size()) break;
    if (fields == kFields - kContextCells) cut = at;
    ++at;  // past the comma
  }
  if (fields != kFields || cut == std::string_view::npos) return false;
  out->assign(body.substr(0, cut));
  AppendConflictContext(context, out);
  out->append(kCrlf);
  return true;
}

}  // namespace claimcheck
