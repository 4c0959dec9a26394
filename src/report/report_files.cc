// WriteReportFiles: the report stage's only disk I/O.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>
#include <tuple>

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

namespace {

// The records of a discrepancies.csv (ConflictsToCsv's: fields quoted when they hold
// , " CR or LF, records ended by CRLF outside quotes), read a piece at a time.
class CsvRecordReader {
 public:
  explicit CsvRecordReader(const fs::path& path) : in_(path, std::ios::binary) {}
  bool ok() const { return static_cast<bool>(in_) || in_.eof(); }
  // After Next returned false: whether the file ended after a whole record.
  bool clean_end() const { return buffer_.size() == begin_; }
  // The next record with its CRLF, valid until the next call; false at the end, or
  // on bytes left without a CRLF (then clean_end() is false).
  bool Next(std::string_view* record) {
    size_t at = begin_;  // scanned up to here
    bool quoted = false;
    for (;;) {
      const char* base = buffer_.data();
      const size_t size = buffer_.size();
      // Line ends (memchr), then the quotes before each: a record ends at a CRLF
      // outside quotes (an escaped quote "" flips twice).
      while (at < size) {
        const char* nl = static_cast<const char*>(std::memchr(base + at, '\n', size - at));
        const size_t stop = nl ? static_cast<size_t>(nl - base) : size;
        for (const char* q = base + at; (q = static_cast<const char*>(std::memchr(q, '"', base + stop - q))); ++q) {
          quoted = !quoted;
        }
        if (!nl) {
          at = size;
          break;
        }
        if (!quoted && stop > begin_ && base[stop - 1] == '\r') {
          *record = std::string_view(base + begin_, stop + 1 - begin_);
          begin_ = stop + 1;
          return true;
        }
        at = stop + 1;
      }
      // The record goes on past the bytes read: drop those before it, read more.
      buffer_.erase(0, begin_);
      at -= begin_;
      begin_ = 0;
      if (!Fill()) return false;
    }
  }

 private:
  bool Fill() {
    constexpr size_t kPiece = 1 << 20;
    const size_t before = buffer_.size();
    buffer_.resize(before + kPiece);
    in_.read(buffer_.data() + before, static_cast<std::streamsize>(kPiece));
    buffer_.resize(before + static_cast<size_t>(in_.gcount()));
    return buffer_.size() > before;
  }

  std::ifstream in_;
  std::string buffer_;
  size_t begin_ = 0;  // where the bytes not handed out yet start
};

// Where a conflict goes in report order (SortConflictsForReport's): severity rank,
// metric, subject, id.
struct OrderKey {
  int severity;
  std::string_view metric, subject, id;
  bool operator<(const OrderKey& o) const {
    return std::tie(severity, metric, subject, id) < std::tie(o.severity, o.metric, o.subject, o.id);
  }
};

// The first five fields of a conflicts CSV record (id, rule, severity, metric,
// subject) when each is written as it is (no quotes, no formula guard:
// identifiers), as views into the record; nullopt otherwise.
struct RecordHead {
  std::string_view id, rule_id, metric, subject;
  Severity severity;
  OrderKey Key() const { return {static_cast<int>(severity), metric, subject, id}; }
  // A Conflict with just these fields (what a selection keeps until its cards are read).
  Conflict ToConflict() const {
    Conflict k;
    k.id = std::string(id);
    k.rule_id = std::string(rule_id);
    k.severity = severity;
    k.metric = std::string(metric);
    k.subject = std::string(subject);
    return k;
  }
};
std::optional<RecordHead> ReadRecordHead(std::string_view record) {
  std::string_view fields[5];
  size_t from = 0;
  for (std::string_view& field : fields) {
    const size_t comma = record.find(',', from);
    if (comma == std::string_view::npos) return std::nullopt;
    field = record.substr(from, comma - from);
    if (field.empty() || field[0] == '"' || field[0] == '\'') return std::nullopt;
    from = comma + 1;
  }
  std::optional<Severity> severity = ParseSeverity(fields[2]);
  if (!severity) return std::nullopt;
  return RecordHead{fields[0], fields[1], fields[3], fields[4], *severity};
}

OrderKey KeyOf(const Conflict& k) {
  return {static_cast<int>(k.severity), k.metric, k.subject, k.id};
}

}  // namespace

Status WriteReportFilesPatched(const ReportInput& input, const std::string& earlier_csv,
                               const std::function<bool(std::string_view id)>& kept,
                               const ConflictStream& changed, size_t rows, const std::string& out_dir,
                               const ReportFileOptions& options, WrittenReport* written, bool* patched) {
  *patched = false;
  if (!options.read_cards) return Status::Ok();
  if (Status made = MakeOutputDir(out_dir); !made.ok()) return made;
  const fs::path dir(out_dir);
  CsvRecordReader earlier(earlier_csv);
  std::string_view record;
  const std::string begin = ConflictsCsvBegin(options.excel_bom);
  if (!earlier.ok() || !earlier.Next(&record) || record != begin) return Status::Ok();
  constexpr size_t kPiece = 1 << 20;
  // Staged (the earlier file may be this one: it is read to the end before the new
  // one is renamed over it); a patch given up leaves nothing.
  StagedFile csv(dir / "discrepancies.csv");
  if (!csv.ok()) return Status::IoError("cannot open " + csv.tmp().string() + " for writing");
  std::string piece = begin;
  ConflictSelection selection(input.max_items, input.run.new_conflict_ids);
  auto append = [&](std::string_view row) {
    piece.append(row);
    if (piece.size() >= kPiece) {
      csv.Write(piece);
      piece.clear();
    }
  };
  auto put = [&](const Conflict& k, std::string_view row) {
    append(row);
    selection.Add(k);
    if (written && written->leading_ids.size() < input.max_items) written->leading_ids.push_back(k.id);
  };
  // An earlier row (or one mended from it): the selection builds its Conflict
  // only when it keeps it.
  auto put_earlier = [&](const RecordHead& h, std::string_view row) {
    append(row);
    selection.AddKey(h.severity, h.metric, h.subject, h.id, [&] { return h.ToConflict(); });
    if (written && written->leading_ids.size() < input.max_items) written->leading_ids.emplace_back(h.id);
  };
  // The earlier record at hand (its head parsed) and the last key passed, to check
  // the earlier file is in report order; `broken` gives the patch up.
  std::optional<RecordHead> head;
  bool more = true, broken = false;
  std::string last_id;
  std::optional<OrderKey> last;
  std::string last_metric, last_subject;
  auto advance = [&] {
    head.reset();
    if (!earlier.Next(&record)) {
      more = false;
      broken = !earlier.clean_end();  // a last record cut short: not a file it wrote
      return;
    }
    head = ReadRecordHead(record);
    if (!head) {
      broken = true;
      more = false;
    }
  };
  // Takes the earlier record at hand as passed: false (and the patch given up) when
  // it does not come after the last one, as in a file not in report order.
  auto pass_head = [&] {
    const OrderKey key = head->Key();
    if (last && !(*last < key)) {
      broken = true;
      return false;
    }
    last_metric = head->metric, last_subject = head->subject, last_id = head->id;
    last = OrderKey{key.severity, last_metric, last_subject, last_id};
    return true;
  };
  // Copies the kept earlier records that come before `until` (all when null).
  auto copy_until = [&](const OrderKey* until) {
    while (more && !broken) {
      if (until && !(head->Key() < *until)) return;
      if (!pass_head()) return;
      if (kept(head->id)) put_earlier(*head, record);
      advance();
    }
  };
  advance();
  std::string row;
  Status streamed = changed([&](Conflict& k) {
    if (broken) return;
    const OrderKey key = KeyOf(k);
    copy_until(&key);
    if (broken) return;
    if (k.form == Conflict::Form::kContext) {
      // Its earlier row is the one at hand, its last cells made the new context.
      if (!more || head->id != k.id || !MendConflictCsvContext(record, k, &row)) {
        broken = true;
        return;
      }
      if (!pass_head()) return;
      put_earlier(*head, row);
      advance();
      return;
    }
    row.clear();
    AppendConflictCsvRow(k, &row);
    put(k, row);
  });
  if (!streamed.ok()) return streamed;
  copy_until(nullptr);
  // A kept row missing from the earlier file, or one that should have gone: give up.
  if (broken || !earlier.ok() || selection.seen() != rows) return Status::Ok();
  csv.Write(piece);
  if (written) written->counts = selection.counts();
  std::vector<Conflict> full;
  if (Status read = options.read_cards(selection.KeptIds(), &full); !read.ok()) return read;
  selection.Replace(std::move(full));
  if (Status status = WritePages(input, std::move(selection), dir); !status.ok()) return status;
  if (Status committed = csv.Commit(); !committed.ok()) return committed;
  *patched = true;
  return Status::Ok();
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
