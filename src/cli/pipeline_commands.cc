// The pipeline commands: run (everything), ingest, check, report.
#include <iostream>

#include "cli/clock.h"
#include "cli/command_util.h"
#include "cli/commands.h"
#include "base/strings.h"
#include "cli/progress.h"

namespace claimcheck {

// The nightly job. Exit status: 0 nothing new, 3 new conflicts, 4 some
// inputs failed (the rest processed), 1 error (the run is still recorded,
// with exit status 1), 2 usage. Progress and diagnostics go to stderr, the
// one-paragraph summary to stdout; --quiet silences all but errors.
int RunCommand(const Config& c) {
  if (c.args.empty()) {
    std::cerr << "claimcheck run: give at least one input (file, directory or .jsonl feed)\n";
    return kExitUsage;
  }
  Result<Knowledge> knowledge = LoadRules(c);
  if (!knowledge.ok()) return Fail(knowledge.status());
  Result<std::unique_ptr<Store>> store = OpenStoreForRun(c);
  if (!store.ok()) return Fail(store.status());
  Store& db = **store;

  const std::string inputs = Join(c.args, " ");
  Result<int64_t> run_id = db.BeginRun(c.now, inputs);
  if (!run_id.ok()) return Fail(run_id.status());
  Store::RunRecord record;
  record.id = *run_id;
  record.started_at = c.now;
  record.inputs = inputs;
  // Records the run as failed (finished, exit status 1) and reports why.
  auto fail_run = [&](const Status& status) {
    record.finished_at = ClockNow();
    record.exit_status = kExitError;
    (void)db.FinishRun(record);  // best effort: the database may be what failed
    return Fail(status);
  };

  const Progress::Mode mode = Progress::ChooseMode(c.quiet, stderr);
  Progress progress(mode, mode == Progress::Mode::kOff ? 0 : EstimateDocuments(c.args));
  DiagnosticSink sink;
  Result<IngestStats> stats =
      IngestAndExtract(c.args, *knowledge, *run_id, &db, &sink, [&](const Document&) { progress.Tick(); });
  progress.Finish();
  if (!c.quiet || sink.error_count() > 0) PrintDiagnostics(sink);
  if (!stats.ok()) return fail_run(stats.status());
  record.docs_new = stats->documents_new;
  record.docs_changed = stats->documents_changed;
  record.docs_unchanged = stats->documents_unchanged;
  record.docs_failed = stats->documents_failed;

  Result<Store::ConflictDelta> delta = CheckConflicts(*knowledge, *run_id, &db);
  if (!delta.ok()) return fail_run(delta.status());
  record.conflicts_new = delta->new_count;
  record.conflicts_open = delta->still_open;
  record.conflicts_resolved = delta->resolved;
  record.conflicts_total = delta->new_count + delta->still_open;

  RunSummary summary;
  summary.run_label = "run " + std::to_string(*run_id) + ", " + c.now;
  summary.documents_new = stats->documents_new;
  summary.documents_changed = stats->documents_changed;
  summary.documents_unchanged = stats->documents_unchanged;
  summary.documents_failed = stats->documents_failed;
  summary.documents = stats->documents_new + stats->documents_changed + stats->documents_unchanged;
  summary.claims = stats->claims;
  // Moved, not copied: a first run over an archive finds hundreds of thousands.
  // The resolved conflicts the report shows are read by WriteReport, by id.
  summary.new_conflict_ids = std::move(delta->new_ids);
  summary.resolved_conflict_ids = std::move(delta->resolved_ids);
  Result<int64_t> claims_total = db.CountClaims();
  if (!claims_total.ok()) return fail_run(claims_total.status());
  record.claims_total = static_cast<int>(*claims_total);

  std::string out_dir = OutputDir(c);
  Status written = WriteReport(&db, out_dir, std::move(summary), c.excel);
  if (!written.ok()) return fail_run(written);
  UpdateLatestLink(c, out_dir);

  const int exit_status = stats->documents_failed > 0 ? kExitInputsFailed
                          : delta->new_count > 0      ? kExitNewConflicts
                                                      : kExitOk;
  record.exit_status = exit_status;
  record.finished_at = ClockNow();
  Status finished = db.FinishRun(record);
  if (!finished.ok()) return Fail(finished);

  if (!c.quiet) {
    if (stats->documents_new + stats->documents_changed == 0 && delta->new_count == 0 && delta->resolved == 0) {
      std::cout << "nothing changed: " << stats->documents_unchanged
                << " document(s) already up to date, no new conflicts";
    } else {
      std::cout << "documents: " << stats->documents_new << " new, " << stats->documents_changed << " changed, "
                << stats->documents_unchanged << " unchanged; claims extracted: " << stats->claims
                << "; conflicts: " << delta->new_count << " new, " << delta->still_open << " still open, "
                << delta->resolved << " resolved";
      if (!delta->reopened_ids.empty()) {
        std::cout << " (" << delta->reopened_ids.size() << " reopened: evidence changed since a decision)";
      }
    }
    if (stats->documents_failed > 0) std::cout << "; " << stats->documents_failed << " input(s) failed";
    std::cout << "\nreport: " << out_dir << "/report.html\n";
  }
  return exit_status;
}

int IngestCommand(const Config& c) {
  if (c.args.empty()) {
    std::cerr << "claimcheck ingest: give at least one input\n";
    return kExitUsage;
  }
  Result<Knowledge> knowledge = LoadRules(c);
  if (!knowledge.ok()) return Fail(knowledge.status());
  Result<std::unique_ptr<Store>> store = OpenStoreForRun(c);
  if (!store.ok()) return Fail(store.status());
  DiagnosticSink sink;
  Result<IngestStats> stats = IngestAndExtract(c.args, *knowledge, /*run_id=*/0, store->get(), &sink);
  PrintDiagnostics(sink);
  if (!stats.ok()) return Fail(stats.status());
  if (!c.quiet) {
    std::cout << "documents: " << stats->documents_new << " new, " << stats->documents_changed << " changed, "
              << stats->documents_unchanged << " unchanged; claims extracted: " << stats->claims << "\n";
  }
  return stats->documents_failed > 0 ? kExitInputsFailed : kExitOk;
}

int CheckCommand(const Config& c) {
  Result<Knowledge> knowledge = LoadRules(c);
  if (!knowledge.ok()) return Fail(knowledge.status());
  Result<std::unique_ptr<Store>> store = OpenStoreForRun(c);
  if (!store.ok()) return Fail(store.status());
  Result<int64_t> run_id = (*store)->BeginRun(c.now, "check");
  if (!run_id.ok()) return Fail(run_id.status());
  Result<Store::ConflictDelta> delta = CheckConflicts(*knowledge, *run_id, store->get());
  if (!delta.ok()) return Fail(delta.status());
  Store::RunRecord record;
  record.id = *run_id;
  record.started_at = c.now;
  record.inputs = "check";
  record.finished_at = ClockNow();
  record.conflicts_new = delta->new_count;
  record.conflicts_open = delta->still_open;
  record.conflicts_resolved = delta->resolved;
  record.conflicts_total = delta->new_count + delta->still_open;
  record.exit_status = delta->new_count > 0 ? kExitNewConflicts : kExitOk;
  Status finished = (*store)->FinishRun(record);
  if (!finished.ok()) return Fail(finished);
  if (!c.quiet) {
    std::cout << "conflicts: " << delta->new_count << " new, " << delta->still_open << " still open, "
              << delta->resolved << " resolved\n";
  }
  return record.exit_status;
}

int ReportCommand(const Config& c) {
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  std::string out_dir = OutputDir(c);
  Status written = WriteReport(store->get(), out_dir, RunSummary{}, c.excel);
  if (!written.ok()) return Fail(written);
  UpdateLatestLink(c, out_dir);
  if (!c.quiet) std::cout << "report: " << out_dir << "/report.html\n";
  return kExitOk;
}

}  // namespace claimcheck
