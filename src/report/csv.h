// CSV exports of claims and conflicts (RFC 4180: UTF-8, CRLF, fixed header,
// quoting only when needed). Cells that a spreadsheet would run as a formula
// are neutralised. Pure: strings in, strings out; callers write the files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/claim.h"
#include "model/conflict.h"

namespace claimcheck {

// One CSV field. A cell starting with = + - @ tab or CR gets a leading single
// quote (') so spreadsheets show it as text, except a plain negative number
// such as "-3" or "-1.5" which stays numeric. The result is then wrapped in double
// quotes, with inner quotes doubled, when it contains , " CR or LF.
std::string CsvEscapeField(std::string_view field);

// Appends CsvEscapeField(field) to *out, without building the field as a
// string of its own (a field that needs no quoting is appended as it is).
void AppendCsvField(std::string_view field, std::string* out);

// Fixed headers (no trailing CRLF); the exports start with exactly these.
extern const char kClaimsCsvHeader[];
extern const char kConflictsCsvHeader[];

// Header plus one row per claim, in the given order. With excel_bom the output
// starts with the UTF-8 byte order mark so Excel reads Vietnamese correctly.
// Columns: file, metric, subject, kind, value, qualifier, low, high, unit, date,
// as_of, as_of_inferred, attributed_to, quote, sentence, span_begin, span_end,
// confidence. value is empty for dates, low/high empty when unbounded, date
// empty for counts; as_of_inferred is "true"/"false".
std::string ClaimsToCsv(const std::vector<Claim>& claims, bool excel_bom);

// Header plus one row per conflict, in the given order (also discrepancies.csv).
// Columns: conflict_id, rule, severity, metric, subject, then for side a and b:
// file, outlet, published, value, qualifier, quote; then status, note,
// explanation, explanation_vi. value is the number as stated for counts (for a
// range, its low end, as in Claim::value) and the date string for date claims.
std::string ConflictsToCsv(const std::vector<Conflict>& conflicts, bool excel_bom);

// ConflictsToCsv in pieces, for writing conflicts as they stream by: the
// beginning (BOM when asked, header, CRLF) and one row appended to *out.
// ConflictsCsvBegin(b) + the rows of each conflict == ConflictsToCsv(conflicts, b).
std::string ConflictsCsvBegin(bool excel_bom);
void AppendConflictCsvRow(const Conflict& conflict, std::string* out);

// A row of AppendConflictCsvRow's (`record`, with its CRLF) with its context cells
// (likely_value, support_a, support_b: the last three) made `context`'s: into
// *out, replacing it. Equal to the row of a conflict that differs from the
// record's only in its context. False (and *out unspecified) when `record` is not
// one whole row of kConflictsCsvHeader's fields.
bool MendConflictCsvContext(std::string_view record, const Conflict& context, std::string* out);

}  // namespace claimcheck
