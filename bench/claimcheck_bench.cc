// claimcheck_bench: runs the pipeline over one corpus (a JSON Lines feed, e.g.
// from corpus_gen) and prints, per stage, wall time, MB/s, claims/s and peak
// RSS, next to the floor: one RE2 pass with the pattern [0-9]+ over the same
// bytes. All figures come from the same process and run, so the ratios
// (stage / floor) are comparable across machines.
//
// usage: claimcheck_bench CORPUS.jsonl [--db DB] [--out DIR] [--rules DIR]
//                         [--add EXTRA.jsonl] [--stages LIST]
// Stages: floor, ingest (read + normalise only), extract (ingest + parallel
// extraction, nothing stored), store (the real IngestAndExtract into a fresh DB),
// check, report, rerun (the same corpus again: unchanged), add (EXTRA.jsonl on
// top: the nightly increment). Peak RSS is reset before each stage
// (/proc/self/clear_refs), so each figure is that stage's own peak.
// nightly: the whole job `claimcheck run` does (ingest, extract, store, check,
// report, as a recorded run) three times on a database of its own (DB.nightly):
// the first run over CORPUS, the same corpus again (unchanged), then CORPUS plus
// EXTRA (the nightly increment): what a cron job costs, not only its ingest.
#include <fcntl.h>
#include <malloc.h>
#include <re2/re2.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/document_stream.h"
#include "pipeline/pipeline.h"

namespace {

using claimcheck::Document;
using Clock = std::chrono::steady_clock;

// Returns freed heap to the kernel first (malloc_trim), so a stage's peak is not
// the memory an earlier stage freed but glibc kept.
void ResetPeakRss() {
  malloc_trim(0);
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
}

long PeakRssKb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

struct Row {
  std::string stage;
  double seconds = 0;
  double bytes = 0;
  long claims = 0;
  long rss_kb = 0;
  std::string note;
};

class Bench {
 public:
  Row Time(const std::string& stage, double bytes, const std::function<long(std::string*)>& fn) {
    ResetPeakRss();
    auto start = Clock::now();
    Row row;
    row.stage = stage;
    row.claims = fn(&row.note);
    row.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    row.bytes = bytes;
    row.rss_kb = PeakRssKb();
    Print(row);
    rows_.push_back(row);
    return row;
  }

  static void Header() {
    std::printf("%-10s %9s %9s %12s %10s  %s\n", "stage", "wall_s", "MB/s", "claims/s", "peakRSS_MB", "note");
  }

 private:
  static void Print(const Row& r) {
    double mbps = r.seconds > 0 ? r.bytes / 1e6 / r.seconds : 0;
    double cps = r.seconds > 0 ? r.claims / r.seconds : 0;
    std::printf("%-10s %9.3f %9.1f %12.0f %10.1f  %s\n", r.stage.c_str(), r.seconds, mbps, cps, r.rss_kb / 1024.0,
                r.note.c_str());
    std::fflush(stdout);
  }
  std::vector<Row> rows_;
};

// One RE2 pass over the file's bytes counting [0-9]+ matches.
long RegexFloor(const std::string& path, std::string* note) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return 0;
  struct stat st;
  ::fstat(fd, &st);
  size_t size = static_cast<size_t>(st.st_size);
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (data == MAP_FAILED) return 0;
  static const re2::RE2 kNumber("[0-9]+");
  re2::StringPiece input(static_cast<const char*>(data), size);
  long matches = 0;
  while (re2::RE2::FindAndConsume(&input, kNumber)) ++matches;
  ::munmap(data, size);
  *note = std::to_string(matches) + " number matches";
  return 0;
}

// One nightly job on `store`, as RunCommand does it: a recorded run that ingests
// `inputs`, checks and writes the report. Returns the claims extracted; *note says
// what the run found.
long NightlyRun(claimcheck::Store* store, const claimcheck::Knowledge& knowledge,
                const std::vector<std::string>& inputs, const std::string& out, std::string* note) {
  claimcheck::Result<int64_t> run_id = store->BeginRun("bench", "bench");
  if (!run_id.ok()) {
    *note = run_id.status().ToString();
    return 0;
  }
  claimcheck::DiagnosticSink sink;
  auto stats = claimcheck::IngestAndExtract(inputs, knowledge, *run_id, store, &sink);
  if (!stats.ok()) {
    *note = stats.status().ToString();
    return 0;
  }
  auto delta = claimcheck::CheckConflicts(knowledge, *run_id, store);
  if (!delta.ok()) {
    *note = delta.status().ToString();
    return 0;
  }
  claimcheck::RunSummary summary;
  summary.new_conflict_ids = std::move(delta->new_ids);  // moved, as RunCommand does
  summary.resolved_conflict_ids = std::move(delta->resolved_ids);
  claimcheck::Status written = claimcheck::WriteReport(store, out, std::move(summary), false);
  claimcheck::Store::RunRecord record;
  record.id = *run_id;
  record.finished_at = "bench";
  record.exit_status = 0;
  (void)store->FinishRun(record);
  *note = std::to_string(stats->documents_new) + " new, " + std::to_string(stats->documents_unchanged) +
          " unchanged documents; conflicts " + std::to_string(delta->new_count) + " new, " +
          std::to_string(delta->still_open) + " open" + (written.ok() ? "" : "; " + written.ToString());
  return static_cast<long>(stats->claims);
}

bool Wanted(const std::string& stages, const std::string& stage) {
  return stages == "all" || ("," + stages + ",").find("," + stage + ",") != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus, db = "bench.db", out = "bench-report", rules, extra, stages = "all";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--db") db = value();
    else if (arg == "--out") out = value();
    else if (arg == "--rules") rules = value();
    else if (arg == "--add") extra = value();
    else if (arg == "--stages") stages = value();
    else if (corpus.empty() && arg[0] != '-') corpus = arg;
    else {
      std::fprintf(stderr, "usage: claimcheck_bench CORPUS.jsonl [--db DB] [--out DIR] [--rules DIR] "
                           "[--add EXTRA.jsonl] [--stages floor,ingest,extract,store,check,report,rerun,add,nightly]\n");
      return 2;
    }
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "claimcheck_bench: give a corpus (.jsonl)\n");
    return 2;
  }
  if (rules.empty()) rules = CLAIMCHECK_DEFAULT_RULES_DIR;
  std::error_code ec;
  const double bytes = static_cast<double>(std::filesystem::file_size(corpus, ec));
  if (ec) {
    std::fprintf(stderr, "claimcheck_bench: cannot read %s\n", corpus.c_str());
    return 1;
  }
  claimcheck::DiagnosticSink rule_sink;
  claimcheck::Result<claimcheck::Knowledge> knowledge = claimcheck::LoadKnowledge(rules, &rule_sink);
  if (!knowledge.ok()) {
    std::fprintf(stderr, "claimcheck_bench: %s\n", knowledge.status().ToString().c_str());
    return 1;
  }
  std::printf("corpus %s: %.1f MB; threads %d\n", corpus.c_str(), bytes / 1e6, claimcheck::ExtractionThreads());
  Bench bench;
  Bench::Header();
  const std::vector<std::string> inputs = {corpus};
  double floor_s = 0, store_s = 0, first_run_s = 0;

  if (Wanted(stages, "floor")) {
    floor_s = bench.Time("floor", bytes, [&](std::string* note) { return RegexFloor(corpus, note); }).seconds;
  }
  if (Wanted(stages, "ingest")) {
    bench.Time("ingest", bytes, [&](std::string* note) {
      claimcheck::DiagnosticSink sink;
      long docs = 0;
      claimcheck::IngestInputs(inputs, knowledge->ingest, &sink, [&](Document) { ++docs; });
      *note = std::to_string(docs) + " documents";
      return 0L;
    });
  }
  if (Wanted(stages, "extract")) {
    bench.Time("extract", bytes, [&](std::string* note) {
      claimcheck::DiagnosticSink sink;
      long claims = 0, docs = 0;
      claimcheck::DocumentProducer produce = [&](const std::function<bool(Document)>& emit) {
        claimcheck::IngestInputs(inputs, knowledge->ingest, &sink, [&](Document d) { emit(std::move(d)); });
      };
      claimcheck::StreamDocuments(produce, *knowledge->extractor, {}, nullptr,
                                  [&](claimcheck::ExtractedDocument& item) {
                                    ++docs;
                                    claims += static_cast<long>(item.claims.size());
                                    return true;
                                  });
      *note = "ingest+extract, " + std::to_string(docs) + " documents";
      return claims;
    });
  }
  std::unique_ptr<claimcheck::Store> store;
  if (Wanted(stages, "store")) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);
    claimcheck::Result<std::unique_ptr<claimcheck::Store>> opened = claimcheck::Store::Open(db);
    if (!opened.ok()) {
      std::fprintf(stderr, "claimcheck_bench: %s\n", opened.status().ToString().c_str());
      return 1;
    }
    store = std::move(opened.value());
    store_s = bench.Time("store", bytes, [&](std::string* note) {
      claimcheck::DiagnosticSink sink;
      auto stats = claimcheck::IngestAndExtract(inputs, *knowledge, 0, store.get(), &sink);
      if (!stats.ok()) {
        *note = stats.status().ToString();
        return 0L;
      }
      *note = "ingest+extract+store, " + std::to_string(stats->documents_new) + " new documents";
      return static_cast<long>(stats->claims);
    }).seconds;
    first_run_s = store_s;
  } else {
    auto opened = claimcheck::Store::Open(db);
    if (!opened.ok()) return 1;
    store = std::move(opened.value());
  }
  if (Wanted(stages, "check")) {
    double s = bench.Time("check", 0, [&](std::string* note) {
      // The claims checked, counted from the claim_count column: loading them here
      // (as this stage did until the fourth round) added a second load to the time.
      auto counts = store->LoadClaimCounts();
      long n = 0;
      if (counts.ok()) {
        for (const auto& [file, count] : *counts) n += static_cast<long>(count);
      }
      auto delta = claimcheck::CheckConflicts(*knowledge, 0, store.get());
      *note = delta.ok() ? std::to_string(delta->new_count + delta->still_open) + " active conflicts"
                         : delta.status().ToString();
      return n;
    }).seconds;
    first_run_s += s;
  }
  if (Wanted(stages, "report")) {
    double s = bench.Time("report", 0, [&](std::string* note) {
      claimcheck::Status st = claimcheck::WriteReport(store.get(), out, claimcheck::RunSummary{}, false);
      *note = st.ok() ? "report in " + out : st.ToString();
      return 0L;
    }).seconds;
    first_run_s += s;
  }
  double rerun_s = 0;
  if (Wanted(stages, "rerun")) {
    rerun_s = bench.Time("rerun", bytes, [&](std::string* note) {
      claimcheck::DiagnosticSink sink;
      auto stats = claimcheck::IngestAndExtract(inputs, *knowledge, 0, store.get(), &sink);
      *note = stats.ok() ? std::to_string(stats->documents_unchanged) + " unchanged, " +
                               std::to_string(stats->documents_new) + " new"
                         : stats.status().ToString();
      return 0L;
    }).seconds;
  }
  double add_s = 0;
  if (!extra.empty() && Wanted(stages, "add")) {
    double extra_bytes = static_cast<double>(std::filesystem::file_size(extra, ec));
    add_s = bench.Time("add", extra_bytes, [&](std::string* note) {
      claimcheck::DiagnosticSink sink;
      auto stats = claimcheck::IngestAndExtract({corpus, extra}, *knowledge, 0, store.get(), &sink);
      *note = stats.ok() ? std::to_string(stats->documents_unchanged) + " unchanged, " +
                               std::to_string(stats->documents_new) + " new"
                         : stats.status().ToString();
      return stats.ok() ? static_cast<long>(stats->claims) : 0L;
    }).seconds;
  }
  double nightly_first_s = 0, nightly_rerun_s = 0, nightly_add_s = 0;
  if (Wanted(stages, "nightly")) {
    const std::string nightly_db = db + ".nightly";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(nightly_db + suffix, ec);
    auto opened = claimcheck::Store::Open(nightly_db);
    if (!opened.ok()) {
      std::fprintf(stderr, "claimcheck_bench: %s\n", opened.status().ToString().c_str());
      return 1;
    }
    std::unique_ptr<claimcheck::Store> nightly = std::move(opened.value());
    const std::string nightly_out = out + ".nightly";
    nightly_first_s = bench.Time("run-first", bytes, [&](std::string* note) {
      return NightlyRun(nightly.get(), *knowledge, inputs, nightly_out, note);
    }).seconds;
    nightly_rerun_s = bench.Time("run-rerun", bytes, [&](std::string* note) {
      return NightlyRun(nightly.get(), *knowledge, inputs, nightly_out, note);
    }).seconds;
    if (!extra.empty()) {
      double extra_bytes = static_cast<double>(std::filesystem::file_size(extra, ec));
      nightly_add_s = bench.Time("run-add", extra_bytes, [&](std::string* note) {
        return NightlyRun(nightly.get(), *knowledge, {corpus, extra}, nightly_out, note);
      }).seconds;
    }
  }
  std::printf("\n");
  if (floor_s > 0 && store_s > 0) std::printf("ratio ingest+extract+store / floor: %.1fx\n", store_s / floor_s);
  if (store_s > 0 && rerun_s > 0) std::printf("ratio rerun unchanged / first ingest+extract+store: %.2f%%\n", 100 * rerun_s / store_s);
  if (store_s > 0 && add_s > 0) std::printf("ratio add / first ingest+extract+store: %.2f%%\n", 100 * add_s / store_s);
  if (nightly_first_s > 0 && nightly_rerun_s > 0) {
    std::printf("ratio nightly run unchanged / first nightly run: %.2f%%\n", 100 * nightly_rerun_s / nightly_first_s);
  }
  if (nightly_first_s > 0 && nightly_add_s > 0) {
    std::printf("ratio nightly run add / first nightly run: %.2f%%\n", 100 * nightly_add_s / nightly_first_s);
  }
  return 0;
}
