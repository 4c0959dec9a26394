// WriteReportFiles: the report stage's only disk I/O.
#include <filesystem>
#include <fstream>
#include <system_error>

#include "report/csv.h"
#include "report/report.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

// Writes "<path>.tmp" and renames it over `path`, so a run killed mid-write
// leaves the previous file (or none), never a truncated one.
Status WriteFile(const fs::path& path, const std::string& content) {
  fs::path tmp = path;
  tmp += ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError("cannot open " + tmp.string() + " for writing");
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  std::error_code ec;
  if (!out) {
    fs::remove(tmp, ec);
    return Status::IoError("cannot write " + tmp.string());
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::IoError("cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace

Status WriteReportFiles(const ReportInput& input, const std::string& out_dir,
                        const ReportFileOptions& options) {
  if (out_dir.empty()) return Status::InvalidInput("report output directory is empty");
  const fs::path dir(out_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create directory " + dir.string() + ": " + ec.message());
  if (!fs::is_directory(dir, ec)) {
    return Status::IoError("cannot create directory " + dir.string() + ": not a directory");
  }
  const ReportModel model = BuildReportModel(input);
  std::vector<Conflict> conflicts = input.conflicts;
  SortConflictsForReport(&conflicts);
  const std::pair<const char*, std::string> files[] = {
      {"report.html", RenderHtml(model)},
      {"report.md", RenderMarkdown(model)},
      {"discrepancies.csv", ConflictsToCsv(conflicts, options.excel_bom)},
  };
  for (const auto& [name, content] : files) {
    Status status = WriteFile(dir / name, content);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace claimcheck
