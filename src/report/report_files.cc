// WriteReportFiles: the report stage's only disk I/O.
#include <filesystem>
#include <fstream>
#include <system_error>

#include "report/csv.h"
#include "report/report.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

// A file written (at once or piece by piece) to "<path>.tmp" and renamed over
// `path` by Commit, so a run killed mid-write leaves the previous file (or none),
// never a truncated one; a file never committed is removed.
class StagedFile {
 public:
  explicit StagedFile(fs::path path) : path_(std::move(path)), tmp_(path_) {
    tmp_ += ".tmp";
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
  }
  ~StagedFile() {
    if (!committed_) {
      out_.close();
      std::error_code ec;
      fs::remove(tmp_, ec);
    }
  }
  bool ok() const { return static_cast<bool>(out_); }
  const fs::path& tmp() const { return tmp_; }
  void Write(const std::string& piece) { out_.write(piece.data(), static_cast<std::streamsize>(piece.size())); }

  Status Commit() {
    out_.close();
    if (!out_) return Status::IoError("cannot write " + tmp_.string());
    std::error_code ec;
    fs::rename(tmp_, path_, ec);
    if (ec) return Status::IoError("cannot rename " + tmp_.string() + " to " + path_.string() + ": " + ec.message());
    committed_ = true;
    return Status::Ok();
  }

 private:
  fs::path path_, tmp_;
  std::ofstream out_;
  bool committed_ = false;
};

// `content` as the whole file at `path`, through a StagedFile.
Status WriteFile(const fs::path& path, const std::string& content) {
  StagedFile file(path);
  if (!file.ok()) return Status::IoError("cannot open " + file.tmp().string() + " for writing");
  file.Write(content);
  return file.Commit();
}

// report.html and report.md for the conflicts `selection` picked.
Status WritePages(const ReportInput& input, ConflictSelection selection, const fs::path& dir) {
  ReportPages rendered = RenderPages(BuildReportModel(input, std::move(selection)));
  const std::pair<const char*, std::string> pages[] = {
      {"report.html", std::move(rendered.html)},
      {"report.md", std::move(rendered.markdown)},
  };
  for (const auto& [name, content] : pages) {
    Status status = WriteFile(dir / name, content);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status MakeOutputDir(const fs::path& dir) {
  if (dir.empty()) return Status::InvalidInput("report output directory is empty");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create directory " + dir.string() + ": " + ec.message());
  if (!fs::is_directory(dir, ec)) {
    return Status::IoError("cannot create directory " + dir.string() + ": not a directory");
  }
  return Status::Ok();
}

}  // namespace

Status WriteReportFiles(const ReportInput& input, const std::string& out_dir,
                        const ReportFileOptions& options) {
  ConflictStream sorted = [&](const std::function<void(Conflict&)>& emit) {
    std::vector<Conflict> conflicts = input.conflicts;
    SortConflictsForReport(&conflicts);
    for (Conflict& k : conflicts) emit(k);
    return Status::Ok();
  };
  return WriteReportFiles(input, sorted, out_dir, options);
}

Status WriteReportFiles(const ReportInput& input, const ConflictStream& conflicts,
                        const std::string& out_dir, const ReportFileOptions& options) {
  return WriteReportFiles(input, conflicts, out_dir, options, nullptr);
}

Status WriteReportFiles(const ReportInput& input, const ConflictStream& conflicts,
                        const std::string& out_dir, const ReportFileOptions& options, WrittenReport* written) {
  if (Status made = MakeOutputDir(out_dir); !made.ok()) return made;
  const fs::path dir(out_dir);
  // discrepancies.csv as the conflicts pass, in 1 MB pieces.
  constexpr size_t kPiece = 1 << 20;
  StagedFile csv(dir / "discrepancies.csv");
  if (!csv.ok()) return Status::IoError("cannot open " + csv.tmp().string() + " for writing");
  std::string piece = ConflictsCsvBegin(options.excel_bom);
  ConflictSelection selection(input.max_items, input.run.new_conflict_ids);
  Status streamed = conflicts([&](Conflict& k) {
    AppendConflictCsvRow(k, &piece);
    if (piece.size() >= kPiece) {
      csv.Write(piece);
      piece.clear();
    }
    selection.Add(k);
    // The stream is in report order: its first ids are the cards of a report
    // over the same conflicts with none new.
    if (written && written->leading_ids.size() < input.max_items) written->leading_ids.push_back(k.id);
  });
  if (!streamed.ok()) return streamed;
  csv.Write(piece);
  if (written) written->counts = selection.counts();
  if (options.read_cards) {
    std::vector<Conflict> full;
    if (Status read = options.read_cards(selection.KeptIds(), &full); !read.ok()) return read;
    selection.Replace(std::move(full));
  }
  if (Status status = WritePages(input, std::move(selection), dir); !status.ok()) return status;
  return csv.Commit();
}

Status WriteReportFilesFromEarlier(const ReportInput& input, const std::string& earlier_csv,
                                   const ReportCounts& counts, std::vector<Conflict> leading,
                                   const std::string& out_dir) {
  if (Status made = MakeOutputDir(out_dir); !made.ok()) return made;
  const fs::path dir(out_dir);
  const fs::path csv = dir / "discrepancies.csv";
  std::error_code ec;
  if (!fs::equivalent(earlier_csv, csv, ec)) {
    // Copied beside, then renamed over: a copy cut short leaves the previous file.
    fs::path tmp = csv;
    tmp += ".tmp";
    std::error_code ignored;
    if (!fs::copy_file(earlier_csv, tmp, fs::copy_options::overwrite_existing, ec)) {
      fs::remove(tmp, ignored);
      return Status::IoError("cannot copy " + earlier_csv + " to " + tmp.string() + ": " + ec.message());
    }
    fs::rename(tmp, csv, ec);
    if (ec) {
      fs::remove(tmp, ignored);
      return Status::IoError("cannot rename " + tmp.string() + " to " + csv.string() + ": " + ec.message());
    }
  }
  return WritePages(input, ConflictSelection(input.max_items, counts, std::move(leading)), dir);
}

}  // namespace claimcheck
