#include "cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/strings.h"
#include "pipeline/pipeline.h"
#include "report/csv.h"
#include "report/json.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

void PrintDiagnostics(const DiagnosticSink& sink) {
  for (const Diagnostic& d : sink.items()) std::cerr << d.ToString() << "\n";
}

int Fail(const Status& status) {
  std::cerr << "claimcheck: " << status.ToString() << "\n";
  return kExitError;
}

Result<std::unique_ptr<Store>> OpenStore(const Config& c) { return Store::Open(c.db_path); }

// reports/YYYY-MM-DD beside the working directory, unless --out names a folder.
std::string OutputDir(const Config& c) {
  if (!c.out_dir.empty()) return c.out_dir;
  return (fs::path("reports") / c.now.substr(0, 10)).string();
}

// Points reports/latest at the newest dated folder (only for the default layout).
void UpdateLatestLink(const Config& c, const std::string& out_dir) {
  if (!c.out_dir.empty()) return;
  std::error_code ec;
  fs::path link = fs::path(out_dir).parent_path() / "latest";
  fs::remove(link, ec);
  fs::create_directory_symlink(fs::path(out_dir).filename(), link, ec);
}

Status WriteOutput(const Config& c, const std::string& text) {
  if (c.output_file.empty() || c.output_file == "-") {
    std::cout << text;
    return Status::Ok();
  }
  std::ofstream out(c.output_file, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Status::IoError("cannot write " + c.output_file);
  return Status::Ok();
}

Result<Knowledge> LoadRules(const Config& c) {
  DiagnosticSink sink;
  Result<Knowledge> k = LoadKnowledge(c.rules_dir, &sink);
  PrintDiagnostics(sink);
  return k;
}

int RunCommand(const Config& c) {
  if (c.args.empty()) {
    std::cerr << "claimcheck run: give at least one input (file, directory or .jsonl feed)\n";
    return kExitUsage;
  }
  Result<Knowledge> knowledge = LoadRules(c);
  if (!knowledge.ok()) return Fail(knowledge.status());
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Store& db = **store;

  Result<int64_t> run_id = db.BeginRun(c.now, Join(c.args, " "));
  if (!run_id.ok()) return Fail(run_id.status());
  DiagnosticSink sink;
  Result<IngestStats> stats = IngestAndExtract(c.args, *knowledge, *run_id, &db, &sink);
  PrintDiagnostics(sink);
  if (!stats.ok()) return Fail(stats.status());
  Result<Store::ConflictDelta> delta = CheckConflicts(*knowledge, *run_id, &db);
  if (!delta.ok()) return Fail(delta.status());

  RunSummary summary;
  summary.run_label = "run " + std::to_string(*run_id) + ", " + c.now;
  summary.documents_new = stats->documents_new;
  summary.documents_changed = stats->documents_changed;
  summary.documents_unchanged = stats->documents_unchanged;
  summary.documents_failed = stats->documents_failed;
  summary.documents = stats->documents_new + stats->documents_changed + stats->documents_unchanged;
  summary.claims = stats->claims;
  summary.new_conflict_ids = delta->new_ids;
  summary.resolved_conflict_ids = delta->resolved_ids;
  std::string out_dir = OutputDir(c);
  Status written = WriteReport(&db, out_dir, summary, c.excel);
  if (!written.ok()) return Fail(written);
  UpdateLatestLink(c, out_dir);

  Store::RunRecord record;
  record.id = *run_id;
  record.started_at = c.now;
  record.finished_at = c.now;
  record.inputs = Join(c.args, " ");
  record.docs_new = stats->documents_new;
  record.docs_changed = stats->documents_changed;
  record.docs_unchanged = stats->documents_unchanged;
  record.docs_failed = stats->documents_failed;
  record.claims_total = stats->claims;
  record.conflicts_new = delta->new_count;
  record.conflicts_open = delta->still_open;
  record.conflicts_resolved = delta->resolved;
  record.conflicts_total = delta->new_count + delta->still_open;
  int exit_status = stats->documents_failed > 0 ? kExitInputsFailed
                    : delta->new_count > 0      ? kExitNewConflicts
                                                : kExitOk;
  record.exit_status = exit_status;
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
  Result<std::unique_ptr<Store>> store = OpenStore(c);
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
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Result<int64_t> run_id = (*store)->BeginRun(c.now, "check");
  if (!run_id.ok()) return Fail(run_id.status());
  Result<Store::ConflictDelta> delta = CheckConflicts(*knowledge, *run_id, store->get());
  if (!delta.ok()) return Fail(delta.status());
  Store::RunRecord record;
  record.id = *run_id;
  record.started_at = c.now;
  record.finished_at = c.now;
  record.inputs = "check";
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

int ExportCommand(const Config& c) {
  if (c.args.size() != 1 || (c.args[0] != "claims" && c.args[0] != "conflicts")) {
    std::cerr << "claimcheck export: say what to export: claims or conflicts\n";
    return kExitUsage;
  }
  if (c.format != "csv" && c.format != "json" && c.format != "jsonl") {
    std::cerr << "claimcheck export: --format must be csv, json or jsonl\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  std::string text;
  if (c.args[0] == "claims") {
    Result<std::vector<Claim>> claims = (*store)->LoadClaims();
    if (!claims.ok()) return Fail(claims.status());
    text = c.format == "csv" ? ClaimsToCsv(*claims, c.excel)
           : c.format == "json" ? ClaimsToJson(*claims) : ClaimsToJsonLines(*claims);
  } else {
    Result<std::vector<Conflict>> conflicts = (*store)->LoadConflicts(/*active_only=*/true);
    if (!conflicts.ok()) return Fail(conflicts.status());
    SortConflictsForReport(&conflicts.value());
    text = c.format == "csv" ? ConflictsToCsv(*conflicts, c.excel)
           : c.format == "json" ? ConflictsToJson(*conflicts) : ConflictsToJsonLines(*conflicts);
  }
  Status written = WriteOutput(c, text);
  return written.ok() ? kExitOk : Fail(written);
}

int ReviewCommand(const Config& c) {
  if (c.args.size() != 1 || c.status.empty()) {
    std::cerr << "claimcheck review: usage: claimcheck review CONFLICT_ID --status open|confirmed|dismissed|needs_info"
                 " [--note TEXT] [--by NAME] --db DB\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Status st = (*store)->AddReview(c.args[0], c.status, c.note, c.reviewer, c.now);
  if (!st.ok()) {
    std::cerr << "claimcheck review: " << st.message() << "\n";
    return st.code() == Status::Code::kDatabase ? kExitError : kExitUsage;
  }
  if (!c.quiet) std::cout << "conflict " << c.args[0] << ": " << c.status << " (by " << c.reviewer << ")\n";
  return kExitOk;
}

int RulesCommand(const Config& c) {
  if (c.args.size() != 1 || c.args[0] != "lint") {
    std::cerr << "claimcheck rules: the only subcommand is lint\n";
    return kExitUsage;
  }
  Result<Knowledge> knowledge = LoadRules(c);
  if (!knowledge.ok()) return Fail(knowledge.status());
  if (!c.quiet) {
    const Lexicon& lex = knowledge->extractor->lexicon().lexicon;
    std::cout << c.rules_dir << ": ok (" << lex.metrics.size() << " metric entries, " << lex.events.size()
              << " events, " << lex.subjects.size() << " subjects, " << knowledge->checks.size() << " check rules)\n";
  }
  return kExitOk;
}

int HistoryCommand(const Config& c) {
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Result<std::vector<Store::RunRecord>> runs = (*store)->LoadRuns();
  if (!runs.ok()) return Fail(runs.status());
  std::cout << "run\tstarted\tdocs new/changed/unchanged/failed\tclaims\tconflicts new/open/resolved\texit\tinputs\n";
  for (const Store::RunRecord& r : *runs) {
    std::cout << r.id << "\t" << r.started_at << "\t" << r.docs_new << "/" << r.docs_changed << "/"
              << r.docs_unchanged << "/" << r.docs_failed << "\t" << r.claims_total << "\t" << r.conflicts_new
              << "/" << r.conflicts_open << "/" << r.conflicts_resolved << "\t" << r.exit_status << "\t"
              << r.inputs << "\n";
  }
  return kExitOk;
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"run", "claimcheck run INPUT... [--db DB] [--out DIR] [--rules DIR] [--excel] [--quiet]",
       "ingest, extract, check and report in one go (the nightly job)", RunCommand},
      {"ingest", "claimcheck ingest INPUT... [--db DB] [--rules DIR]",
       "read inputs, extract their claims and store them (no check, no report)", IngestCommand},
      {"check", "claimcheck check [--db DB] [--rules DIR]", "re-check every stored claim with the rules",
       CheckCommand},
      {"report", "claimcheck report [--db DB] [--out DIR] [--excel]", "write report.html, report.md and "
       "discrepancies.csv from the database", ReportCommand},
      {"export", "claimcheck export claims|conflicts [--db DB] [--format csv|json|jsonl] [-o FILE] [--excel]",
       "export stored claims or active conflicts", ExportCommand},
      {"review", "claimcheck review CONFLICT_ID --status open|confirmed|dismissed|needs_info [--note TEXT] [--by NAME] [--db DB]",
       "record an editor's decision on a conflict", ReviewCommand},
      {"rules", "claimcheck rules lint [--rules DIR]", "validate the rule files and report file:line errors",
       RulesCommand},
      {"history", "claimcheck history [--db DB]", "list past runs", HistoryCommand},
  };
  return kCommands;
}

std::string GeneralHelp() {
  std::string out =
      "claimcheck: finds where news sources disagree on quantified claims\n\nusage: claimcheck COMMAND [ARGS]\n\n"
      "commands:\n";
  for (const Command& cmd : Commands()) out += "  " + std::string(cmd.name) + std::string(10 - std::string(cmd.name).size(), ' ') + cmd.help + "\n";
  out +=
      "\nclaimcheck COMMAND --help shows a command's usage.\n\n"
      "exit status:\n"
      "  0  success, no new conflicts\n"
      "  1  error: the run could not complete (bad rules, database error)\n"
      "  2  usage error\n"
      "  3  success, new conflicts found\n"
      "  4  some inputs could not be read (the rest were processed)\n";
  return out;
}

}  // namespace claimcheck
