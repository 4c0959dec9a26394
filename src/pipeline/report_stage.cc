// WriteReport: the report stage over the store, with the reuse of the last full
// report's discrepancies.csv when the conflicts it holds have not changed.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "base/build_id.h"
#include "pipeline/pipeline.h"
#include "report/report.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

// What a report's discrepancies.csv depends on beyond the stored data: the code
// that writes it and its options. "" when the data's digest is unknown.
std::string ReportKey(const std::string& inputs_digest, const ReportInput& input, bool excel_bom) {
  if (inputs_digest.empty() || BuildId().empty()) return "";
  return "report v1; build " + BuildId() + "; excel " + (excel_bom ? "1" : "0") + "; cards " +
         std::to_string(input.max_items) + "; " + inputs_digest;
}

// What writes a report's discrepancies.csv rows: the code and its options (a report
// may patch an earlier one's file only when they are the same).
std::string FormatKey(bool excel_bom) {
  if (BuildId().empty()) return "";
  return "report rows v1; build " + BuildId() + "; excel " + (excel_bom ? "1" : "0");
}

// A file's size and modification time, or nullopt when it cannot be read.
struct FileStamp {
  std::string path;  // absolute
  int64_t size = 0, mtime_ns = 0;
};
std::optional<FileStamp> StampOf(const fs::path& file) {
  std::error_code ec;
  FileStamp stamp;
  stamp.path = fs::absolute(file, ec).lexically_normal().string();
  if (ec) return std::nullopt;
  const uintmax_t size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  const fs::file_time_type mtime = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  stamp.size = static_cast<int64_t>(size);
  stamp.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
  return stamp;
}

// The last report recorded, when its CSV is still the file it wrote (the size and
// modification time it was written with); nullopt otherwise.
std::optional<Store::ReportState> IntactEarlierReport(Store* store) {
  Result<std::optional<Store::ReportState>> state = store->LoadReportState();
  if (!state.ok() || !state->has_value()) return std::nullopt;
  std::optional<FileStamp> stamp = StampOf((*state)->csv_path);
  if (!stamp || stamp->size != (*state)->csv_size || stamp->mtime_ns != (*state)->csv_mtime_ns) {
    return std::nullopt;
  }
  return std::move(**state);
}

// Whether the earlier report's files can be copied: recorded under `key`, and the
// run names no new or resolved conflict.
bool CanCopy(const Store::ReportState& earlier, const std::string& key, const RunSummary& run) {
  return !key.empty() && earlier.report_key == key && run.new_conflict_ids.empty() &&
         run.resolved_conflict_ids.empty();
}

// Whether the earlier report's CSV can be patched: its rows written alike
// (`format`), the marks of its conflicts known.
bool CanPatch(const Store::ReportState& earlier, const std::string& format) {
  return !format.empty() && earlier.format_key == format && earlier.marks.check_run_id > 0;
}

// Records the report just written to out_dir for the next one, with the marks of
// the conflicts it holds (`marks`, read before it was written). A cache: when it
// cannot be recorded, the next report is written in full.
void RecordReport(Store* store, const std::string& key, const std::string& out_dir, const WrittenReport& written,
                  const std::string& format, const Store::ReportMarks& marks) {
  if (key.empty()) return;
  std::optional<FileStamp> stamp = StampOf(fs::path(out_dir) / "discrepancies.csv");
  if (!stamp) return;
  Store::ReportState state;
  state.report_key = key;
  state.csv_path = stamp->path;
  state.csv_size = stamp->size;
  state.csv_mtime_ns = stamp->mtime_ns;
  state.conflicts = written.counts.conflicts;
  state.divergences = written.counts.divergences;
  state.info = written.counts.info;
  state.leading_ids = written.leading_ids;
  state.format_key = format;
  state.marks = marks;
  (void)store->SaveReportState(state);
}

// Fills run->resolved_conflicts, when the caller left it empty, with the ones a
// report shows: the first `max_items` in report order of the conflicts named by
// run->resolved_conflict_ids (a run can resolve tens of thousands; the pages show
// at most max_items, and only those are read in full).
Status LoadResolvedShown(Store* store, size_t max_items, RunSummary* run) {
  if (!run->resolved_conflicts.empty() || run->resolved_conflict_ids.empty()) return Status::Ok();
  size_t found = 0;
  Result<std::vector<Conflict>> shown = store->LoadFirstConflictsById(run->resolved_conflict_ids, max_items, &found);
  if (!shown.ok()) return shown.status();
  run->resolved_conflicts = std::move(shown.value());
  run->resolved_conflicts_total = found;
  return Status::Ok();
}

}  // namespace

Status WriteReport(Store* store, const std::string& out_dir, RunSummary run, bool excel_bom) {
  ReportInput input;
  // The key first (and again after a full write, see below).
  Result<std::string> digest = store->ReportInputsDigest();
  if (!digest.ok()) return digest.status();
  const std::string key = ReportKey(*digest, input, excel_bom);
  const std::string format = FormatKey(excel_bom);
  Result<Store::ReportMarks> marks = store->LoadReportMarks();
  if (!marks.ok()) return marks.status();
  // The documents the table shows and the totals, not every document.
  Result<Store::DocumentListing> listing = store->LoadDocumentListing(input.max_documents);
  if (!listing.ok()) return listing.status();
  for (auto& [document, claims] : listing->first) {
    if (claims > 0) input.claims_per_file[document.file] = static_cast<int>(claims);
    input.documents.push_back(std::move(document));
  }
  input.documents_total = listing->documents;
  input.claims_total = listing->claims;
  if (Status loaded = LoadResolvedShown(store, input.max_items, &run); !loaded.ok()) return loaded;
  input.run = std::move(run);

  std::optional<Store::ReportState> earlier = IntactEarlierReport(store);
  if (earlier && CanCopy(*earlier, key, input.run)) {
    Result<std::vector<Conflict>> leading = store->LoadConflictsById(earlier->leading_ids);
    if (!leading.ok()) return leading.status();
    if (leading->size() == earlier->leading_ids.size()) {
      WrittenReport written;
      written.counts.conflicts = earlier->conflicts;
      written.counts.divergences = earlier->divergences;
      written.counts.info = earlier->info;
      written.leading_ids = std::move(earlier->leading_ids);
      Status copied =
          WriteReportFilesFromEarlier(input, earlier->csv_path, written.counts, std::move(*leading), out_dir);
      if (copied.ok()) {
        RecordReport(store, key, out_dir, written, format, *marks);  // the newest copy, should older folders go
        return Status::Ok();
      }
      // The copy failed (the file went, a disk error): written in full below, which
      // reports the error if it has the same cause.
    }
  }

  ReportFileOptions options;
  options.excel_bom = excel_bom;
  // The cards, read in full (with their live sides and trust) once chosen.
  options.read_cards = [&](const std::vector<std::string>& ids, std::vector<Conflict>* full) {
    Result<std::vector<Conflict>> read = store->LoadConflictsById(ids);
    if (!read.ok()) return read.status();
    *full = std::move(*read);
    return Status::Ok();
  };
  // The active conflicts stream from the store into the files, each side as
  // stored (what the CSV shows of it is its live facts): the report holds the
  // cards it shows, not every conflict of the archive.
  ConflictStream conflicts = [&](const std::function<void(Conflict&)>& emit) {
    return store->ForEachConflictAsStored(/*active_only=*/true, emit);
  };
  WrittenReport written;
  bool patched = false;
  // An earlier report's CSV patched: its rows of the conflicts unchanged since are
  // copied, only the others read from the database (a night's new articles change
  // a few of 1.7 million rows at 100k articles).
  if (earlier && CanPatch(*earlier, format)) {
    Result<std::optional<Store::ChangedSince>> changes = store->LoadChangedSince(earlier->marks);
    if (!changes.ok()) return changes.status();
    if (changes->has_value()) {
      const Store::ChangedSince& change = **changes;
      // The changed rows in report order: those whose context alone moved as that
      // context (Form::kContext: the patch mends the earlier row), the others read.
      ConflictStream changed = [&](const std::function<void(Conflict&)>& emit) {
        std::vector<std::string> read;
        for (const Store::ChangedRow& row : change.changed) {
          if (!row.context_only) read.push_back(row.id);
        }
        size_t next = 0;  // the first row of change.changed not emitted yet
        auto emit_context_until = [&](const std::string* id) {
          for (; next < change.changed.size(); ++next) {
            const Store::ChangedRow& row = change.changed[next];
            if (!row.context_only) {
              if (id && row.id == *id) return;
              continue;  // read, but not found: skipped as the full stream would
            }
            Conflict k;
            k.form = Conflict::Form::kContext;
            k.id = row.id;
            k.severity = row.severity;
            k.metric = row.metric;
            k.subject = row.subject;
            k.likely_value = row.likely_value;
            k.support_a = row.support_a;
            k.support_b = row.support_b;
            emit(k);
          }
        };
        Status status = store->ForEachConflictAsStoredById(read, [&](Conflict& k) {
          emit_context_until(&k.id);
          ++next;
          emit(k);
        });
        if (!status.ok()) return status;
        emit_context_until(nullptr);
        return Status::Ok();
      };
      auto kept = [&](std::string_view id) { return !change.dropped_ids.Contains(id); };
      Status status = WriteReportFilesPatched(input, earlier->csv_path, kept, changed, static_cast<size_t>(change.active),
                                              out_dir, options, &written, &patched);
      if (!status.ok()) return status;
      if (!patched) written = WrittenReport();
    }
  }
  if (!patched) {
    if (Status status = WriteReportFiles(input, conflicts, out_dir, options, &written); !status.ok()) return status;
  }
  // Recorded only when nothing changed while the files were written (a run saving
  // conflicts meanwhile): the key must describe exactly what the CSV holds.
  Result<std::string> after = store->ReportInputsDigest();
  if (after.ok() && *after == *digest) RecordReport(store, key, out_dir, written, format, *marks);
  return Status::Ok();
}

}  // namespace claimcheck
