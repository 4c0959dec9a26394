// The report stage's entry points: render a ReportModel as one self-contained
// HTML page or a Markdown summary, and write the report files of a run.
// Rendering is pure and deterministic (no clock, stable order, "\n" endings);
// only WriteReportFiles touches the disk. Templates are embedded (templates.h).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "report/report_model.h"

namespace claimcheck {

// One HTML page with inline CSS and no external assets, readable offline.
// Every piece of article text is HTML-escaped (& < > " '), attributes included;
// only http(s) urls become links.
std::string RenderHtml(const ReportModel& model);

// A Markdown summary: title, counts, run summary, one table row per item.
// Text has < > & written as entities, | \ ` [ ] backslash-escaped and line
// breaks folded to spaces, so hostile text cannot break the table or inject markup.
std::string RenderMarkdown(const ReportModel& model);

// Both pages of one model: RenderHtml(model) and RenderMarkdown(model), from
// the template data built once instead of once per page.
struct ReportPages {
  std::string html, markdown;
};
ReportPages RenderPages(const ReportModel& model);

struct ReportFileOptions {
  bool excel_bom = false;  // start discrepancies.csv with a UTF-8 BOM
  // When set, the conflicts the pages show (their cards) are read again through it
  // before the pages are written: a stream may give what the CSV needs only (e.g.
  // each side as stored, Store::ForEachConflictAsStored). It gets the cards' ids
  // and returns those conflicts in full, in any order; one it leaves out keeps what
  // the stream gave.
  std::function<Status(const std::vector<std::string>& ids, std::vector<Conflict>* full)> read_cards;
};

// Creates out_dir (and parents) if needed, then writes out_dir/report.html,
// out_dir/report.md and out_dir/discrepancies.csv (ConflictsToCsv, in report
// order). On failure returns an IoError whose message names the failing path.
Status WriteReportFiles(const ReportInput& input, const std::string& out_dir,
                        const ReportFileOptions& options = {});

// Every conflict of a report, handed one at a time to `emit` in report order
// (SortConflictsForReport's); returns the source's failure, if any.
using ConflictStream = std::function<Status(const std::function<void(Conflict&)>& emit)>;

// WriteReportFiles with the conflicts streamed instead of in input.conflicts
// (not read): discrepancies.csv is written as they pass and the pages keep only
// what they show, so memory follows ReportInput::max_items, not the number of
// conflicts. The same files as WriteReportFiles given those conflicts.
Status WriteReportFiles(const ReportInput& input, const ConflictStream& conflicts,
                        const std::string& out_dir, const ReportFileOptions& options = {});

// What WriteReportFiles saw of the conflicts it wrote: what a later report over
// the same conflicts needs for its pages without walking them all again.
struct WrittenReport {
  ReportCounts counts;  // conflicts, divergences and info (documents, claims: 0)
  std::vector<std::string> leading_ids;  // the first input.max_items ids in report order
};

// WriteReportFiles that also fills *written (when not null).
Status WriteReportFiles(const ReportInput& input, const ConflictStream& conflicts,
                        const std::string& out_dir, const ReportFileOptions& options, WrittenReport* written);

// The files of a report whose discrepancies.csv patches `earlier_csv` (a file
// WriteReportFiles wrote with the same options, in report order): each earlier row
// whose conflict `kept` says is unchanged is copied as it is, the others dropped,
// and the `changed` conflicts (streamed in report order, as each side is stored)
// written in their places; the cards are read again (options.read_cards, required).
// A changed conflict of Conflict::Form::kContext (id, severity, metric, subject and
// context alone) is its earlier row with its context cells made the new ones
// (MendConflictCsvContext): an earlier file without that row is given up.
// The same files as WriteReportFiles over the kept and changed conflicts, which
// must be `rows` in all. When the earlier file is not such a file (unreadable,
// another header, a row it cannot place) or the rows do not add up to `rows`,
// nothing is written and *patched is false: the caller writes in full.
Status WriteReportFilesPatched(const ReportInput& input, const std::string& earlier_csv,
                               const std::function<bool(std::string_view id)>& kept,
                               const ConflictStream& changed, size_t rows, const std::string& out_dir,
                               const ReportFileOptions& options, WrittenReport* written, bool* patched);

// The files of a report over the very conflicts an earlier report wrote to
// `earlier_csv` (counted `counts`, with the same options), none of them new:
// discrepancies.csv is that file copied (a copy, not a link, so a spreadsheet
// saved over one leaves the other as it was; nothing is copied when it already is
// out_dir's), and the pages show `leading`, the conflicts of earlier.leading_ids.
// The same files as WriteReportFiles over those conflicts with input.run (which
// must name no new conflict). IoError naming the path on failure.
Status WriteReportFilesFromEarlier(const ReportInput& input, const std::string& earlier_csv,
                                   const ReportCounts& counts, std::vector<Conflict> leading,
                                   const std::string& out_dir);

}  // namespace claimcheck
