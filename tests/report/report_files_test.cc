#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "report/csv.h"
#include "report/report.h"
#include "report_fixture.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

class ReportFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("claimcheck_report_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path root_;
};

TEST_F(ReportFilesTest, WritesThreeFilesCreatingNestedDir) {
  const ReportInput in = MakeFixtureInput();
  const fs::path out = root_ / "nested" / "out";
  const Status status = WriteReportFiles(in, out.string());
  ASSERT_TRUE(status.ok()) << status.ToString();
  const ReportModel model = BuildReportModel(in);
  EXPECT_EQ(Read(out / "report.html"), RenderHtml(model));
  EXPECT_EQ(Read(out / "report.md"), RenderMarkdown(model));
  const std::string csv = Read(out / "discrepancies.csv");
  EXPECT_EQ(csv.rfind(std::string(kConflictsCsvHeader) + "\r\n", 0), 0u);
  // Rows in report order: conflict, divergence, info.
  const size_t c = csv.find("a1b2c3d4e5f60718"), d = csv.find("0f0e0d0c0b0a0908"),
               i = csv.find("1111222233334444");
  ASSERT_NE(i, std::string::npos);
  EXPECT_LT(c, d);
  EXPECT_LT(d, i);
}

TEST_F(ReportFilesTest, ExcelBomOption) {
  ASSERT_TRUE(WriteReportFiles(MakeFixtureInput(), root_.string(), {.excel_bom = true}).ok());
  EXPECT_EQ(Read(root_ / "discrepancies.csv").substr(0, 3), "\xEF\xBB\xBF");
  ASSERT_TRUE(WriteReportFiles(MakeFixtureInput(), root_.string()).ok());
  EXPECT_EQ(Read(root_ / "discrepancies.csv").rfind("conflict_id,", 0), 0u);
}

// A report written from a stream of conflicts (any count, report order) is
// byte for byte the one written from the same conflicts in a vector, also when
// the pages show fewer cards than there are conflicts, and its CSV holds them all.
TEST_F(ReportFilesTest, StreamedConflictsGiveTheSameFiles) {
  for (size_t max_items : {size_t{2000}, size_t{1}, size_t{0}}) {
    ReportInput in = MakeFixtureInput();
    in.max_items = max_items;
    const fs::path whole = root_ / ("whole" + std::to_string(max_items));
    const fs::path streamed = root_ / ("streamed" + std::to_string(max_items));
    ASSERT_TRUE(WriteReportFiles(in, whole.string()).ok());
    std::vector<Conflict> sorted = in.conflicts;
    SortConflictsForReport(&sorted);
    ReportInput without = in;
    without.conflicts.clear();
    int emitted = 0;
    ConflictStream stream = [&](const std::function<void(Conflict&)>& emit) {
      for (Conflict k : sorted) {
        emit(k);
        ++emitted;
      }
      return Status::Ok();
    };
    ASSERT_TRUE(WriteReportFiles(without, stream, streamed.string()).ok());
    EXPECT_EQ(emitted, static_cast<int>(sorted.size()));
    for (const char* name : {"report.html", "report.md", "discrepancies.csv"}) {
      EXPECT_EQ(Read(streamed / name), Read(whole / name)) << name << " max_items=" << max_items;
    }
    EXPECT_FALSE(fs::exists(streamed / "discrepancies.csv.tmp"));
    // Every conflict is in the CSV whatever the pages show (built in one piece here).
    EXPECT_EQ(Read(streamed / "discrepancies.csv"), ConflictsToCsv(sorted, false));
  }
}

// The files of a report over an earlier report's conflicts, none new, from that
// report's CSV and its leading cards: what writing them in full gives. A CSV that
// is gone: an IoError naming it, and nothing half-copied left behind.
TEST_F(ReportFilesTest, FromEarlierGivesTheFilesOfAFullWrite) {
  for (size_t max_items : {size_t{2000}, size_t{1}}) {
    ReportInput in = MakeFixtureInput();
    in.max_items = max_items;
    in.run.new_conflict_ids.clear();
    in.run.resolved_conflict_ids.clear();
    in.run.resolved_conflicts.clear();
    std::vector<Conflict> sorted = in.conflicts;
    SortConflictsForReport(&sorted);
    ReportInput without = in;
    without.conflicts.clear();
    ConflictStream stream = [&](const std::function<void(Conflict&)>& emit) {
      for (Conflict k : sorted) emit(k);
      return Status::Ok();
    };
    const fs::path full = root_ / ("full" + std::to_string(max_items));
    WrittenReport written;
    ASSERT_TRUE(WriteReportFiles(without, stream, full.string(), {}, &written).ok());
    ASSERT_EQ(written.leading_ids.size(), std::min(max_items, sorted.size()));
    std::vector<Conflict> leading(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(written.leading_ids.size()));
    for (size_t k = 0; k < leading.size(); ++k) EXPECT_EQ(leading[k].id, written.leading_ids[k]);
    const fs::path copied = root_ / ("copied" + std::to_string(max_items));
    ASSERT_TRUE(
        WriteReportFilesFromEarlier(without, (full / "discrepancies.csv").string(), written.counts, leading,
                                    copied.string())
            .ok());
    for (const char* name : {"report.html", "report.md", "discrepancies.csv"}) {
      EXPECT_EQ(Read(copied / name), Read(full / name)) << name << " max_items=" << max_items;
    }
    EXPECT_FALSE(fs::exists(copied / "discrepancies.csv.tmp"));
  }
  const std::string gone = (root_ / "gone" / "discrepancies.csv").string();
  const Status status = WriteReportFilesFromEarlier(MakeFixtureInput(), gone, ReportCounts{}, {}, (root_ / "out").string());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find(gone), std::string::npos) << status.ToString();
  EXPECT_FALSE(fs::exists(root_ / "out" / "discrepancies.csv.tmp"));
}

TEST_F(ReportFilesTest, AFailingStreamWritesNoCsv) {
  ConflictStream failing = [](const std::function<void(Conflict&)>& emit) {
    Conflict k = MakeFixtureInput().conflicts.at(0);
    emit(k);
    return Status::Database("disk gone");
  };
  const Status status = WriteReportFiles(MakeFixtureInput(), failing, root_.string());
  EXPECT_EQ(status.code(), Status::Code::kDatabase);
  EXPECT_FALSE(fs::exists(root_ / "discrepancies.csv"));
  EXPECT_FALSE(fs::exists(root_ / "discrepancies.csv.tmp"));
}

TEST_F(ReportFilesTest, FailsNamingThePathWhenDirCannotBeCreated) {
  const fs::path blocker = root_ / "plain-file";
  std::ofstream(blocker) << "not a directory";
  const std::string out = (blocker / "reports").string();
  const Status status = WriteReportFiles(MakeFixtureInput(), out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find(out), std::string::npos) << status.ToString();
}

TEST_F(ReportFilesTest, FailsNamingTheFileWhenItCannotBeWritten) {
  fs::create_directories(root_ / "report.md");  // a directory where a file should go
  const Status status = WriteReportFiles(MakeFixtureInput(), root_.string());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find((root_ / "report.md").string()), std::string::npos)
      << status.ToString();
}

}  // namespace
}  // namespace claimcheck
