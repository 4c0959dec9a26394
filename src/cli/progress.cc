#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

bool IsFeed(const fs::path& p) { return p.extension() == ".jsonl" || p.extension() == ".ndjson"; }

int FeedLines(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) ++n;
  }
  return n;
}

bool Readable(const fs::path& p) {
  static const char* kText[] = {".txt", ".text", ".html", ".htm", ".xhtml", ""};
  const std::string ext = p.extension().string();
  return std::find(std::begin(kText), std::end(kText), ext) != std::end(kText);
}

int Percent(int done, int total) {
  if (total <= 0) return 0;
  return std::min(100, static_cast<int>(100.0 * done / total));
}

}  // namespace

std::string FormatDuration(double seconds) {
  long s = std::max(0L, std::lround(seconds));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

std::string FormatProgressBar(int done, int total, double elapsed, int width) {
  const int shown_total = std::max(total, done);
  const int filled = shown_total > 0 ? width * std::min(done, shown_total) / shown_total : 0;
  std::string out = "[" + std::string(filled, '#') + std::string(width - filled, '-') + "] ";
  char counts[64];
  std::snprintf(counts, sizeof counts, "%d/%d %3d%%", done, shown_total, Percent(done, shown_total));
  out += counts;
  if (done > 0 && shown_total > done) {
    out += "  ETA " + FormatDuration(elapsed / done * (shown_total - done));
  } else if (done == 0) {
    out += "  ETA --:--";
  } else {
    out += "  " + FormatDuration(elapsed);
  }
  return out;
}

std::string FormatProgressLine(int done, int total, double elapsed) {
  const int shown_total = std::max(total, done);
  char buf[128];
  std::snprintf(buf, sizeof buf, "progress: %d/%d documents (%d%%), %.1f s elapsed", done, shown_total,
                Percent(done, shown_total), elapsed);
  return buf;
}

bool PlainLineDue(int done, int total) {
  if (total < 20 || done <= 0) return false;
  const int step = std::max(1, std::min(500, total / 10));
  return done % step == 0;
}

int EstimateDocuments(const std::vector<std::string>& inputs) {
  int n = 0;
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::path p(input);
    if (fs::is_directory(p, ec)) {
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path& entry = it->path();
        const std::string name = entry.filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec) || name == "manifest.json") continue;
        if (IsFeed(entry)) {
          n += FeedLines(entry);
        } else if (Readable(entry)) {
          ++n;
        }
      }
    } else if (IsFeed(p)) {
      n += FeedLines(p);
    } else {
      ++n;
    }
  }
  return n;
}

Progress::Mode Progress::ChooseMode(bool quiet, std::FILE* out) {
  if (quiet) return Mode::kOff;
  return isatty(fileno(out)) ? Mode::kBar : Mode::kLines;
}

Progress::Progress(Mode mode, int total, std::FILE* out)
    : mode_(mode), total_(total), out_(out), start_(std::chrono::steady_clock::now()) {}

double Progress::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Tick() {
  ++done_;
  if (mode_ == Mode::kLines) {
    if (PlainLineDue(done_, total_)) std::fprintf(out_, "%s\n", FormatProgressLine(done_, total_, Elapsed()).c_str());
  } else if (mode_ == Mode::kBar) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
    last_draw_ = now;
    std::fprintf(out_, "\r%s\x1b[K", FormatProgressBar(done_, total_, Elapsed()).c_str());
    std::fflush(out_);
  }
}

void Progress::Finish() {
  if (mode_ == Mode::kBar && done_ > 0) {
    std::fprintf(out_, "\r%s\x1b[K\n", FormatProgressBar(done_, std::max(total_, done_), Elapsed()).c_str());
    std::fflush(out_);
  }
}

}  // namespace claimcheck
