// Progress of a run on stderr: a bar with an ETA when stderr is a terminal,
// a plain line every so often when it is not (cron, logs), nothing with
// --quiet. The total is an estimate made before reading (EstimateDocuments),
// so the bar clamps at 100%. The formatting functions are pure.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace claimcheck {

// "[##########----------]  50/100  50%  ETA 0:42" (width = the bar's cells).
// The ETA is elapsed/done*(total-done), shown once done > 0; "ETA --:--" before.
std::string FormatProgressBar(int done, int total, double elapsed_seconds, int width = 30);

// "progress: 50/100 documents (50%), 12.5 s elapsed"
std::string FormatProgressLine(int done, int total, double elapsed_seconds);

// True when a plain line is due after `done` documents: every tenth of the
// total (at most every 500 documents), and never for totals under 20.
bool PlainLineDue(int done, int total);

// "m:ss", or "h:mm:ss" from an hour up.
std::string FormatDuration(double seconds);

// How many documents `inputs` hold, roughly: files under directories that
// ingest would read (hidden entries and manifest.json skipped), lines of
// .jsonl/.ndjson feeds, 1 for any other file. Never fails (unreadable -> 0).
int EstimateDocuments(const std::vector<std::string>& inputs);

class Progress {
 public:
  enum class Mode { kOff, kBar, kLines };
  // kOff when quiet, kBar when `out` is a terminal, kLines otherwise.
  static Mode ChooseMode(bool quiet, std::FILE* out);

  Progress(Mode mode, int total, std::FILE* out = stderr);
  // One more document read.
  void Tick();
  // Ends the bar's line (kBar); call once at the end.
  void Finish();

 private:
  double Elapsed() const;

  Mode mode_;
  int total_;
  int done_ = 0;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace claimcheck
