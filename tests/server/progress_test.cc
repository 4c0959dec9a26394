// Run progress (src/cli/progress.h): the bar, the plain lines and the estimate.
#include "cli/progress.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace claimcheck {
namespace {

TEST(ProgressTest, Bar) {
  EXPECT_EQ(FormatProgressBar(0, 10, 0, 10), "[----------] 0/10   0%  ETA --:--");
  EXPECT_EQ(FormatProgressBar(5, 10, 30, 10), "[#####-----] 5/10  50%  ETA 0:30");
  EXPECT_EQ(FormatProgressBar(10, 10, 42, 10), "[##########] 10/10 100%  0:42");
  EXPECT_EQ(FormatProgressBar(12, 10, 42, 10), "[##########] 12/12 100%  0:42");  // the estimate was low
  EXPECT_EQ(FormatProgressBar(1, 1000, 4, 10), "[----------] 1/1000   0%  ETA 1:06:36");
}

TEST(ProgressTest, PlainLines) {
  EXPECT_EQ(FormatProgressLine(25, 100, 12.5), "progress: 25/100 documents (25%), 12.5 s elapsed");
  EXPECT_FALSE(PlainLineDue(5, 10));  // small runs print no progress lines
  EXPECT_TRUE(PlainLineDue(10, 100));
  EXPECT_FALSE(PlainLineDue(11, 100));
  EXPECT_TRUE(PlainLineDue(500, 100000));  // at most every 500 documents
  EXPECT_FALSE(PlainLineDue(0, 100));
  EXPECT_EQ(Progress::ChooseMode(true, stderr), Progress::Mode::kOff);
}

TEST(ProgressTest, EstimateCountsWhatIngestReads) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("cc-progress-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / ".hidden");
  auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p) << text; };
  write(dir / "a.txt", "x");
  write(dir / "sub" / "b.html", "x");
  write(dir / "sub" / "feed.jsonl", "{}\n\n{}\n{}\n");
  write(dir / "manifest.json", "{}");
  write(dir / "photo.jpg", "x");
  write(dir / ".hidden" / "c.txt", "x");
  EXPECT_EQ(EstimateDocuments({dir.string()}), 5);  // a.txt, b.html, 3 feed lines
  EXPECT_EQ(EstimateDocuments({(dir / "a.txt").string(), (dir / "sub" / "feed.jsonl").string()}), 4);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace claimcheck
